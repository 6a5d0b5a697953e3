"""``launch(i18n=...)``: translations in the config, markers in configs and outputs."""

from __future__ import annotations

import pytest

import limelight as gr
from tests.support import asgi_client, completion, run_event

pytestmark = pytest.mark.anyio


async def test_config_carries_translations_and_markers_reach_outputs() -> None:
    i18n = gr.I18n(en={"name": "Name", "bob": "Bob"}, fr={"name": "Nom", "bob": "Robert"})
    with gr.Blocks() as demo:
        box = gr.Textbox(label=i18n("name"))
        gr.Button("Reset").click(lambda: i18n("bob"), None, box)
    demo.i18n = i18n  # what launch(i18n=i18n) sets
    async with asgi_client(demo) as client:
        config = (await client.get("/config")).json()
        done = completion(await run_event(client, 0, []))
    assert config["i18n_translations"] == i18n.translations
    (props,) = [c["props"] for c in config["components"] if c["id"] == box.id]
    assert props["label"] == str(i18n("name"))
    assert done["output"]["data"] == [str(i18n("bob"))]


async def test_no_translations_without_i18n() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        config = (await client.get("/config")).json()
    assert config["i18n_translations"] is None
