"""The config models stay true: the config of every demo, of Gradio-style apps and of a
``@gr.render`` run validates against ``limelight.protocol_config`` as clients receive it."""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import BaseModel, ValidationError

import limelight as gr
from limelight.app.config import build_config, page_config
from limelight.protocol_config import AppConfig, RenderConfig
from limelight.server.routes import page
from tests.support import asgi_client, completion, run_event

DEMOS = Path(__file__).resolve().parent.parent / "demos"
Model = TypeVar("Model", bound=BaseModel)
TEMPLATE = "<!doctype html><head><!--limelight-head--></head><body></body>"


def _valid(model: type[Model], config: dict[str, Any]) -> Model:
    """``config`` validated as the JSON a client gets: strictly, so that no value passes by
    being coerced (``"1"`` for a number)."""
    return model.model_validate_json(json.dumps(config), strict=True)


@pytest.mark.parametrize("path", sorted(DEMOS.glob("*.py")), ids=lambda p: p.stem)
def test_every_demo_config_matches_the_models(path: Path) -> None:
    demo = runpy.run_path(str(path), run_name="demo_under_test")["demo"]
    config = build_config(demo, root_url="http://127.0.0.1:7860")
    _valid(AppConfig, config)
    for path_ in config["page"]:
        _valid(AppConfig, page_config(config, path_))


def _interface() -> gr.Interface:
    return gr.Interface(lambda text, n: text * int(n), ["text", gr.Slider(1, 5)], "text")


def _chat() -> gr.ChatInterface:
    return gr.ChatInterface(lambda message, history: message, title="Echo")


def _tabbed() -> gr.TabbedInterface:
    return gr.TabbedInterface([_interface(), _chat()], ["Repeat", "Chat"])


def _everything() -> gr.Blocks:
    """A Blocks app using what changes the config's top level: pages, translations, a
    theme, CSS and JavaScript, State, keys, a stream event and chained listeners."""
    with gr.Blocks(theme="soft", css=".x { color: red; }", js="() => 1", fill_height=True) as demo:
        state = gr.State(0)
        name = gr.Textbox(label=gr.I18n(en={"name": "Name"})("name"), key=("name", 1))
        out = gr.Textbox()
        button = gr.Button("Go", key=7)
        button.click(lambda n: n, name, out, show_progress="minimal").then(
            lambda s: s + 1, state, state, js="(s) => s"
        )
        audio = gr.Audio(sources=["microphone"], streaming=True)
        audio.stream(lambda chunk: chunk, audio, audio, stream_every=0.2, time_limit=5)
        demo.unload(lambda: None)
    with demo.route("Second", "/second", show_in_navbar=False):
        gr.Number(label="Count").submit(lambda n: n + 1, None, None, api_name=False)
    return demo


GRADIO_STYLE = [_interface, _chat, _tabbed, _everything]


@pytest.mark.anyio
@pytest.mark.parametrize("make", GRADIO_STYLE, ids=lambda f: f.__name__.strip("_"))
async def test_served_configs_match_the_models(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page, "_template", lambda: TEMPLATE)
    demo = make()
    i18n = gr.I18n(en={"name": "Name"}, fr={"name": "Nom"})
    demo.i18n = i18n
    demo.footer_links = ["api", {"label": "Docs", "url": "https://example.com/docs"}]
    async with asgi_client(demo) as client:
        served = await client.get("/config")
        linked = await client.get("/config", params={"deep_link": "missing"})
        pages = [await client.get(f"/{path}") for path in demo.page_index.paths()]
    AppConfig.model_validate_json(served.text, strict=True)
    assert AppConfig.model_validate_json(linked.text, strict=True).deep_link_state == "invalid"
    shown = [_valid(AppConfig, _embedded(html.text)).current_page for html in pages]
    assert shown == demo.page_index.paths()


def _embedded(html: str) -> dict[str, Any]:
    """The config a page embeds, with the shared defaults merged back as its script does
    (``routes/page.py`` EXPAND)."""
    match = re.search(r'id="gradio-config">(.*?)</script>', html)
    assert match is not None
    config: dict[str, Any] = json.loads(match[1])
    defaults = config.pop("defaults")
    components = []
    for entry in config["components"]:
        shared = defaults["components"].get(entry["type"], {})
        full = {**shared, **entry}
        if "props" in shared:
            full["props"] = {**shared["props"], **entry["props"]}
        components.append(full)
    config["components"] = components
    config["dependencies"] = [{**defaults["dependency"], **d} for d in config["dependencies"]]
    return config


@pytest.mark.anyio
async def test_a_render_run_sends_a_render_config_of_the_model() -> None:
    demo = runpy.run_path(str(DEMOS / "render_split.py"), run_name="demo_under_test")["demo"]
    render = next(dep for dep in demo.fns if dep.renderable is not None)
    async with asgi_client(demo) as client:
        messages = await run_event(client, render.id, ["ab"])
    rendered = _valid(RenderConfig, completion(messages)["output"]["render_config"])
    assert len(rendered.dependencies) == 2


def test_the_models_refuse_a_key_they_do_not_declare() -> None:
    config = build_config(_interface())
    config["new_key"] = True
    with pytest.raises(ValidationError, match="new_key"):
        _valid(AppConfig, config)
    config = build_config(_interface())
    del config["dependencies"][0]["trigger_mode"]
    with pytest.raises(ValidationError, match="trigger_mode"):
        _valid(AppConfig, config)


def test_the_frontend_types_are_the_ones_the_models_give() -> None:
    generator = runpy.run_path(str(DEMOS.parent / "scripts" / "gen_wire_types.py"))
    for target in generator["TARGETS"]:
        assert target.path.read_text() == generator["render"](target), f"{target.path} is stale"
