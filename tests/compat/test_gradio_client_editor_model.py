"""The official gradio_client with a gr.ImageEditor (its value a dict of images both ways) and
a gr.Model3D (a model file both ways)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import limelight as gr

pytest.importorskip("gradio_client")
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")
from gradio_client import Client, handle_file  # noqa: E402

from tests.compat.support import digest, served_client  # noqa: E402

pytestmark = pytest.mark.compat

OBJ = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"


def darken(value: dict[str, Any]) -> dict[str, Any]:
    """Checks that Gradio's dict of RGBA arrays arrived, and darkens the composite."""
    assert sorted(value) == ["background", "composite", "layers"], sorted(value)
    shapes = {key: getattr(value[key], "shape", None) for key in ("background", "composite")}
    layers = [layer.shape for layer in value["layers"]]
    assert shapes == {"background": (6, 8, 4), "composite": (6, 8, 4)} and layers == [(6, 8, 4)]
    return {**value, "composite": value["composite"] // 2}


def editor_and_model_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        editor, edited = gr.ImageEditor(type="numpy"), gr.ImageEditor(format="png")
        gr.Button().click(darken, editor, edited, api_name="darken")
        model, shown = gr.Model3D(), gr.Model3D()
        gr.Button().click(lambda path: path, model, shown, api_name="model")
    return demo


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    with served_client(editor_and_model_app(), tmp_path_factory.mktemp("downloads")) as served:
        yield served


def png(path: Path, colour: tuple[int, int, int, int]) -> Path:
    PIL_Image.new("RGBA", (8, 6), colour).save(path)
    return path


def test_an_editor_value_round_trips(client: Client, tmp_path: Path) -> None:
    value = {
        "background": handle_file(str(png(tmp_path / "bg.png", (255, 255, 255, 255)))),
        "layers": [handle_file(str(png(tmp_path / "layer.png", (0, 0, 0, 0))))],
        "composite": handle_file(str(png(tmp_path / "flat.png", (200, 100, 50, 255)))),
        "id": None,
    }
    result = client.predict(value, api_name="/darken")
    assert set(result) == {"background", "layers", "composite", "id"}  # as from Gradio
    composite = np.asarray(PIL_Image.open(result["composite"]))
    assert composite[0, 0].tolist() == [100, 50, 25, 127]
    assert np.asarray(PIL_Image.open(result["background"]))[0, 0].tolist()[:3] == [255] * 3
    assert len(result["layers"]) == 1


def test_a_model_round_trips_byte_for_byte(client: Client, tmp_path: Path) -> None:
    model = tmp_path / "triangle.obj"
    model.write_text(OBJ)
    result = client.predict(handle_file(str(model)), api_name="/model")
    assert Path(result).name == "triangle.obj"
    assert digest(result) == digest(model)
