"""Apps embedded in a page served from another loopback port: ``<gradio-app>`` and
``<limelight-app>`` (README "Embedding"), and an ``<iframe>`` that sizes itself."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def _shout_app() -> gr.Blocks:
    with gr.Blocks(title="Shout", theme=gr.themes.Soft()) as demo:
        text = gr.Textbox(label="words")
        loud = gr.Textbox(label="loud")
        gr.Button("Shout").click(lambda t: t.upper(), text, loud)
    return demo


def _double_app() -> gr.Blocks:
    with gr.Blocks(title="Double") as demo:
        number = gr.Number(label="number")
        twice = gr.Number(label="twice")
        gr.Button("Double").click(lambda n: n * 2, number, twice)
    return demo


@pytest.fixture
def host() -> Iterator[Callable[[str], str]]:
    """A plain web server on another loopback port; ``host(html)`` serves ``html`` at its root
    and gives its URL."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get("/")
            self.send_response(200 if body else 404)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve_page(html: str) -> str:
        pages["/"] = html.encode()
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve_page
    server.shutdown()
    server.server_close()


def test_two_apps_embedded_in_another_origin_both_work(
    page: Page, serve: Callable[..., str], host: Callable[[str], str]
) -> None:
    shout = serve(_shout_app())
    double = serve(_double_app())
    url = host(
        f'<!doctype html><title>Host page</title><h1 class="app">My own page</h1>'
        f'<script type="module" src="{shout}gradio_api/embed.js"></script>'
        f'<gradio-app src="{shout}" eager="true"></gradio-app>'
        f'<limelight-app src="{double}" container="false"></limelight-app>'
    )
    page.goto(url)
    shouting = page.locator("gradio-app")
    doubling = page.locator("limelight-app")
    shouting.get_by_label("words", exact=True).fill("hello")
    shouting.get_by_role("button", name="Shout").click()
    expect(shouting.get_by_label("loud", exact=True)).to_have_value("HELLO")
    doubling.get_by_label("number", exact=True).fill("21")
    doubling.get_by_role("button", name="Double").click()
    expect(doubling.get_by_label("twice", exact=True)).to_have_value("42")
    # Each app draws in its own shadow root: the page's own `.app` keeps its look and title.
    expect(page).to_have_title("Host page")
    assert page.evaluate("getComputedStyle(document.querySelector('h1.app')).maxWidth") == "none"
    expect(shouting.locator(".embed-info")).to_contain_text("built with limelight")
    # The app's theme applies inside its element, and only there.
    variable = "getComputedStyle(document.querySelector('{}')).getPropertyValue('--primary-500')"
    assert page.evaluate(variable.format("gradio-app")).strip() == "#6366f1"
    assert page.evaluate(variable.format("limelight-app")).strip() == ""
    expect(doubling.locator(".embed-info")).to_have_count(0)


def test_space_and_unknown_modes_are_refused_in_the_element(
    page: Page, serve: Callable[..., str], host: Callable[[str], str]
) -> None:
    app = serve(_shout_app())
    page.goto(
        host(
            f'<script type="module" src="{app}gradio_api/embed.js"></script>'
            '<gradio-app space="someone/demo"></gradio-app>'
            f'<limelight-app src="{app}" theme_mode="sepia"></limelight-app>'
        )
    )
    expect(page.locator("gradio-app").get_by_role("alert")).to_contain_text("Hugging Face")
    expect(page.locator("limelight-app").get_by_role("alert")).to_contain_text("theme_mode")


def test_an_iframe_of_the_app_is_told_its_height(
    page: Page, serve: Callable[..., str], host: Callable[[str], str]
) -> None:
    app = serve(_shout_app())
    page.goto(
        host(
            f'<iframe id="demo" src="{app}" style="width:100%;height:50px;border:0"></iframe>'
            "<script>addEventListener('message', (e) => {"
            f" if (e.origin === {app.rstrip('/')!r} && e.data?.type === 'limelight:height')"
            " document.getElementById('demo').style.height = e.data.height + 'px'; });</script>"
        )
    )
    frame = page.frame_locator("#demo")
    expect(frame.get_by_role("button", name="Shout")).to_be_visible()
    # The frame grows from 50px to the app's height (its textboxes and button).
    page.wait_for_function("document.getElementById('demo').offsetHeight > 150", timeout=5_000)
