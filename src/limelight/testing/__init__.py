"""Test limelight apps in-process, through the real protocol.

``AppTester`` serves an app inside the test (its queue, sessions and files included) and
drives it as a browser page does: set component values, click buttons, read what the
outputs, toasts and errors show, and the session's ``gr.State``:

    import limelight as gr
    from limelight.testing import AppTester

    def test_greets() -> None:
        with gr.Blocks() as demo:
            name = gr.Textbox()
            greeting = gr.Textbox()
            button = gr.Button()
            button.click(lambda n: f"Hello {n}!", name, greeting)

        with AppTester(demo) as page:
            page.set(name, "World")
            page.click(button)
            assert page.value(greeting) == "Hello World!"

``AsyncAppTester`` is the same for async tests (``async with``, each method awaited).
``import limelight`` does not import this package; it needs httpx (the ``testing`` extra).
"""

try:
    import httpx  # noqa: F401  (checked here so a missing extra gets a message naming it)
except ImportError as missing:
    raise ImportError(
        'limelight.testing needs httpx: pip install "limelight[testing]"'
    ) from missing

from limelight.testing.pages import AsyncPage, EventRefused, Target
from limelight.testing.results import EventResult, ShownError, Toast
from limelight.testing.tester import AppTester, AsyncAppTester, Page

__all__ = [
    "AppTester",
    "AsyncAppTester",
    "AsyncPage",
    "EventRefused",
    "EventResult",
    "Page",
    "ShownError",
    "Target",
    "Toast",
]
