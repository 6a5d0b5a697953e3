"""Check 4: the page in headless chromium renders every component; one interaction shows output."""

from __future__ import annotations

import os
import shutil
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright

__all__ = ["check_page", "launch"]

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# The same flags as tests/conftest.py: no background traffic to outside hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAYOUTS = {"row", "column", "tabs", "tab", "tabitem", "form", "accordion", "group", "sidebar"}
# Non-visual blocks that have nothing to render.
INVISIBLE = {"state", "timer", "browserstate"}
# What the page looks like to a user: text plus the sources of media elements.
SNAPSHOT_JS = """() => {
  const media = [...document.querySelectorAll('img, audio, video, canvas')]
    .map(el => el.src || el.currentSrc || el.width).join('|');
  const values = [...document.querySelectorAll('input, textarea')].map(el => el.value).join('|');
  return document.body.innerText + '\\n' + media + '\\n' + values;
}"""


def launch(playwright: Playwright) -> Browser:
    """Debian's chromium, headless, quiet."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _watch(page: Page) -> list[str]:
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text[:200])

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)[:200]))
    return errors


def _missing(page: Page, config: dict[str, Any]) -> list[str]:
    missing = []
    for block in config.get("components", []):
        kind = block.get("type")
        props = block.get("props", {})
        if kind in LAYOUTS or kind in INVISIBLE or props.get("visible") is False:
            continue
        if page.locator(f'[data-block="{block["id"]}"]').count() == 0:
            missing.append(f"{kind}#{block['id']}")
    for marker in (".unknown-component", ".block-loading:has-text('Could not load')"):
        if page.locator(marker).count():
            missing.append(page.locator(marker).first.inner_text()[:80])
    return missing


def _interact(page: Page) -> bool:
    """Pick the first example (if any), fill empty textboxes, click the first button."""
    example = page.locator(".block-dataset button, .block-dataset tr, .block-dataset td").first
    if example.count():
        example.click()
    for box in page.locator(".block-textbox textarea:visible, .block-textbox input:visible").all():
        if box.is_editable() and not box.input_value():
            box.fill("hello")
    before = page.evaluate(SNAPSHOT_JS)
    button = page.locator(
        ".block-button button:visible:enabled, button.block-button:visible:enabled"
    ).first
    if button.count():
        button.click()
    else:
        textbox = page.locator(
            ".block-textbox textarea:visible, .block-textbox input:visible"
        ).first
        if not textbox.count():
            return False
        textbox.press("Enter")
    try:
        page.wait_for_function(
            f"(before) => ({SNAPSHOT_JS})() !== before", arg=before, timeout=20000
        )
    except Exception:  # a timeout means nothing changed
        return False
    return True


def check_page(browser: Browser, url: str) -> list[str]:
    """Problems found on the page of ``url`` (none means the check passes)."""
    page = browser.new_page()
    errors = _watch(page)
    try:
        page.goto(url)
        page.wait_for_selector("[data-block]", state="attached", timeout=15000)
        page.wait_for_function(
            "document.querySelectorAll('.block-loading').length === 0", timeout=15000
        )
        config: dict[str, Any] = page.evaluate("window.gradio_config")
        problems = [f"not rendered: {name}" for name in _missing(page, config)]
        if not _interact(page):
            problems.append("no output after the interaction")
        page.wait_for_timeout(300)
    except Exception as exc:  # any Playwright failure is a finding, not a harness crash
        problems = [f"{type(exc).__name__}: {str(exc)[:200]}"]
    finally:
        page.close()
    return problems + [f"console: {error}" for error in errors]
