"""Event data classes Gradio scripts annotate parameters with: ``KeyUpData`` and
``DeletedFileData`` reach the function filled from the browser's event data."""

from __future__ import annotations

from typing import Any

import pytest

import limelight as gr
from tests.support import asgi_client, completion, join, read_session


async def _fire(demo: gr.Blocks, trigger: gr.Component, data: list[Any], event: Any) -> Any:
    async with asgi_client(demo) as client:
        await join(client, 0, data, "evt", event_data=event, trigger_id=trigger.id)
        done = completion(await read_session(client, "evt"))
    assert done["success"] is True, done
    return done["output"]["data"]


@pytest.mark.anyio
async def test_key_up_data_has_the_key_and_the_typed_text() -> None:
    def typed(value: str, data: gr.KeyUpData) -> dict[str, Any]:
        return {"value": value, "key": data.key, "input": data.input_value}

    with gr.Blocks() as demo:
        dropdown = gr.Dropdown(["abc", "def"], allow_custom_value=True)
        shown = gr.JSON()
        dropdown.key_up(typed, dropdown, shown)
    event = {"key": "b", "input_value": "ab"}
    out = await _fire(demo, dropdown, ["abc"], event)
    assert out == [{"value": "abc", "key": "b", "input": "ab"}]


@pytest.mark.anyio
async def test_deleted_file_data_gives_the_removed_file() -> None:
    def removed(data: gr.DeletedFileData) -> str:
        assert data.file is not None
        return f"{data.index}:{data.file.path}"

    with gr.Blocks() as demo:
        files = gr.File(file_count="multiple")
        out = gr.Textbox()
        files.delete(removed, None, out)
    event = {"index": 1, "value": {"path": "/tmp/b.txt", "orig_name": "b.txt"}}
    assert await _fire(demo, files, [], event) == ["1:/tmp/b.txt"]


def test_deleted_file_data_tolerates_a_malformed_file() -> None:
    data = gr.DeletedFileData(None, {"index": 0, "value": {"path": ["not", "a", "path"]}})
    assert data.file is None


def test_on_without_triggers_runs_when_an_input_changes() -> None:
    with gr.Blocks() as demo:
        number = gr.Number()
        double = gr.Number()
        dep = gr.on(fn=lambda n: 2 * n, inputs=number, outputs=double)
    assert dep.targets == [(number, "change")]
    assert demo.fns == [dep]


def test_skip_leaves_an_output_as_it_is() -> None:
    assert gr.skip() == gr.update()
