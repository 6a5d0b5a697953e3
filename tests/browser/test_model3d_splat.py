"""gr.Model3D in a browser: Gaussian splats (.splat files, and PLY files holding a splat) are
drawn with gsplat, honour the camera options, and gsplat is downloaded only by pages showing a
splat, three.js only by pages showing a mesh."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import limelight as gr
from tests.browser.support import record_requests, wait_ready, watch_errors

pytestmark = pytest.mark.browser

BLUE = (0, 0, 1, 1)
SPLAT_CHUNK = "model3d_splat"
THREE_CHUNK = "model3d_scene"
# An 8 x 8 grid of red splats in the plane z = 0, 1.6 units across, centred on the origin
# (which the splat viewer looks at).
GRID = [(-0.8 + 0.2 * i + 0.1, -0.8 + 0.2 * j + 0.1, 0.0) for i in range(8) for j in range(8)]
SCALE = 0.08

# The share of the canvas that gsplat drew on: it clears to transparent and shows the clear
# colour behind the canvas, so a drawn pixel is one that is not transparent.
DRAWN_SHARE = """c => {
  const copy = document.createElement('canvas');
  copy.width = c.width; copy.height = c.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(c, 0, 0);
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
  return drawn / (data.length / 4);
}"""


def write_splat(path: Path) -> Path:
    """The grid as a .splat file: per splat 32 bytes, its position and scale (3 float32 each),
    its colour (RGBA, 4 uint8) and its rotation (a unit quaternion w, x, y, z, each q * 128 +
    128 as a uint8; here none)."""
    record = struct.Struct("<3f3f4B4B")
    path.write_bytes(
        b"".join(
            record.pack(*p, SCALE, SCALE, SCALE, 230, 30, 30, 255, 255, 128, 128, 128) for p in GRID
        )
    )
    return path


def write_splat_ply(path: Path) -> Path:
    """The grid as a 3D Gaussian splatting PLY file: a colour as its zeroth spherical harmonic,
    opacity as a logit, scale as a logarithm."""
    names = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity"]
    names += ["scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]
    header = f"ply\nformat binary_little_endian 1.0\nelement vertex {len(GRID)}\n"
    header += "".join(f"property float {name}\n" for name in names) + "end_header\n"
    log_scale = -2.5257  # ln(0.08)
    record = struct.Struct(f"<{len(names)}f")
    body = b"".join(
        record.pack(*p, 1.6, -1.4, -1.4, 6.0, log_scale, log_scale, log_scale, 1.0, 0.0, 0.0, 0.0)
        for p in GRID
    )
    path.write_bytes(header.encode() + body)
    return path


def drawn_share(page: Page, elem_id: str, above: float = 0.0) -> float:
    """The share of the splat's canvas drawn on, once it is more than ``above`` (gsplat draws
    once its worker has sorted the splats for the view, a few frames after the file loads)."""
    canvas = page.locator(f"#{elem_id} canvas.model3d-canvas")
    expect(canvas).to_be_visible()
    handle = canvas.element_handle()
    page.wait_for_function(f"([c, above]) => ({DRAWN_SHARE})(c) > above", arg=[handle, above])
    return float(canvas.evaluate(DRAWN_SHARE))


def test_splat_and_splat_ply_files_are_drawn_over_the_clear_colour(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    errors = watch_errors(page)
    urls = record_requests(page)
    splat = write_splat(tmp_path / "grid.splat")
    ply = write_splat_ply(tmp_path / "grid.ply")
    with gr.Blocks() as demo:
        gr.Model3D(str(splat), clear_color=BLUE, elem_id="splat")
        gr.Model3D(str(ply), clear_color=BLUE, elem_id="ply")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    for elem_id in ("splat", "ply"):
        share = drawn_share(page, elem_id)
        # The grid covers part of the canvas; the clear colour shows around it.
        assert share < 0.9, (elem_id, share)
        canvas = page.locator(f"#{elem_id} canvas.model3d-canvas")
        expect(canvas).to_have_css("background-color", "rgb(0, 0, 255)")
    expect(page.get_by_role("link", name="grid.splat")).to_be_visible()
    assert [u for u in urls if SPLAT_CHUNK in u], urls
    assert not [u for u in urls if THREE_CHUNK in u], urls
    assert errors == []


def test_camera_position_places_the_camera(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    splat = str(write_splat(tmp_path / "grid.splat"))
    with gr.Blocks() as demo:
        gr.Model3D(splat, elem_id="near")
        gr.Model3D(splat, camera_position=(None, None, 20), elem_id="far")
        # Level with the grid's plane: it is seen edge on.
        gr.Model3D(splat, camera_position=(0, 90, None), elem_id="edge")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    near = drawn_share(page, "near")
    far = drawn_share(page, "far")
    edge = drawn_share(page, "edge")
    assert far < near / 4, (far, near)
    assert edge < near / 2, (edge, near)


def test_a_mesh_loads_three_js_and_not_gsplat(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    urls = record_requests(page)
    obj = tmp_path / "triangle.obj"
    obj.write_text("v -1 -1 0\nv 1 -1 0\nv 0 1 0\nf 1 2 3\n")
    with gr.Blocks() as demo:
        gr.Model3D(str(obj), elem_id="model")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    expect(page.locator("#model canvas.model3d-canvas")).to_be_visible()
    assert [u for u in urls if THREE_CHUNK in u], urls
    assert not [u for u in urls if SPLAT_CHUNK in u], urls


def test_a_drag_turns_the_splat_and_reset_view_brings_it_back(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    with gr.Blocks() as demo:
        gr.Model3D(str(write_splat(tmp_path / "grid.splat")), elem_id="model")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    canvas = page.locator("#model canvas.model3d-canvas")
    facing = drawn_share(page, "model")
    box = canvas.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    # A third of the canvas to the left turns the camera about 70 degrees, towards edge on.
    page.mouse.move(x - box["width"] / 3, y, steps=5)
    page.mouse.up()
    # gsplat eases the camera over the frames after a drag: wait for the turned view.
    turned = f"c => ({DRAWN_SHARE})(c) < {facing * 0.8}"
    page.wait_for_function(turned, arg=canvas.element_handle())
    page.get_by_role("button", name="Reset view").click()
    back = f"c => Math.abs(({DRAWN_SHARE})(c) - {facing}) < {facing * 0.02}"
    page.wait_for_function(back, arg=canvas.element_handle())


def _centre(page: Page, elem_id: str) -> tuple[float, float, float]:
    """The centre of the model's canvas, scrolled into view, and its width."""
    canvas = page.locator(f"#{elem_id} canvas.model3d-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, box["width"]


def _share_below(page: Page, elem_id: str, other: str, factor: float) -> None:
    """Waits until ``elem_id``'s canvas is drawn on less than ``factor`` times ``other``'s."""
    canvases = [
        page.locator(f"#{e} canvas.model3d-canvas").element_handle() for e in (elem_id, other)
    ]
    page.wait_for_function(
        f"([a, b]) => ({DRAWN_SHARE})(a) < {factor} * ({DRAWN_SHARE})(b)", arg=canvases
    )


def test_zoom_speed_and_pan_speed_scale_what_the_mouse_does(
    serve: Callable[..., str], page: Page, tmp_path: Path
) -> None:
    splat = str(write_splat(tmp_path / "grid.splat"))
    with gr.Blocks() as demo:
        gr.Model3D(splat, elem_id="zoom-1")
        gr.Model3D(splat, zoom_speed=4, elem_id="zoom-4")
        gr.Model3D(splat, elem_id="pan-1")
        gr.Model3D(splat, pan_speed=5, elem_id="pan-5")
    wait_ready(page, serve(demo, allowed_paths=[str(tmp_path)]))
    for elem_id in ("zoom-1", "zoom-4", "pan-1", "pan-5"):
        drawn_share(page, elem_id)
    for elem_id in ("zoom-1", "zoom-4"):
        x, y, _ = _centre(page, elem_id)
        page.mouse.move(x, y)
        page.mouse.wheel(0, 200)
    # The same scroll takes the faster camera further away, where the grid looks smaller.
    _share_below(page, "zoom-4", "zoom-1", 0.8)
    for elem_id in ("pan-1", "pan-5"):
        x, y, width = _centre(page, elem_id)
        page.mouse.move(x, y)
        page.mouse.down(button="right")
        page.mouse.move(x + width / 4, y, steps=5)
        page.mouse.up(button="right")
    # The same drag pans the faster camera far enough to push the grid off the canvas.
    _share_below(page, "pan-5", "pan-1", 0.5)
