"""ImageEditor (and Sketchpad, Paint, ImageMask): background, layers and composite in and out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

import limelight as gr
from limelight.components.base import PayloadError

from ..support import asgi_client, completion, run_event


def _png(folder: Path, name: str, color: tuple[int, int, int, int]) -> dict[str, str]:
    path = folder / name
    Image.new("RGBA", (8, 6), color).save(path)
    return {"path": str(path), "orig_name": name}


@pytest.fixture
def payload(tmp_path: Path) -> dict[str, Any]:
    return {
        "background": _png(tmp_path, "bg.png", (255, 255, 255, 255)),
        "layers": [_png(tmp_path, "layer.png", (0, 0, 0, 0))],
        "composite": _png(tmp_path, "flat.png", (9, 9, 9, 255)),
    }


def test_each_part_arrives_as_the_type(payload: dict[str, Any]) -> None:
    value = gr.ImageEditor().preprocess(payload)
    assert value["background"].shape == (6, 8, 4)
    assert len(value["layers"]) == 1
    assert value["composite"][0, 0].tolist() == [9, 9, 9, 255]
    pil = gr.ImageEditor(type="pil").preprocess(payload)
    assert pil["composite"].size == (8, 6)
    paths = gr.ImageEditor(type="filepath").preprocess({**payload, "background": None})
    assert paths["background"] is None and paths["composite"].endswith("flat.png")


def test_one_image_is_background_and_composite() -> None:
    out = gr.ImageEditor().postprocess(np.zeros((4, 4, 3), dtype=np.uint8))
    assert out["background"] == out["composite"]
    assert out["layers"] == []
    assert out["background"]["path"].endswith(".webp")


def test_a_dict_of_images_is_stored_part_by_part(payload: dict[str, Any]) -> None:
    value = {"background": payload["background"]["path"], "layers": [], "composite": None}
    out = gr.ImageEditor().postprocess(value)
    assert out["background"]["orig_name"] == "bg.png"
    assert out["composite"] is None


def test_bad_payloads_are_refused_before_queueing() -> None:
    editor = gr.ImageEditor()
    for bad in ("not an object", {"layers": {"a": 1}}, {"background": 3}):
        with pytest.raises(PayloadError):
            editor.check_payload(bad)
    editor.check_payload(None)


def test_api_info_describes_editor_data() -> None:
    info = gr.ImageEditor().api_info()
    assert set(info["properties"]) == {"background", "layers", "composite", "id"}


def test_presets() -> None:
    sketch = gr.Sketchpad().config()["props"]
    assert sketch["sources"] == []
    assert sketch["brush"]["color_mode"] == "fixed"
    assert gr.Paint().config()["props"]["brush"]["colors"][0] == "#cc3232"
    mask = gr.ImageMask().config()["props"]
    assert mask["layers"]["disabled"] is True
    custom = gr.ImageEditor(brush=gr.Brush(colors=["#ff0000"], default_size=4), eraser=False)
    props = custom.config()["props"]
    assert props["brush"]["default_color"] == "#ff0000"
    assert props["eraser"] is False


def test_a_starting_value_naming_a_missing_file_warns_and_starts_empty() -> None:
    with pytest.warns(UserWarning, match=r"no such file \./nowhere\.jpg"):
        editor = gr.ImageEditor(value="./nowhere.jpg")
    assert editor.value is None
    assert editor.initial_value is None  # the server has no file to store at start
    with pytest.warns(UserWarning):
        assert gr.Image(value="missing/cheetah.jpg").value is None


def test_presets_crop_only_as_in_gradio() -> None:
    for preset in (gr.Sketchpad(), gr.Paint(), gr.ImageMask()):
        assert preset.config()["props"]["transforms"] == ["crop"]
    assert gr.ImageEditor().config()["props"]["transforms"] == ["crop", "resize"]
    assert gr.Sketchpad(transforms=("resize",)).config()["props"]["transforms"] == ["resize"]


@pytest.mark.anyio
async def test_an_update_of_brush_eraser_and_layers_is_sent_as_the_config_sends_them() -> None:
    def restyle() -> gr.ImageEditor:
        return gr.ImageEditor(
            brush=gr.Brush(default_size=4, colors=["#ff0000"]),
            eraser=gr.Eraser(default_size=6),
            layers=gr.LayerOptions(allow_additional_layers=False, layers=["Mask"]),
        )

    with gr.Blocks() as demo:
        editor = gr.ImageEditor()
        gr.Button().click(restyle, None, editor)
        gr.Button().click(lambda: gr.ImageEditor(layers=False, brush=None), None, editor)
    async with asgi_client(demo) as client:
        restyled = completion(await run_event(client, 0, []))["output"]["data"][0]
        plain = completion(await run_event(client, 1, []))["output"]["data"][0]
    assert restyled["brush"] == {
        "default_size": 4,
        "colors": ["#ff0000"],
        "default_color": "#ff0000",
        "color_mode": "defaults",
    }
    assert restyled["eraser"] == {"default_size": 6}
    assert restyled["layers"] == {
        "allow_additional_layers": False,
        "layers": ["Mask"],
        "disabled": False,
    }
    assert plain["layers"]["disabled"] is True
    assert plain["brush"] == editor.config()["props"]["brush"]


def test_brush_colours_keep_their_opacity_as_in_gradio() -> None:
    editor = gr.ImageEditor(brush=gr.Brush(colors=["#FF0000", ("#00FF00", 0.5)]))
    brush = json.loads(json.dumps(editor.config()))
    assert brush["props"]["brush"]["colors"] == ["#FF0000", ["#00FF00", 0.5]]
    assert brush["props"]["brush"]["default_color"] == "#FF0000"
    one = gr.Brush(colors=("crimson", 0.5))
    assert one.default_color == ("crimson", 0.5)
