"""``gr.OAuthProfile``/``gr.OAuthToken`` and ``gr.Header`` parameters: filled in by the
server, never inputs. Nobody is signed in with Hugging Face on limelight."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.app.oauth import SIGNED_OUT
from tests.support import asgi_client, sse_messages


def greet(name: str, profile: gr.OAuthProfile | None, token: gr.OAuthToken | None) -> str:
    return f"{name}: {profile} {token}"


def private(name: str, profile: gr.OAuthProfile) -> str:
    return f"{name} is {profile.username}"


def echo_header(text: str, x_api_token: gr.Header) -> str:
    return f"{text} {x_api_token}"


def test_a_profile_is_a_dict_of_the_user_info() -> None:
    info = {"name": "Ada", "preferred_username": "ada", "profile": "p", "picture": "i"}
    profile = gr.OAuthProfile(info)
    assert (profile.name, profile.username, profile["picture"]) == ("Ada", "ada", "i")
    assert gr.OAuthToken(token="t", scope="s", expires_at=1).token == "t"


async def _call(demo: gr.Blocks, api_name: str, data: list[object], **headers: str) -> str:
    """The event stream of one call of ``api_name`` made with ``headers``."""
    async with asgi_client(demo) as client:
        path = f"/gradio_api/call/{api_name}"
        started = await client.post(path, json={"data": data}, headers=headers)
        stream = await client.get(f"{path}/{started.json()['event_id']}")
    return stream.text


def _output(stream: str) -> object:
    return sse_messages(stream)[-1]["data"]


@pytest.mark.anyio
async def test_optional_oauth_parameters_get_none_and_are_not_inputs() -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        box.submit(greet, box, out, api_name="greet")
    assert _output(await _call(demo, "greet", ["Ann"])) == ["Ann: None None"]


@pytest.mark.anyio
async def test_a_required_profile_fails_with_gradios_signed_out_error() -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        box.submit(private, box, out, api_name="private")
    stream = await _call(demo, "private", ["Ann"])
    assert "event: error" in stream and SIGNED_OUT in stream


@pytest.mark.anyio
async def test_a_header_parameter_reads_the_request_header() -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        box.submit(echo_header, box, out, api_name="echo")
    sent = await _call(demo, "echo", ["hi"], **{"X-Api-Token": "secret"})
    assert _output(sent) == ["hi secret"]
    assert _output(await _call(demo, "echo", ["hi"])) == ["hi None"]
