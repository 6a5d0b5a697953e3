"""Gradio names that limelight has but cannot honour here: each raises
``NotSupportedError`` saying what is missing and why, so a script fails at the line that
needs the feature rather than later, or silently.

Some need a service this project has no access to (the Hugging Face Hub and its Spaces and
OAuth, Gradio's Node server); the others are not built yet.
"""

from __future__ import annotations

from typing import Any, NoReturn

from limelight.exceptions import NotSupportedError

__all__ = [
    "Workflow",
    "WorkflowCanvas",
    "deploy",
    "load_chat",
    "load_ipython_extension",
    "load_openapi",
]

_NOT_YET = "limelight does not support {} yet"


def load_chat(base_url: str, model: str, token: str | None = None, **kwargs: Any) -> NoReturn:
    """Gradio builds a ChatInterface on an OpenAI-compatible server; limelight does not yet."""
    raise NotSupportedError(_NOT_YET.format("gr.load_chat (a chat app on an OpenAI-style API)"))


def load_openapi(openapi_spec: str | dict[str, Any], base_url: str, **kwargs: Any) -> NoReturn:
    """Gradio builds an app from an OpenAPI description; limelight does not yet."""
    raise NotSupportedError(_NOT_YET.format("gr.load_openapi (an app from an OpenAPI spec)"))


def load_ipython_extension(ipython: Any) -> NoReturn:
    """Gradio's ``%load_ext gradio`` cell magic for notebooks; limelight has none yet."""
    raise NotSupportedError(_NOT_YET.format("the IPython extension (%%blocks cell magic)"))


def deploy(**kwargs: Any) -> NoReturn:
    """Gradio's ``gradio deploy`` to Hugging Face Spaces, which limelight cannot reach."""
    raise NotSupportedError("gr.deploy: limelight cannot deploy to Hugging Face Spaces (no Hub)")


class Workflow:
    """Gradio's ``gr.Workflow``: an app drawn as a graph of steps by Gradio's Node-based
    workflow canvas, which limelight does not have: creating one raises."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotSupportedError(
            "gr.Workflow: limelight has no workflow canvas (Gradio draws it with its own "
            "Node server and graph editor); build the app with gr.Blocks"
        )


class WorkflowCanvas:
    """The graph canvas of a ``gr.Workflow``; creating one raises, as ``Workflow`` does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotSupportedError(
            "gr.WorkflowCanvas: limelight has no workflow canvas (see gr.Workflow)"
        )
