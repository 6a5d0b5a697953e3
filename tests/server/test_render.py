"""@gr.render: per-session components and listeners, delivered as render_config."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.app.render import RENDER_BASE, RENDER_SPAN
from tests.support import asgi_client, completion, join, read_session

pytestmark = pytest.mark.anyio


def split_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="input")

        @gr.render(inputs=text)
        def show(value: str) -> None:
            if not value:
                gr.Markdown("## No Input Provided")
            for letter in value:
                with gr.Row():
                    box = gr.Textbox(letter, key=f"box-{letter}")
                    out = gr.Textbox()
                    gr.Button("up").click(str.upper, box, out)

    return demo


async def render_once(client: Any, text: str, session: str) -> dict[str, Any]:
    event_id = await join(client, 0, [text], session_hash=session)
    done = completion(await read_session(client, session), event_id)
    assert done["success"], done
    config: dict[str, Any] = done["output"]["render_config"]
    return config


async def test_render_dependency_runs_on_load_and_input_change() -> None:
    async with asgi_client(split_app()) as client:
        config = (await client.get("/config")).json()
    (dep,) = config["dependencies"]
    text_id = dep["inputs"][0]
    assert dep["targets"] == [[0, "load"], [text_id, "change"]]
    assert dep["render_id"] is not None
    assert dep["api_visibility"] == "private"
    container = next(c for c in config["components"] if c["id"] == dep["render_id"])
    assert container["type"] == "column"


async def test_render_config_holds_the_new_blocks_and_listeners() -> None:
    async with asgi_client(split_app()) as client:
        config = await render_once(client, "ab", "s")
    assert config["layout"]["id"] == config["id"]
    assert len(config["layout"]["children"]) == 2
    types = [c["type"] for c in config["components"]]
    assert types.count("textbox") == 4 and types.count("button") == 2
    assert all(d["rendered_in"] == config["id"] for d in config["dependencies"])


async def test_rendered_listeners_run_for_their_session_only() -> None:
    async with asgi_client(split_app()) as client:
        config = await render_once(client, "ab", "s")
        dep_id = config["dependencies"][0]["id"]
        event_id = await join(client, dep_id, ["xy"], session_hash="s")
        done = completion(await read_session(client, "s"), event_id)
        assert done["output"]["data"] == ["XY"]
        other = await client.post(
            "/gradio_api/queue/join",
            json={"data": ["q"], "fn_index": dep_id, "session_hash": "other"},
        )
        assert other.status_code == 422


async def test_keyed_components_keep_their_ids_across_renders() -> None:
    async with asgi_client(split_app()) as client:
        first = await render_once(client, "ab", "s")
        second = await render_once(client, "abc", "s")
    keyed_first = {c["key"]: c["id"] for c in first["components"] if c["key"]}
    keyed_second = {c["key"]: c["id"] for c in second["components"] if c["key"]}
    assert keyed_second["box-a"] == keyed_first["box-a"]
    assert keyed_second["box-b"] == keyed_first["box-b"]
    assert "box-c" in keyed_second


async def test_render_errors_end_the_event_with_an_error() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()

        @gr.render(inputs=text)
        def show(value: str) -> None:
            raise gr.Error("cannot render " + value)

    async with asgi_client(demo) as client:
        event_id = await join(client, 0, ["x"], session_hash="s")
        done = completion(await read_session(client, "s"), event_id)
    assert done["success"] is False
    assert done["output"]["error"] == "cannot render x"


def test_render_outside_blocks_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"inside a `with gr\.Blocks"):
        gr.render()


async def test_keyed_listeners_keep_their_fn_index_across_renders() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()

        @gr.render(inputs=text)
        def show(value: str) -> None:
            box = gr.Textbox(value, key="box")
            button = gr.Button("go", key="go")
            button.click(str.upper, box, box, key="upper").then(str.lower, box, box)
            button.click(str.title, box, box)

    async with asgi_client(demo) as client:
        first = await render_once(client, "a", "s")
        second = await render_once(client, "b", "s")
        (keyed, chained, plain) = second["dependencies"]
        event_id = await join(client, keyed["id"], ["xy"], session_hash="s")
        done = completion(await read_session(client, "s"), event_id)
    assert keyed["id"] == first["dependencies"][0]["id"]
    assert chained["trigger_after"] == keyed["id"]
    assert plain["id"] != first["dependencies"][2]["id"]
    assert done["output"]["data"] == ["XY"]


async def test_a_run_gives_the_same_ids_whatever_else_the_process_made() -> None:
    """Two builds of one app, the second after other blocks were made, stand for two servers
    of the app: the same session's renders number their blocks and listeners the same way on
    both (from the container, not from a process-wide counter)."""
    numbering = []
    for made_before in (0, 7):
        for _ in range(made_before):
            gr.Textbox(render=False)
        async with asgi_client(split_app()) as client:
            await render_once(client, "ab", "s")
            config = await render_once(client, "abc", "s")
        base = RENDER_BASE + config["id"] * RENDER_SPAN
        numbering.append(
            (
                [c["id"] - base for c in config["components"]],
                [d["id"] - base for d in config["dependencies"]],
            )
        )
    assert numbering[0] == numbering[1]
    blocks, listeners = numbering[0]
    assert all(0 <= n < RENDER_SPAN for n in blocks + listeners)


async def test_app_id_is_random_per_build_and_the_same_on_every_route() -> None:
    first, second = gr.Blocks(), gr.Blocks()
    assert first.app_id != second.app_id
    async with asgi_client(first) as client:
        config = (await client.get("/config")).json()
        answer = (await client.get("/gradio_api/app_id")).json()
    assert config["app_id"] == answer["app_id"] == first.app_id
