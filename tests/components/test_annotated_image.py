"""AnnotatedImage: an image with labelled masks and boxes, coloured per label."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")


def _rgba(path: str) -> object:
    with Image.open(path) as opened:
        return np.asarray(opened.convert("RGBA"))


def test_masks_and_boxes_become_coloured_mask_images() -> None:
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    mask = np.zeros((20, 30))
    mask[2:5, 3:6] = 0.5
    component = gr.AnnotatedImage(color_map={"m": "#ff0000"})
    payload = component.postprocess((image, [(mask, "m"), ((10, 5, 25, 15), "box")]))
    assert [a["label"] for a in payload["annotations"]] == ["m", "box"]
    soft = _rgba(payload["annotations"][0]["image"]["path"])
    assert soft.shape == (20, 30, 4)
    assert tuple(soft[3, 4]) == (255, 0, 0, 127) and soft[10, 10, 3] == 0
    box = _rgba(payload["annotations"][1]["image"]["path"])
    assert box[5, 10, 3] == 255 and box[10, 17, 3] == 0  # an outline, hollow inside
    assert tuple(box[5, 10, :3]) == (0x3B, 0x82, 0xF6)  # the palette's second colour


def test_preprocess_gives_paths_and_labels() -> None:
    image = np.zeros((4, 4, 3), dtype=np.uint8)
    payload = gr.AnnotatedImage().postprocess((image, [((0, 0, 2, 2), "a")]))
    base, annotations = gr.AnnotatedImage().preprocess(payload)
    assert Path(base).is_file()
    assert len(annotations) == 1 and annotations[0][1] == "a" and Path(annotations[0][0]).is_file()


def test_local_image_path_sizes_the_boxes(tmp_path: Path) -> None:
    path = tmp_path / "base.png"
    Image.new("RGB", (12, 6)).save(path)
    payload = gr.AnnotatedImage().postprocess((str(path), [((1, 1, 4, 4), "a")]))
    assert _rgba(payload["annotations"][0]["image"]["path"]).shape == (6, 12, 4)


def test_bad_values_are_refused() -> None:
    image = np.zeros((4, 4, 3), dtype=np.uint8)
    with pytest.raises(ValueError, match="4x4"):
        gr.AnnotatedImage().postprocess((image, [(np.zeros((3, 3)), "a")]))
    with pytest.raises(TypeError):
        gr.AnnotatedImage().postprocess("just an image")
    with pytest.raises(ValueError, match="URL"):
        gr.AnnotatedImage().postprocess(("https://example.com/x.png", [((0, 0, 1, 1), "a")]))
    with pytest.raises(ValueError, match="hex"):
        gr.AnnotatedImage(color_map={"a": "red"}).postprocess((image, [((0, 0, 1, 1), "a")]))


def test_payload_shape_is_checked() -> None:
    component = gr.AnnotatedImage()
    for bad in ({"image": None}, {"annotations": [{"label": 1}]}, [1]):
        with pytest.raises(PayloadError):
            component.check_payload(bad)
    component.check_payload(component.example_payload())


def test_props_and_api_info() -> None:
    component = gr.AnnotatedImage(height=300, color_map={"a": "#00ff00"}, show_legend=False)
    props = component.component_props()
    assert props["height"] == 300 and props["show_legend"] is False
    assert props["color_map"] == {"a": "#00ff00"}
    info = component.api_info()
    assert info["title"] == "AnnotatedImageData"
    assert info["properties"]["annotations"]["items"]["required"] == ["image", "label"]
