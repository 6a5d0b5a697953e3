"""``/gradio_api/openapi.json``: a valid OpenAPI 3.1 document of the app's REST API, and the
server keeping it (schemathesis calls each operation with data the document allows)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from openapi_spec_validator import validate
from schemathesis import checks

import limelight as gr
from limelight.server import create_app
from tests.support import asgi_client, serving


def api_app() -> gr.Blocks:
    """An endpoint per kind of payload: text, numbers, choices, files, JSON, a chat, a
    generator, and State (left out of the API)."""

    def greet(name: str, times: float) -> str:
        return f"Hello {name}!" * max(0, min(int(times), 3))

    def pick(choice: str, flag: bool) -> dict[str, Any]:
        return {"choice": choice, "flag": flag}

    def size(path: str | None) -> float:
        return 0 if path is None else 1

    def count(text: str) -> Any:
        yield from text.split()[:3]

    def remember(word: str, seen: list[str]) -> tuple[str, list[str]]:
        return word, [*seen, word][-3:]

    def relabel(name: str) -> Any:
        return gr.update(label=f"For {name}", value=name)

    def reply(message: str, history: list[Any]) -> list[Any]:
        return [{"role": "user", "content": str(message)}]

    with gr.Blocks(title="OpenAPI test") as demo:
        text = gr.Textbox(label="Name")
        times = gr.Slider(0, 5, step=1, label="Times")
        out = gr.Textbox()
        choice = gr.Dropdown(["a", "b"], label="Choice")
        flag = gr.Checkbox()
        data = gr.JSON()
        file = gr.File(type="filepath")
        number = gr.Number()
        state = gr.State([])
        chat = gr.Chatbot()
        gr.Button().click(greet, [text, times], out, api_name="greet")
        gr.Button().click(pick, [choice, flag], data, api_name="pick")
        gr.Button().click(size, file, number, api_name="size")
        gr.Button().click(count, text, out, api_name="count")
        gr.Button().click(remember, [text, state], [out, state], api_name="remember")
        gr.Button().click(reply, [text, chat], chat, api_name="reply")
        gr.Button().click(str.upper, text, out, api_name="hidden", show_api=False)
        gr.Button().click(lambda: "constant", None, out, api_name="constant")
        gr.Button().click(relabel, text, out, api_name="relabel")
    return demo


@pytest.mark.anyio
async def test_the_document_is_valid_openapi_3_1() -> None:
    async with asgi_client(api_app()) as client:
        document = (await client.get("/gradio_api/openapi.json")).json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "OpenAPI test"


@pytest.mark.anyio
async def test_it_describes_each_public_endpoint_from_its_components() -> None:
    async with asgi_client(api_app()) as client:
        document = (await client.get("/gradio_api/openapi.json")).json()
    paths = document["paths"]
    assert "/gradio_api/call/hidden" not in paths
    for name in ("greet", "pick", "size", "count", "remember", "reply", "constant"):
        for path in (f"call/{name}", f"call/v2/{name}", f"call/{name}/{{event_id}}", f"run/{name}"):
            assert f"/gradio_api/{path}" in paths
    named = paths["/gradio_api/call/v2/greet"]["post"]["requestBody"]["content"]
    schema = named["application/json"]["schema"]
    assert list(schema["properties"]) == ["name", "times"]
    assert schema["properties"]["name"]["type"] == "string"
    # State is no parameter: remember takes one value.
    remember = paths["/gradio_api/call/remember"]["post"]["requestBody"]["content"]
    assert remember["application/json"]["schema"]["properties"]["data"]["maxItems"] == 1
    for route in ("upload", "file={path}", "info"):
        assert f"/gradio_api/{route}" in paths


@pytest.mark.anyio
async def test_a_closed_rest_api_lists_no_endpoint() -> None:
    demo = api_app().queue(api_open=False)
    async with asgi_client(demo) as client:
        paths = (await client.get("/gradio_api/openapi.json")).json()["paths"]
    assert not [path for path in paths if "/call/" in path or "/run/" in path]
    assert "/gradio_api/upload" in paths


# What the document promises. Not schemathesis's positive_data_acceptance: a FileData that
# names a file the client may not read fits the schema and is refused, as it must be
# (docs/security.md), and a schema cannot list the files a client uploaded.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


def test_no_operation_answers_a_5xx_or_breaks_its_schema() -> None:
    """Every operation, a few generated calls each (a bounded run, well under a minute)."""
    failures: list[str] = []
    with serving(create_app(api_app())) as url:
        schema = schemathesis.openapi.from_url(url + "/gradio_api/openapi.json")
        for result in schema.get_all_operations():
            operation = result.ok()

            @given(case=operation.as_strategy())
            @settings(
                max_examples=8,
                deadline=None,
                database=None,
                derandomize=True,  # the same calls on every run: a failure is no fluke
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(checks=CHECKS, timeout=10)

            try:
                check()
            except Exception as exc:
                failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
