"""demos/i18n.py in a browser: the browser's language, English otherwise, switching language
in the settings panel, and the value the user sees is the value sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def url(serve: Callable[..., str], load_demo: Callable[[str], ModuleType]) -> str:
    demo = load_demo("i18n")
    return serve(demo.demo, i18n=demo.i18n)


@pytest.fixture
def french(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fr-FR")
    yield context.new_page()
    context.close()


def test_the_page_speaks_the_browsers_language(french: Page, url: str) -> None:
    french.goto(url)
    expect(french.get_by_role("heading", name="Bienvenue")).to_be_visible()
    expect(french).to_have_title("Application traduite")
    expect(french.get_by_label("Votre nom")).to_have_value("Adèle")
    expect(french.get_by_role("radio", name="Grand")).to_be_visible()
    french.get_by_role("button", name="Saluer").click()
    expect(french.get_by_label("Salutation")).to_have_value("Hello Adèle!")


def test_english_when_the_app_lacks_the_language(browser: Browser, url: str) -> None:
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Ada")
    context.close()


def test_settings_switch_the_language_and_missing_keys_fall_back(french: Page, url: str) -> None:
    french.goto(url)
    french.get_by_role("button", name="Settings").click()
    french.get_by_label("Language").select_option("de")
    expect(french.get_by_role("heading", name="Willkommen")).to_be_visible()
    expect(french.get_by_label("Dein Name")).to_be_visible()
    expect(french.get_by_role("radio", name="Large")).to_be_visible()
