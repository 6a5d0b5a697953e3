"""The keywords of ``Blocks``, ``Interface`` and ``ChatInterface``: Gradio's are honoured (or
refused by name), and any other is a ``TypeError``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.exceptions import UnsupportedOption
from tests.support import asgi_client

pytestmark = pytest.mark.anyio


def shout(text: str) -> str:
    return text.upper() + "!"


@pytest.mark.parametrize(
    "make",
    [
        lambda: gr.Blocks(foo=1),
        lambda: gr.Interface(shout, "text", "text", foo=1),
        lambda: gr.ChatInterface(lambda message, history: message, foo=1),
        lambda: gr.Interface(shout, "text", "text", allow_flaging="never"),
        lambda: gr.Textbox(foo=1),
        lambda: gr.Row(foo=1),
    ],
)
def test_an_unknown_keyword_is_a_type_error(make: Any) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        make()


def test_blocks_takes_gradio_6_positional_order_and_the_page_options() -> None:
    demo = gr.Blocks(None, "blocks", "Title", True, css=".x {}")
    assert (demo.title, demo.fill_height, demo.css) == ("Title", True, ".x {}")


def test_interface_passes_app_options_on() -> None:
    demo = gr.Interface(
        shout, "text", "text", fill_width=True, delete_cache=(60, 60), css=".y {}", theme="soft"
    )
    assert (demo.fill_width, demo.delete_cache, demo.css) == (True, (60, 60), ".y {}")
    assert isinstance(demo.theme, gr.themes.Soft)


def test_chat_interface_honours_delete_cache_and_validator() -> None:
    def check(message: str) -> None:
        return None

    demo = gr.ChatInterface(
        lambda message, history: message, delete_cache=(10, 20), validator=check
    )
    assert demo.delete_cache == (10, 20)
    assert any(dep.validator is check for dep in demo.fns)


def test_interface_api_mode_is_refused() -> None:
    with pytest.raises(UnsupportedOption, match="_api_mode"):
        gr.Interface(shout, "text", "text", _api_mode=True)


@pytest.mark.parametrize(
    ("deep_link", "label"), [(True, "Share via Link"), ("Share this", "Share this"), (None, None)]
)
def test_interface_deep_link_adds_the_button(deep_link: Any, label: str | None) -> None:
    demo = gr.Interface(shout, "text", "text", deep_link=deep_link)
    buttons = [b for b in demo.walk() if isinstance(b, gr.DeepLinkButton)]
    assert [b.value for b in buttons] == ([label] if label else [])


def test_interface_deep_link_takes_a_button_of_ones_own() -> None:
    button = gr.DeepLinkButton("Mine", render=False)
    demo = gr.Interface(shout, "text", "text", deep_link=button)
    assert button in demo.walk()


def _preloads(demo: gr.Interface) -> list[Any]:
    return [dep for dep in demo.fns if (demo, "load") in dep.targets]


async def test_preload_example_opens_the_page_on_a_cached_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    demo = gr.Interface(shout, "text", "text", examples=["a", "b"], cache_examples=True,
                        preload_example=1)  # fmt: skip
    inputs, outputs = _preloads(demo)
    async with asgi_client(demo) as client:
        for dep, expected in ((inputs, ["b"]), (outputs, ["B!"])):
            body = {"data": [], "fn_index": dep.id, "session_hash": "s"}
            answer = await client.post("/gradio_api/run/predict", json=body)
            assert answer.json()["data"] == expected, answer.text


def test_no_preload_without_eager_cache_or_with_values_or_false(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not _preloads(gr.Interface(shout, "text", "text", examples=["a"]))
    lazy = gr.Interface(shout, "text", "text", examples=["a"], cache_examples="lazy")
    assert not _preloads(lazy)
    off = gr.Interface(shout, "text", "text", examples=["a"], cache_examples=True,
                       preload_example=False)  # fmt: skip
    assert not _preloads(off)
    valued = gr.Interface(shout, gr.Textbox("mine"), "text", examples=["a"], cache_examples=True)
    assert not _preloads(valued)


def test_queue_takes_gradios_keywords_only() -> None:
    demo = gr.Blocks().queue(max_size=3, default_concurrency_limit=2)
    assert (demo.queue_settings.max_size, demo.queue_settings.default_concurrency_limit) == (3, 2)
    with pytest.raises(TypeError, match="concurrency_count"):
        gr.Blocks().queue(concurrency_count=4)  # type: ignore[call-arg]
