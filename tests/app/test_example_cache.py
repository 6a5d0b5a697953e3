"""Cached examples: outputs computed once (at start, or on first click) and kept on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from tests.support import asgi_client

pytestmark = pytest.mark.anyio

calls: list[str] = []


def shout(text: str) -> str:
    calls.append(text)
    return text.upper() + "!"


def app(cache: bool | str) -> tuple[gr.Blocks, int]:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(label="in"), gr.Textbox(label="out")
        examples = gr.Examples(["a", "b"], box, out, shout, cache_examples=cache)  # type: ignore[arg-type]
    cached = next(d for d in demo.fns if d.trigger_after == examples.load_dependency.id)
    return demo, cached.id


async def click(client: object, fn_index: int, index: int) -> list[object]:
    answer = await client.post(  # type: ignore[attr-defined]
        "/gradio_api/run/predict",
        json={"data": [index], "fn_index": fn_index, "session_hash": "s"},
    )
    assert answer.status_code == 200, answer.text
    data: list[object] = answer.json()["data"]
    return data


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    calls.clear()


async def test_eager_cache_runs_every_example_at_start_and_never_again() -> None:
    demo, cached = app(True)
    async with asgi_client(demo) as client:
        assert calls == ["a", "b"]
        assert await click(client, cached, 1) == ["B!"]
        assert await click(client, cached, 1) == ["B!"]
    assert calls == ["a", "b"]
    assert any(Path(".gradio/cached_examples").iterdir())


async def test_lazy_cache_runs_an_example_on_its_first_click() -> None:
    demo, cached = app("lazy")
    async with asgi_client(demo) as client:
        assert calls == []
        assert await click(client, cached, 0) == ["A!"]
        assert await click(client, cached, 0) == ["A!"]
    assert calls == ["a"]


async def test_a_restart_reuses_the_cache_on_disk() -> None:
    first, _ = app(True)
    async with asgi_client(first):
        pass
    calls.clear()
    second, cached = app(True)
    async with asgi_client(second) as client:
        assert await click(client, cached, 0) == ["A!"]
    assert calls == []


def test_no_cache_without_asking() -> None:
    with gr.Blocks():
        box = gr.Textbox()
        examples = gr.Examples(["a"], box, box, shout)
    assert examples.cache is None
