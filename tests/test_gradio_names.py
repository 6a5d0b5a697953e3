"""Smaller Gradio names that scripts use: ``gr.set_static_paths``,
``Code.languages``, ``Message``/``MessageDict``, ``Markdown.copy`` and
``HTML(autoscroll=...)``."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.chatbot import Message, MessageDict
from limelight.files import access as file_access
from limelight.files.access import FileAccess, FileNotAllowed
from limelight.files.local import LocalFileStore


def test_static_paths_become_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_access, "_STATIC_PATHS", [])
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "logo.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("no")
    access = FileAccess(LocalFileStore(tmp_path / "store"), blocked_paths=[shared / "blocked"])
    with pytest.raises(FileNotAllowed):
        access.readable(shared / "logo.png")
    gr.set_static_paths(paths=[str(shared)])
    assert access.readable(shared / "logo.png") == (shared / "logo.png").resolve()
    with pytest.raises(FileNotAllowed):
        access.readable(tmp_path / "secret.txt")
    with pytest.raises(FileNotAllowed):
        access.readable(shared / ".." / "secret.txt")


def test_small_names() -> None:
    assert "python" in gr.Code.languages
    message: MessageDict = {"role": "user", "content": "Hello"}
    assert gr.Chatbot([message, Message(role="assistant", content="Hi")]).value is not None
    assert gr.HTML("<p>x</p>", autoscroll=True).config()["props"]["autoscroll"] is True


def test_markdown_copy_event() -> None:
    with gr.Blocks() as demo:
        text = gr.Markdown("**hi**", buttons=["copy"])
        out = gr.Textbox()
        text.copy(lambda data: data.value, None, out)
    assert demo.fns[0].targets == [(text, "copy")]
