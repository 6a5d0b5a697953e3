"""Model3D: a model file's path in, a model file's payload out; other file types refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError
from tests.support import asgi_client, completion, join, read_session

CUBE_CORNER = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"


@pytest.fixture
def model(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "corner.obj"
    path.write_text(CUBE_CORNER)
    return {"path": str(path), "orig_name": "corner.obj"}


def test_an_uploaded_model_is_a_path(model: dict[str, str]) -> None:
    value = gr.Model3D().preprocess(model)
    assert value == str(Path(model["path"]).resolve())
    assert value.name == value  # file-object style code (`model.name`) keeps working
    assert gr.Model3D().preprocess(None) is None


def test_only_the_file_chooser_limits_types_and_lists_are_refused(
    model: dict[str, str], tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hi")
    assert gr.Model3D().preprocess({"path": str(text)}) == str(text.resolve())  # as in Gradio
    with pytest.raises(PayloadError, match="one model"):
        gr.Model3D().preprocess([model])


def test_output_and_props(model: dict[str, str]) -> None:
    out = gr.Model3D(clear_color=(0.1, 0.2, 0.3, 1.0), label="Model").postprocess(model["path"])
    assert out["orig_name"] == "corner.obj"
    props = gr.Model3D(camera_position=(90, None, 3)).config()["props"]
    assert props["camera_position"] == [90, None, 3]
    assert ".glb" in props["file_types"]


@pytest.mark.anyio
async def test_a_function_gets_and_returns_models(model: dict[str, str]) -> None:
    with gr.Blocks() as demo:
        source = gr.Model3D()
        shown = gr.Model3D()
        source.upload(lambda path: path, source, shown)
    async with asgi_client(demo) as client:
        upload = await client.post(
            "/gradio_api/upload",
            files={"files": ("corner.obj", CUBE_CORNER.encode(), "text/plain")},
        )
        stored = upload.json()[0]
        await join(client, 0, [{"path": stored, "orig_name": "corner.obj"}], "m")
        done = completion(await read_session(client, "m"))
        await join(client, 0, [{"path": "/etc/passwd", "orig_name": "x.obj"}], "bad")
        refused = completion(await read_session(client, "bad"))
    assert done["success"] is True
    assert done["output"]["data"][0]["orig_name"] == "corner.obj"
    assert refused["success"] is False
