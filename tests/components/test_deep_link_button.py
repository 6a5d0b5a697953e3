"""DeepLinkButton: a button whose props carry the text shown once the link is copied."""

from __future__ import annotations

import limelight as gr


def test_defaults_follow_gradio() -> None:
    button = gr.DeepLinkButton()
    assert button.value == "Share via Link"
    props = button.component_props()
    assert props["copied_value"] == "Link Copied!" and props["variant"] == "secondary"
    assert button.preprocess("Share via Link") == "Share via Link"
    assert isinstance(button, gr.Button)


def test_custom_texts() -> None:
    button = gr.DeepLinkButton("Share", "Copied", variant="primary")
    assert button.value == "Share" and button.component_props()["copied_value"] == "Copied"
