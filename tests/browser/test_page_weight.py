"""Heavy views load only on pages that show them: the hello-world page and a page with a
gr.Image download neither the Model3D view, three.js nor the image editor; the editor's page
no three.js; the page of a Model3D without a model the view, but neither three.js nor the
editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Page

import limelight
from tests.browser.support import record_requests, wait_ready

pytestmark = pytest.mark.browser

ASSETS = Path(limelight.__file__).parent / "static" / "assets"
# The chunks of the heavy views (the Model3D view, three.js, the image editor), each with a
# string only its code holds, so that code bundled into another chunk is found too.
HEAVY = {
    "model3d": "model3d-host",
    "model3d_scene": "WebGLRenderer",
    "image_editor": "Drawing canvas",
}


def scripts_of(page: Page, url: str) -> list[Path]:
    """The built scripts and stylesheets ``url``'s page downloads, once it is drawn and the
    network is idle."""
    urls = record_requests(page)
    wait_ready(page, url)
    page.wait_for_load_state("networkidle")
    names = [u.rsplit("/", 1)[1] for u in urls if "/assets/" in u and u.endswith((".js", ".css"))]
    assert names, urls
    return [ASSETS / name for name in names]


def loads(scripts: list[Path], chunk: str) -> bool:
    """Whether ``scripts`` hold ``chunk``'s code, by the chunk's name or by its content."""
    return any(
        s.name.split("-")[0] == chunk or HEAVY[chunk] in s.read_text("utf-8") for s in scripts
    )


# Each demo and the heavy chunks it loads at once (the model3d demo shows no model until asked).
@pytest.mark.parametrize(
    ("demo", "shown"),
    [
        ("hello_world", set()),
        ("sepia_filter", set()),
        ("image_editor", {"image_editor"}),
        ("model3d", {"model3d"}),
    ],
)
def test_a_page_downloads_no_heavy_view_it_does_not_show(
    page: Page,
    serve: Callable[..., str],
    load_demo: Callable[[str], ModuleType],
    demo: str,
    shown: set[str],
) -> None:
    scripts = scripts_of(page, serve(load_demo(demo).demo))
    assert {chunk for chunk in HEAVY if loads(scripts, chunk)} == shown
