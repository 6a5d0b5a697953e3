"""An app launched with auth=: the login form in a real browser, then the app."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

import limelight as gr

pytestmark = pytest.mark.browser


def test_log_in_use_the_app_and_log_out(page: Page, serve: Callable[..., str]) -> None:
    def greet(name: str, request: gr.Request) -> str:
        return f"{request.username} greets {name}"

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Name")
        out = gr.Textbox(label="Greeting")
        box.submit(greet, box, out)
    url = serve(demo, auth=("ada", "lovelace"), auth_message="Ask Ada for the password")
    page.goto(url)
    expect(page.get_by_text("Ask Ada for the password")).to_be_visible()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("alert")).to_have_text("Incorrect credentials.")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("lovelace")
    page.get_by_role("button", name="Login").click()
    page.get_by_label("Name").fill("Charles")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_label("Greeting")).to_have_value("ada greets Charles")
    page.goto(url + "logout")  # asks first: a GET (a link from anywhere) logs nobody out
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Login")).to_be_visible()
