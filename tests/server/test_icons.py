"""A button's ``icon`` given as a local file is served to the page, as Gradio serves it."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from tests.support import asgi_client

pytestmark = pytest.mark.anyio


async def test_a_local_icon_file_is_stored_and_served(tmp_path: Path) -> None:
    icon = tmp_path / "go.svg"
    icon.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    with gr.Blocks() as demo:
        gr.Button("Go", icon=str(icon))
        gr.UploadButton("Up", icon=icon)  # type: ignore[arg-type]
        gr.Button("Web", icon="https://example.com/i.png")
    async with asgi_client(demo) as client:
        components = (await client.get("/config")).json()["components"]
        icons = [c["props"]["icon"] for c in components if "icon" in c["props"]]
        assert icons[2] == "https://example.com/i.png"
        for stored in icons[:2]:
            served = await client.get("/gradio_api/file=" + stored["path"])
            assert served.text.startswith("<svg")
