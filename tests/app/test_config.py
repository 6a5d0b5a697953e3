"""The page config (``/config``): top-level keys, interactivity and the layout tree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.app.config import build_config, compact_config
from limelight.server.services import ServerSettings
from tests.support import asgi_client


def _greeter() -> gr.Blocks:
    with gr.Blocks(title="Greeter") as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello {n}", name, out, api_name="greet")
    return demo


def _by_id(config: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {c["id"]: c for c in config["components"]}


@pytest.mark.anyio
async def test_top_level_keys_served_at_config() -> None:
    async with asgi_client(_greeter()) as client:
        response = await client.get("/config")
        assert (await client.get("/gradio_api/config")).status_code == 404
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    config = response.json()
    assert config["version"] == "6.31.0"
    assert config["protocol"] == "sse_v3"
    assert config["api_prefix"] == "/gradio_api"
    assert config["mode"] == "blocks"
    assert config["title"] == "Greeter"
    assert config["enable_queue"] is True
    assert config["max_file_size"] is None
    assert config["root"] == "http://127.0.0.1:7860"
    assert config["layout"]["id"] == 0
    assert config["pages"] == [["", "Home", True]]
    for key in ("components", "dependencies", "app_id", "show_error", "theme", "css", "js"):
        assert key in config


@pytest.mark.anyio
async def test_root_follows_the_forwarded_host_of_a_trusted_proxy_only() -> None:
    forwarded = {"x-forwarded-host": "app.example", "x-forwarded-proto": "https"}
    async with asgi_client(_greeter(), ServerSettings(trust_forwarded=True)) as client:
        trusted = await client.get("/config", headers=forwarded)
    async with asgi_client(_greeter()) as client:
        anyone = await client.get("/config", headers=forwarded)
    assert trusted.json()["root"] == "https://app.example"
    assert anyone.json()["root"] == "http://127.0.0.1:7860"  # docs/security.md #19


def test_version_is_above_what_clients_branch_on() -> None:
    major, minor, _ = (int(p) for p in build_config(_greeter())["version"].split("."))
    assert (major, minor) > (4, 29)


def test_dependency_entry() -> None:
    config = build_config(_greeter())
    (dep,) = config["dependencies"]
    by_id = _by_id(config)
    assert dep["id"] == 0
    assert dep["api_name"] == "greet"
    assert dep["api_visibility"] == "public"
    assert dep["backend_fn"] is True
    assert dep["queue"] is True
    assert by_id[dep["inputs"][0]]["props"]["label"] == "Name"
    assert by_id[dep["outputs"][0]]["props"]["label"] == "Greeting"
    ((target, event),) = dep["targets"]
    assert by_id[target]["type"] == "button" and event == "click"


def test_load_targets_the_app_root() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        demo.load(lambda: "hi", None, box)
    (dep,) = build_config(demo)["dependencies"]
    assert dep["targets"] == [[0, "load"]]


def test_connect_heartbeat_only_with_state_or_unload() -> None:
    assert build_config(_greeter())["connect_heartbeat"] is False
    with gr.Blocks() as with_state:
        gr.State(0)
    assert build_config(with_state)["connect_heartbeat"] is True
    with gr.Blocks() as with_unload:
        with_unload.unload(lambda: None)
    assert build_config(with_unload)["connect_heartbeat"] is True


def test_components_include_blocks_used_but_not_placed() -> None:
    hidden = gr.Textbox(render=False)
    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(lambda x: x, hidden, out)
    ids = {c["id"] for c in build_config(demo)["components"]}
    assert hidden.id in ids


def test_interactive_resolution() -> None:
    with gr.Blocks() as demo:
        read = gr.Textbox()
        written = gr.Textbox()
        both = gr.Textbox()
        untouched = gr.Textbox()
        forced = gr.Textbox(interactive=True)
        locked = gr.Textbox(interactive=False)
        btn = gr.Button()
        btn.click(lambda a, b: (a, b), [read, both], [written, both])
        btn.click(lambda: ("", ""), None, [forced, locked])
    by_id = _by_id(build_config(demo))
    props = {b: by_id[b.id]["props"]["interactive"] for b in (read, written, both, untouched)}
    assert props == {read: True, written: False, both: True, untouched: True}
    assert by_id[forced.id]["props"]["interactive"] is True
    assert by_id[locked.id]["props"]["interactive"] is False


def test_interactive_resolution_leaves_the_component_alone() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(lambda: "x", None, out)
    build_config(demo)
    assert out.interactive is None


def _layout(demo: gr.Blocks) -> dict[str, Any]:
    return build_config(demo)["layout"]


def test_flat_layout() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Button()
    assert _layout(demo) == {"id": 0, "children": [{"id": a.id}, {"id": b.id}]}


def test_rows_and_columns_nest() -> None:
    with gr.Blocks() as demo:
        with gr.Row() as row:
            with gr.Column() as left:
                a = gr.Textbox()
            with gr.Column() as right:
                b = gr.Textbox()
                c = gr.Button()
        d = gr.Markdown()
    assert _layout(demo) == {
        "id": 0,
        "children": [
            {
                "id": row.id,
                "children": [
                    {"id": left.id, "children": [{"id": a.id}]},
                    {"id": right.id, "children": [{"id": b.id}, {"id": c.id}]},
                ],
            },
            {"id": d.id},
        ],
    }
    by_id = _by_id(build_config(demo))
    assert by_id[row.id]["type"] == "row"
    assert by_id[row.id]["skip_api"] is True
    assert by_id[left.id]["type"] == "column"


def test_tabs_are_created_around_tabs() -> None:
    with gr.Blocks() as demo:
        with gr.Tab("One") as one:
            a = gr.Textbox()
        with gr.Tab("Two") as two:
            b = gr.Textbox()
    (tabs,) = _layout(demo)["children"]
    assert tabs["children"] == [
        {"id": one.id, "children": [{"id": a.id}]},
        {"id": two.id, "children": [{"id": b.id}]},
    ]
    by_id = _by_id(build_config(demo))
    assert by_id[tabs["id"]]["type"] == "tabs"
    assert by_id[one.id]["type"] == "tabitem"
    assert by_id[one.id]["props"]["label"] == "One"


def test_tabs_separated_by_other_blocks_get_their_own_tabs() -> None:
    with gr.Blocks() as demo:
        with gr.Tab("One"):
            pass
        gr.Markdown("between")
        with gr.Tab("Two"):
            pass
    kinds = [_by_id(build_config(demo))[c["id"]]["type"] for c in _layout(demo)["children"]]
    assert kinds == ["tabs", "markdown", "tabs"]


def test_explicit_tabs() -> None:
    with gr.Blocks() as demo, gr.Tabs(selected=1) as tabs:
        with gr.TabItem("A", id=0):
            pass
        with gr.TabItem("B", id=1):
            pass
    (node,) = _layout(demo)["children"]
    assert node["id"] == tabs.id
    assert len(node["children"]) == 2
    assert _by_id(build_config(demo))[tabs.id]["props"]["selected"] == 1


def test_accordion_and_group() -> None:
    with gr.Blocks() as demo:
        with gr.Accordion("More", open=False) as accordion:
            a = gr.Textbox()
        with gr.Group() as group:
            b = gr.Textbox()
            c = gr.Textbox()
    assert _layout(demo)["children"] == [
        {"id": accordion.id, "children": [{"id": a.id}]},
        {"id": group.id, "children": [{"id": b.id}, {"id": c.id}]},
    ]
    by_id = _by_id(build_config(demo))
    assert by_id[accordion.id]["props"]["label"] == "More"
    assert by_id[accordion.id]["props"]["open"] is False
    assert by_id[group.id]["type"] == "group"


def test_unrender_removes_from_the_layout() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        a.unrender()
    assert _layout(demo)["children"] == [{"id": b.id}]


def test_two_apps_built_apart_do_not_mix() -> None:
    with gr.Blocks() as first:
        a = gr.Textbox()
    with gr.Blocks() as second:
        b = gr.Textbox()
    assert _layout(first)["children"] == [{"id": a.id}]
    assert _layout(second)["children"] == [{"id": b.id}]


def test_layouts_exited_out_of_order_is_an_error() -> None:
    demo = gr.Blocks()
    row = gr.Row(render=False)
    demo.__enter__()
    row.__enter__()
    try:
        with pytest.raises(RuntimeError, match="out of order"):
            demo.__exit__(None, None, None)
    finally:
        row.__exit__(None, None, None)
        demo.__exit__(None, None, None)


def test_page_options_from_blocks_files_and_launch(tmp_path: Path) -> None:
    sheet = tmp_path / "extra.css"
    sheet.write_text(".x { color: red; }", encoding="utf-8")
    script = tmp_path / "app.js"
    script.write_text("() => 1", encoding="utf-8")
    head = tmp_path / "head.html"
    head.write_text("<meta name='x'>", encoding="utf-8")
    demo = gr.Blocks(css=".a {}", css_paths=[sheet], head_paths=head, js=str(script))
    assert demo.css == ".a {}\n.x { color: red; }"
    assert (demo.js, demo.head) == ("() => 1", "<meta name='x'>")
    with demo:
        gr.Textbox()
    demo.launch(prevent_thread_lock=True, quiet=True, css=str(sheet), theme="soft")
    try:
        config = build_config(demo)
        assert isinstance(demo.theme, gr.themes.Soft)
        assert config["theme"] == "soft"
        # the ready-made theme's stylesheet comes first, then the app's own CSS
        assert config["css"].endswith("\n.x { color: red; }")
        assert "--primary-500:#6366f1;" in config["css"]
    finally:
        demo.close(verbose=False)


def _expand(compact: dict[str, Any]) -> dict[str, Any]:
    """What the page's script does with the embedded config (``routes/page.py`` EXPAND)."""
    config = dict(compact)
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


def _mixed() -> gr.Blocks:
    with gr.Blocks() as demo:
        flags = [gr.Checkbox(value=v, label="same") for v in (True, True, False)]
        numbers = [gr.Number(value=v, label="n") for v in (1, 1, 1.0, 0)]
        slider = gr.Slider(0, 10, value=1)
        for flag in flags:
            flag.change(lambda x: x, flag, slider)
        numbers[0].submit(lambda x: x, numbers[0], numbers[1], api_name=False)
    return demo


@pytest.mark.parametrize("make", [_greeter, _mixed])
def test_compact_config_expands_to_the_config_exactly(make: Any) -> None:
    config = build_config(make(), root_url="http://x")
    compact = compact_config(config)
    expanded = _expand(compact)
    assert expanded == config
    # Exactly: ``True`` stays ``True`` and ``1.0`` stays a float where the shared value is 1.
    for full, got in zip(config["components"], expanded["components"], strict=True):
        for key, value in full["props"].items():
            assert type(got["props"][key]) is type(value), (full["id"], key)


def test_compact_config_says_repeated_options_once() -> None:
    config = build_config(_mixed())
    compact = compact_config(config)
    assert len(json.dumps(compact)) < len(json.dumps(config)) * 0.6
    assert all(set(c) <= {"id", "type", "props"} for c in compact["components"])
    flags = [c for c in compact["components"] if c["type"] == "checkbox"]
    assert [f["props"] for f in flags] == [{}, {}, {"value": False}]
