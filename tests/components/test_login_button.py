"""LoginButton: drawn as Gradio's sign-in button; limelight has no OAuth, so nobody signs in."""

from __future__ import annotations

import limelight as gr


def test_defaults() -> None:
    props = gr.LoginButton().config()["props"]
    assert props["value"] == "Sign in with Hugging Face"
    assert props["logout_value"] == "Logout ({})"
    assert props["variant"] == "huggingface"
    assert gr.LoginButton("Log in").config()["type"] == "loginbutton"


def test_link_target_reaches_the_page() -> None:
    assert gr.LoginButton(link_target="_blank").config()["props"]["link_target"] == "_blank"
