"""``gr.I18n``: the strings ``i18n("key")`` gives carry Gradio's marker, not a translation."""

from __future__ import annotations

import json

import pytest

import limelight as gr


def test_a_key_becomes_gradios_marker_string() -> None:
    i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})
    text = i18n("greet")
    assert text == '__i18n__{"__type__": "translation_metadata", "key": "greet"}'
    assert text.key == "greet" and text.to_dict() == json.loads(text[len("__i18n__") :])
    assert gr.Textbox(label=text).config()["props"]["label"] == text
    assert i18n.translations_dict == {"en": {"greet": "Hello"}, "fr": {"greet": "Bonjour"}}


def test_translations_must_be_dicts_with_language_tags() -> None:
    with pytest.raises(TypeError):
        gr.I18n(en="not a dict")  # type: ignore[arg-type]
    with pytest.warns(UserWarning, match="language tag"):
        gr.I18n(English={"a": "b"})


def test_launch_takes_only_an_i18n() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(TypeError, match=r"gr\.I18n"):
        demo.launch(i18n={"en": {"a": "b"}}, prevent_thread_lock=True, quiet=True)
