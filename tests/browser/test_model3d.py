"""gr.Model3D in a browser: GLB, GLTF, OBJ, STL and PLY models are drawn with three.js over the
clear colour, in each display mode, and three.js is downloaded only by pages showing a model."""

from __future__ import annotations

import base64
import json
import struct
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import record_requests, wait_ready, watch_errors

pytestmark = pytest.mark.browser

BLUE = (0, 0, 1, 1)
# A triangle facing +z, where the camera looks from by default.
TRIANGLE = [(-1.0, -1.0, 0.0), (1.0, -1.0, 0.0), (0.0, 1.0, 0.0)]
THREE_CHUNK = "model3d_scene"

# Counts the canvas's pixels that are not the opaque blue clear colour, and all of them.
DRAWN_PIXELS = """c => {
  const copy = document.createElement('canvas');
  copy.width = c.width; copy.height = c.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(c, 0, 0);
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (!(data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 255)) drawn++;
  }
  return [drawn, data.length / 4];
}"""


def triangle_gltf(positions: bytes, uri: str | None) -> dict[str, Any]:
    """A glTF document of one mesh, the triangle (positions only), in buffer 0."""
    buffer: dict[str, Any] = {"byteLength": len(positions)}
    if uri is not None:
        buffer["uri"] = uri
    return {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "buffers": [buffer],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(positions)}],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [-1, -1, 0],
                "max": [1, 1, 0],
            }
        ],
    }


def write_glb(path: Path) -> None:
    """A binary glTF: its JSON chunk, then the positions in its BIN chunk."""
    positions = b"".join(struct.pack("<3f", *v) for v in TRIANGLE)
    text = json.dumps(triangle_gltf(positions, None)).encode()
    text += b" " * (-len(text) % 4)
    binary = positions + b"\0" * (-len(positions) % 4)
    chunks = struct.pack("<I4s", len(text), b"JSON") + text
    chunks += struct.pack("<I4s", len(binary), b"BIN\0") + binary
    path.write_bytes(struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks)


def write_models(folder: Path) -> dict[str, Path]:
    """The triangle as GLB, GLTF (its buffer a data URI), OBJ, ASCII STL and ASCII PLY files."""
    vertices = "\n".join(" ".join(map(str, v)) for v in TRIANGLE)
    kinds = ("glb", "gltf", "obj", "stl", "ply")
    files = {kind: folder / f"triangle.{kind}" for kind in kinds}
    write_glb(files["glb"])
    positions = b"".join(struct.pack("<3f", *v) for v in TRIANGLE)
    uri = "data:application/octet-stream;base64," + base64.b64encode(positions).decode()
    files["gltf"].write_text(json.dumps(triangle_gltf(positions, uri)))
    files["obj"].write_text("".join(f"v {' '.join(map(str, v))}\n" for v in TRIANGLE) + "f 1 2 3\n")
    corners = "".join(f"      vertex {' '.join(map(str, v))}\n" for v in TRIANGLE)
    files["stl"].write_text(
        "solid triangle\n  facet normal 0 0 1\n    outer loop\n"
        f"{corners}    endloop\n  endfacet\nendsolid triangle\n"
    )
    files["ply"].write_text(
        "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
        "property float z\nelement face 1\nproperty list uchar int vertex_indices\n"
        f"end_header\n{vertices}\n3 0 1 2\n"
    )
    return files


def drawn_share(page: Page, elem_id: str) -> float:
    """The share of the model's canvas that is not the clear colour, once it is drawn."""
    canvas = page.locator(f"#{elem_id} canvas.model3d-canvas")
    expect(canvas).to_be_visible()
    drawn, total = canvas.evaluate(DRAWN_PIXELS)
    return float(drawn) / total


def test_each_format_is_drawn_over_the_clear_colour(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    errors = watch_errors(page)
    files = write_models(tmp_path)
    with gr.Blocks() as demo:
        for kind, path in files.items():
            gr.Model3D(str(path), clear_color=BLUE, elem_id=f"m-{kind}")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    for kind in files:
        share = drawn_share(page, f"m-{kind}")
        # The triangle covers part of the canvas; the rest is the clear colour.
        assert 0.01 < share < 0.9, (kind, share)
    expect(page.get_by_role("link", name="triangle.stl")).to_be_visible()
    assert errors == []


def test_display_modes_camera_distance_and_height(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    obj = str(write_models(tmp_path)["obj"])
    with gr.Blocks() as demo:
        gr.Model3D(obj, clear_color=BLUE, elem_id="solid")
        gr.Model3D(obj, clear_color=BLUE, display_mode="wireframe", elem_id="wireframe")
        gr.Model3D(obj, clear_color=BLUE, display_mode="point_cloud", elem_id="points")
        gr.Model3D(obj, clear_color=BLUE, camera_position=(None, None, 40), elem_id="far")
        gr.Model3D(obj, height=150, elem_id="short")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    expect(page.locator("#short canvas.model3d-canvas")).to_have_css("height", "150px")
    solid = drawn_share(page, "solid")
    wireframe = drawn_share(page, "wireframe")
    points = drawn_share(page, "points")
    far = drawn_share(page, "far")
    assert 0 < points < wireframe < solid, (points, wireframe, solid)
    assert 0 < far < solid / 4, (far, solid)


def test_three_js_is_loaded_only_for_a_shown_model(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    urls = record_requests(page)
    with gr.Blocks() as empty:
        gr.Textbox(label="Name")
        gr.Model3D(label="Model")
    wait_ready(page, serve(empty))
    expect(page.locator(".model3d")).to_be_visible()
    assert not [u for u in urls if THREE_CHUNK in u], urls
    with gr.Blocks() as shown:
        gr.Model3D(str(write_models(tmp_path)["ply"]), elem_id="model")
    wait_ready(page, serve(shown, allowed_paths=[str(tmp_path)]))
    expect(page.locator("#model canvas.model3d-canvas")).to_be_visible()
    assert [u for u in urls if THREE_CHUNK in u], urls


def test_a_returned_obj_model_is_drawn(
    page: Page, serve: Callable[..., str], load_demo: Callable[[str], ModuleType]
) -> None:
    page.goto(serve(load_demo("model3d").demo))
    expect(page.get_by_text("No model")).to_be_visible()
    page.get_by_label("pyramid").check()
    expect(page.locator("canvas.model3d-canvas")).to_be_visible()
    expect(page.get_by_role("link", name="limelight-pyramid.obj")).to_be_visible()


def test_a_drag_turns_the_model_and_reset_view_brings_it_back(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    with gr.Blocks() as demo:
        gr.Model3D(str(write_models(tmp_path)["stl"]), clear_color=BLUE, elem_id="model")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    facing = drawn_share(page, "model")
    box = page.locator("#model canvas.model3d-canvas").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + box["width"] / 3, y, steps=5)
    page.mouse.up()
    # Turned away from the camera, the triangle covers less of the canvas.
    assert drawn_share(page, "model") < facing * 0.9
    page.get_by_role("button", name="Reset view").click()
    assert drawn_share(page, "model") == facing
