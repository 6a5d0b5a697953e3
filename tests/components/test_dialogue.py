"""Dialogue: lines of speaker and text, passed formatted as text (or as the lines), and
the ``format``/``unformat`` server functions the page uses to switch views."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.app.api_info import build_api_info
from limelight.components import PayloadError
from tests.support import asgi_client, completion, run_event

LINES = [
    {"speaker": "Speaker 1", "text": "Hello, how are you?"},
    {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
]


def test_lines_pass_as_formatted_text_or_as_the_list() -> None:
    assert gr.Dialogue().preprocess(LINES) == (
        "[Speaker 1] Hello, how are you?\n[Speaker 2] I'm fine, thank you!"
    )
    custom = gr.Dialogue(formatter=lambda s, t: f"{s}: {t}", separator=" | ")
    assert (
        custom.preprocess(LINES)
        == "Speaker 1: Hello, how are you? | Speaker 2: I'm fine, thank you!"
    )
    assert gr.Dialogue(type="list").preprocess(LINES) == LINES
    assert gr.Dialogue().preprocess("typed as text") == "typed as text"
    assert gr.Dialogue().preprocess([{"speaker": "A", "text": ""}]) == ""
    assert gr.Dialogue().preprocess(None) is None


@pytest.mark.parametrize(
    "bad", [{"speaker": "A"}, [{"speaker": "A"}], [{"speaker": 1, "text": "x"}], 5]
)
def test_malformed_lines_are_refused(bad: Any) -> None:
    with pytest.raises(PayloadError):
        gr.Dialogue().preprocess(bad)


def test_unformat_reads_text_back_into_lines() -> None:
    dialogue = gr.Dialogue(speakers=["Ann", "Bob"])
    text = "[Bob] hi there\n\nno speaker here\n"
    assert dialogue.unformat({"text": text}) == [
        {"speaker": "Bob", "text": "hi there"},
        {"speaker": "Ann", "text": "no speaker here"},
    ]
    assert gr.Dialogue().unformat({"text": "plain"}) == [{"speaker": "Unknown", "text": "plain"}]
    with pytest.raises(PayloadError):
        dialogue.unformat({"nope": 1})


def test_config_matches_gradio() -> None:
    dialogue = gr.Dialogue(LINES, speakers=["Speaker 1", "Speaker 2"], tags=["(laughs)"])
    props = dialogue.config()["props"]
    assert props["label"] == "Dialogue" and props["info"] is None
    assert (props["speakers"], props["tags"], props["separator"]) == (
        ["Speaker 1", "Speaker 2"],
        ["(laughs)"],
        "\n",
    )
    assert (props["type"], props["ui_mode"], props["server_fns"]) == (
        "text",
        "both",
        ["format", "unformat"],
    )
    assert props["value"] == LINES
    editable = gr.Dialogue(interactive=True).config()["props"]
    assert editable["info"] == "Type colon (:) in the dialogue line to see the available tags"
    with pytest.raises(ValueError, match="separator"):
        gr.Dialogue(separator=" ")


def test_api_info_types_the_lines() -> None:
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue()
        out = gr.Textbox()
        dialogue.submit(lambda text: text, dialogue, out, api_name="said")
    parameter = build_api_info(demo, root_url="")["named_endpoints"]["/said"]["parameters"][0]
    assert parameter["python_type"]["type"] == "list[dict(speaker: str, text: str)] | str"
    assert parameter["component"] == "Dialogue"


@pytest.mark.anyio
async def test_the_page_formats_with_the_apps_own_formatter() -> None:
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue(formatter=lambda s, t: f"{s} said {t}", interactive=True)
        out = gr.Textbox()
        dialogue.submit(lambda text: text.upper(), dialogue, out)
    body = {"session_hash": "s", "component_id": dialogue.id, "fn_name": "format", "data": LINES}
    async with asgi_client(demo) as client:
        formatted = await client.post("/gradio_api/component_server", json=body)
        done = completion(await run_event(client, 0, [LINES[:1]]))
    assert (
        formatted.json()
        == "Speaker 1 said Hello, how are you?\nSpeaker 2 said I'm fine, thank you!"
    )
    assert done["output"]["data"] == ["SPEAKER 1 SAID HELLO, HOW ARE YOU?"]
