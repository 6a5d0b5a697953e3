"""The "Use via API" panel in a browser: its language tabs, copy buttons and the API recorder."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_tabs_show_each_language_and_the_recorder_writes_the_clicks(
    page: Page, context: BrowserContext, serve: Callable[..., str]
) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", name, greeting, api_name="greet")
    url = serve(demo)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url)
    page.get_by_role("button", name="Use via API").click()
    panel = page.get_by_role("dialog", name="Use via API")
    code = panel.locator(".api-endpoint pre")
    expect(code).to_contain_text("from gradio_client import Client")
    expect(code).to_contain_text('api_name="/greet"')
    panel.get_by_role("tab", name="JavaScript").click()
    expect(code).to_contain_text('await client.predict("/greet", {')
    panel.get_by_role("tab", name="cURL").click()
    expect(code).to_contain_text("/gradio_api/call/greet")
    panel.get_by_role("tab", name="MCP").click()
    expect(code).to_contain_text("mcp_server=True")
    panel.locator(".api-endpoint").get_by_role("button", name="Copy").click()
    expect(panel.locator(".api-endpoint").get_by_role("button", name="Copied")).to_be_visible()
    assert "gradio_api/mcp/" in page.evaluate("navigator.clipboard.readText()")

    panel.get_by_role("button", name="API Recorder").click()
    expect(panel).to_be_hidden()
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ada!")
    page.get_by_role("status").get_by_role("button", name="Stop").click()
    recorded = page.get_by_role("dialog", name="Use via API").locator(".api-recorded pre")
    expect(recorded).to_contain_text('result = client.predict(n="Ada", api_name="/greet")')


def test_the_mcp_tab_names_the_tool_of_each_endpoint(page: Page, serve: Callable[..., str]) -> None:
    def shout(text: str) -> str:
        """Shout the text."""
        return text.upper()

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        gr.Button("Shout").click(shout, text, text, api_name="shout")
    page.goto(serve(demo, mcp_server=True))
    page.get_by_role("button", name="Use via API").click()
    panel = page.get_by_role("dialog", name="Use via API")
    panel.get_by_role("tab", name="MCP").click()
    code = panel.locator(".api-endpoint pre")
    expect(code).to_contain_text("/gradio_api/mcp/")
    expect(code).to_contain_text('/shout is the tool "shout"')
