"""Gradio 6 validators: ``validator=`` runs first; an invalid ``gr.validate`` stops the event."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from limelight.testing import AsyncAppTester, EventResult

pytestmark = pytest.mark.anyio


def check_age_and_city(age: float | None, city: str) -> list[dict[str, Any]]:
    return [
        gr.validate(bool(age and age >= 3), "Age must be at least 3"),
        gr.validate("london" not in city.lower(), "Not in London"),
    ]


def app(validator: Any, calls: list[Any]) -> gr.Blocks:
    def process(age: float | None, city: str) -> str:
        calls.append((age, city))
        return f"{age} in {city}"

    with gr.Blocks() as demo:
        age = gr.Number(label="Age")
        city = gr.Textbox(label="City")
        out = gr.Textbox()
        gr.Button().click(process, [age, city], out, validator=validator, api_name="process")
    return demo


async def outcome(demo: gr.Blocks, data: list[Any]) -> EventResult:
    async with AsyncAppTester(demo) as page:
        return await page.call(demo.fns[0].api_name or "", *data)


async def test_an_invalid_input_stops_the_function_and_names_the_input() -> None:
    calls: list[Any] = []
    done = await outcome(app(check_age_and_city, calls), [1, "London"])
    assert done.error is not None and calls == []
    assert done.error.message == "Age: Age must be at least 3\nCity: Not in London"
    assert done.error.title == "Invalid input"


async def test_valid_inputs_run_the_function() -> None:
    calls: list[Any] = []
    done = await outcome(app(check_age_and_city, calls), [30, "Paris"])
    assert done.ok and done.data == ["30 in Paris"]
    assert calls == [(30, "Paris")]


async def test_one_verdict_an_async_validator_or_none() -> None:
    async def not_paris(age: float | None, city: str) -> dict[str, Any]:
        return gr.validate(city != "Paris", "No Paris")

    refused = (await outcome(app(not_paris, []), [5, "Paris"])).error
    assert refused is not None and refused.message == "No Paris"
    assert (await outcome(app(lambda a, c: None, []), [5, "Paris"])).ok


async def test_a_chat_validator_may_take_the_message_alone() -> None:
    demo = gr.ChatInterface(
        lambda message, history: f"echo {message}",
        validator=lambda message: gr.validate(message != "error", "Can't be error"),
        api_name="chat",
    )
    async with AsyncAppTester(demo) as page:
        refused = await page.call("chat", "error")
        fine = await (await page.new_page()).call("chat", "hello")
    assert refused.error is not None and str(refused.error.message).endswith("Can't be error")
    assert fine.data[0] == "echo hello"


async def test_interface_takes_a_validator() -> None:
    demo = gr.Interface(
        str.upper, "text", "text", validator=lambda t: gr.validate(bool(t), "Say something")
    )
    async with AsyncAppTester(demo) as page:
        done = await page.click(page.find(type="button", value="Submit"))
    assert done.error is not None and str(done.error.message).endswith("Say something")
