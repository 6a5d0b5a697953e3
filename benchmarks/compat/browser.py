"""Check 4: the page in headless chromium renders every component; one interaction shows output."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def _hidden(config: dict[str, Any]) -> set[int]:
    """Ids of blocks not drawn at load: hidden, inside a hidden layout, in a tab not chosen
    or in a closed accordion (those are drawn when opened, as in Gradio)."""
    blocks = {block["id"]: block for block in config.get("components", [])}
    invisible = {i for i, block in blocks.items() if block.get("props", {}).get("visible") is False}
    hidden: set[int] = set()

    def props(node: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = blocks.get(node.get("id", -1), {}).get("props", {})
        return found

    def closed(node: dict[str, Any], children: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kind = blocks.get(node.get("id", -1), {}).get("type")
        if kind == "accordion" and props(node).get("open") is False:
            return children
        if kind != "tabs":
            return []
        shown = [c for c in children if c.get("id") not in invisible]
        selected = props(node).get("selected")
        chosen = next((c for c in shown if props(c).get("id", c["id"]) == selected), None)
        chosen = chosen or (shown[0] if shown else None)
        return [c for c in children if c is not chosen]

    def walk(node: dict[str, Any], inside_hidden: bool) -> None:
        now_hidden = inside_hidden or node.get("id") in invisible
        if now_hidden:
            hidden.add(node["id"])
        children = node.get("children", [])
        not_drawn = closed(node, children)
        for child in children:
            walk(child, now_hidden or any(child is c for c in not_drawn))

    walk(config.get("layout", {}), False)
    return hidden | invisible


def _missing(page: Page, config: dict[str, Any]) -> list[str]:
    missing = []
    hidden = _hidden(config)
    for block in config.get("components", []):
        kind = block.get("type")
        if kind in LAYOUTS or kind in INVISIBLE or block["id"] in hidden:
            continue
        if page.locator(f'[data-block="{block["id"]}"]').count() == 0:
            missing.append(f"{kind}#{block['id']}")
    for marker in (".unknown-component", ".block-loading:has-text('Could not load')"):
        if page.locator(marker).count():
            missing.append(page.locator(marker).first.inner_text()[:80])
    return missing


def _click(page: Page, button: Locator, upload: Path) -> None:
    """Click ``button``; when it opens a file chooser (an UploadButton), choose ``upload``."""
    try:
        with page.expect_file_chooser(timeout=1500) as chooser:
            button.click()
        chooser.value.set_files(str(upload))
    except PlaywrightTimeout:  # an ordinary button: no chooser opened
        pass


def _interact(page: Page, upload: Path) -> bool:
    """Pick the first example (if any), fill empty textboxes, then click the first primary
    button (else the first button), else press Enter in an editable textbox, else tick a
    choice, else click the first table cell (a ``select`` listener)."""
    example = page.locator(".block-dataset button, .block-dataset tr:has(td)").first
    if example.count():
        example.click()
    for box in page.locator(".block-textbox textarea:visible, .block-textbox input:visible").all():
        if box.is_editable() and not box.input_value():
            box.fill("hello")
    before = page.evaluate(SNAPSHOT_JS)
    # The first primary button (an Interface's Submit comes after its Clear), else the first.
    buttons = (
        ".block-button button:visible:enabled, button.block-button:visible:enabled,"
        " .block-uploadbutton button:visible:enabled"
    )
    primary = page.locator(buttons).and_(page.locator(".btn-primary"))
    button = primary.first if primary.count() else page.locator(buttons).first
    textbox = page.locator(
        ".block-textbox textarea:visible:enabled:not([readonly]),"
        " .block-textbox input:visible:enabled:not([readonly])"
    ).first
    choice = page.locator("input[type=radio]:visible:enabled, input[type=checkbox]:visible:enabled")
    cell = page.locator(".df-cell:visible").first
    if button.count():
        _click(page, button, upload)
    elif textbox.count():
        textbox.press("Enter")
    elif choice.count():
        choice.first.check()
    elif cell.count():
        cell.click()
    else:
        return False
    try:
        page.wait_for_function(
            f"(before) => ({SNAPSHOT_JS})() !== before", arg=before, timeout=20000
        )
    except Exception:  # a timeout means nothing changed
        return False
    return True


def check_page(browser: Browser, url: str, upload: Path) -> list[str]:
    """Problems found on the page of ``url`` (none means the check passes); ``upload`` is
    the file chosen when the clicked button asks for one."""
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
        if not _interact(page, upload):
            problems.append("no output after the interaction")
        page.wait_for_timeout(300)
    except Exception as exc:  # any Playwright failure is a finding, not a harness crash
        problems = [f"{type(exc).__name__}: {str(exc)[:200]}"]
    finally:
        page.close()
    return problems + [f"console: {error}" for error in errors]
