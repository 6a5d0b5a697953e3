"""Check 4: the page in headless chromium renders every component; one interaction shows output."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from gestures import (
    DEVICE_OPENERS,
    FAKE_MEDIA_ARGS,
    PLOT_AREAS,
    Gesture,
    device_gesture,
    double_click,
    draw,
    record_video,
)
from login import Auth, login_cookies
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    Response,
    TimeoutError as PlaywrightTimeout,
)

__all__ = ["check_page", "launch"]

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# The same flags as tests/conftest.py: no background traffic to outside hosts; and a fake
# camera and microphone, as tests/browser/test_stream_media.py uses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    *FAKE_MEDIA_ARGS,
]
LAYOUTS = {
    "row",
    "column",
    "tabs",
    "tab",
    "tabitem",
    "form",
    "accordion",
    "group",
    "sidebar",
    "draggable",
    "walkthrough",
    "walkthroughstep",
}
# Non-visual blocks that have nothing to render; "api" holds a gr.api endpoint's typed
# parameters and returns, in the config but in no layout (Gradio draws none either).
INVISIBLE = {"state", "timer", "browserstate", "api"}
# What the page looks like to a user: text, the sources of media elements, what canvases,
# SVG drawings and an app's own gr.HTML hold, and the values of inputs, less the text the
# harness typed itself (an app that writes back into the same box shows its answer there),
# and less the text of the controls a gesture works (``quiet``: a camera's "Stop streaming"
# is no output of the app; text that is not visible is left out of innerText, and the page
# is not drawn in between).
SNAPSHOT_JS = """(quiet) => {
  const muted = quiet ? [...document.querySelectorAll(quiet)] : [];
  const kept = muted.map(el => el.style.visibility);
  muted.forEach(el => { el.style.visibility = 'hidden'; });
  const text = document.body.innerText;
  muted.forEach((el, i) => { el.style.visibility = kept[i]; });
  const drawn = (el) => { try { return el.toDataURL().length; } catch (e) { return el.width; } };
  const media = [...document.querySelectorAll('img, audio, video')]
    .map(el => el.src || el.currentSrc).join('|');
  const canvases = [...document.querySelectorAll('canvas')].map(drawn).join('|');
  const svgs = [...document.querySelectorAll('svg, .block-html')]
    .map(el => el.innerHTML.length).join('|');
  const values = [...document.querySelectorAll('input, textarea')]
    .filter(el => el.value !== el.dataset.harnessFilled)
    .map(el => el.value).join('|');
  return [text, media, canvases, svgs, values].join('\\n');
}"""


def launch(playwright: Playwright) -> Browser:
    """Debian's chromium, headless, quiet."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _watch(page: Page, reference: str | None, cookies: dict[str, str]) -> list[str]:
    """Console errors and failed requests of ``page``. A request that fails the same way on
    Gradio's server (``reference``), such as a script a test demo names but never ships, is no
    finding about limelight."""
    errors: list[str] = []

    def on_response(response: Response) -> None:
        if response.status < 400:
            return
        path = urlsplit(response.url)
        if reference is not None and _fails_too(reference, path.path, path.query, cookies):
            return
        errors.append(f"{response.status} for {path.path}")

    def on_console(message: ConsoleMessage) -> None:
        # A demo's own pictures and scripts from the internet cannot load on this offline
        # machine, under Gradio too: not a finding about the app.
        text = message.text
        # Failed requests are judged by on_response, which knows their address.
        if message.type == "error" and not text.startswith("Failed to load resource"):
            errors.append(text[:200])

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda exc: errors.append(str(exc)[:200]))
    return errors


def _fails_too(reference: str, path: str, query: str, cookies: dict[str, str]) -> bool:
    try:
        answer = httpx.get(
            f"{reference.rstrip('/')}{path}", params=query or None, cookies=cookies, timeout=10
        )
    except httpx.HTTPError:
        return True
    return answer.status_code >= 400


def _hidden(config: dict[str, Any]) -> set[int]:
    """Ids of blocks not drawn at load: hidden, inside a hidden layout, in a tab (or a
    walkthrough step) not chosen or in a closed accordion (those are drawn when opened, as
    in Gradio)."""
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
        if kind not in ("tabs", "walkthrough"):
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


def _drawn_blocks(config: dict[str, Any]) -> bool:
    """Whether the page has anything to draw (a lone gr.BrowserState has not)."""
    kinds = {block.get("type") for block in config.get("components", [])}
    return bool(kinds - INVISIBLE - {"blocks"})


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


def _click(page: Page, button: Locator, samples: dict[str, Path]) -> None:
    """Click ``button``; when it opens a file chooser (an UploadButton), choose a picture."""
    try:
        with page.expect_file_chooser(timeout=1500) as chooser:
            button.click()
        chooser.value.set_files(str(samples["image"]))
    except PlaywrightTimeout:  # an ordinary button: no chooser opened
        pass


# Blocks drawn as buttons; the last three change nothing on the page (a link, a copy).
BUTTON_KINDS = ("button", "clearbutton", "uploadbutton", "downloadbutton")
BUTTONS = ", ".join(
    [
        f".block-{kind} button:visible:enabled, button.block-{kind}:visible:enabled"
        for kind in BUTTON_KINDS
    ]
    # gr.Buttons drawn in a component's corner (its buttons=[...]), and the buttons an app
    # draws in its own gr.HTML (which fire its events through trigger()).
    + [".corner-buttons button:visible:enabled", ".block-html button:visible:enabled"]
)
# Where a person types: Textboxes and the text of MultimodalTextboxes (chat inputs).
TYPING = ".block-textbox textarea, .block-textbox input, .block-multimodaltextbox textarea"
TEXTBOXES = ", ".join(f"{box}:visible:enabled:not([readonly])" for box in TYPING.split(", "))
# Where Enter sends what was typed: a textbox, or a line of a Dialogue.
ENTER = f"{TEXTBOXES}, .block-dialogue input.dialogue-text:visible:enabled"
# What the harness types into an empty date box.
DATE = "2024-01-02 03:04:05"
# A choice not made yet: checking the one already chosen changes nothing.
CHOICES = ", ".join(
    f"input[type={kind}]:visible:enabled:not(:checked)" for kind in ("radio", "checkbox")
)
SLIDERS = "input[type=range]:visible:enabled"
# Triggers the harness does not fire: not a person's (load, tick), or a person's that need a
# gesture it does not make (playing media, pausing a recording, copy and like buttons).
NOT_BY_HAND = {
    "load",
    "unload",
    "tick",
    "copy",
    "like",
    "play",
    "pause",
    "stop",
    "end",
    "pause_recording",
    "retry",
    "undo",
    "edit",
    "key_up",
    "focus",
    "blur",
    "download",
    "preview_open",
    "preview_close",
    "example_select",
    "option_select",
}
# How many of the page's controls are tried, in turn, until one changes what the page shows.
TRIES = 3


# The timer and queue place shown over a block while an event runs: the page's, not the app's
# (the output that follows them is what counts).
RUNNING = ".status-timer, .status-queue"


def _snapshot(page: Page, quiet: str = "") -> str:
    return str(page.evaluate(SNAPSHOT_JS, ", ".join(filter(None, [RUNNING, quiet]))))


def _changed(page: Page, before: str, timeout: float, quiet: str = "") -> bool:
    quiet = ", ".join(filter(None, [RUNNING, quiet]))
    try:
        page.wait_for_function(
            f"([before, quiet]) => ({SNAPSHOT_JS})(quiet) !== before",
            arg=[before, quiet],
            timeout=timeout,
        )
    except PlaywrightTimeout:
        return False
    return True


def _prepare(page: Page, samples: dict[str, Path]) -> None:
    """Pick the first example (if any), fill the empty textboxes (marking them so that the
    harness's own typing is not taken for the app's output), and choose a file in the file
    inputs of an app's own gr.HTML (a person picks a file before pressing its button)."""
    # The last example shown: the first may be what the page already holds (a preloaded one).
    example = page.locator(".block-dataset button, .block-dataset tr:has(td)").last
    if example.count():
        example.click()
    visible = ", ".join(f"{box}:visible" for box in TYPING.split(", "))
    for selector, text in ((visible, "hello"), (".block-datetime input:visible", DATE)):
        for box in page.locator(selector).all():
            if box.is_editable() and not box.input_value():
                box.fill(text)
                box.evaluate("(el, text) => { el.dataset.harnessFilled = text; }", text)
    for chooser in page.locator(".block-html input[type=file]").all():
        accept = chooser.get_attribute("accept") or ""
        chooser.set_input_files(str(_sample_for(page, accept, samples)))
        chooser.evaluate("el => { el.dataset.harnessFilled = el.value; }")


def _actions(page: Page, samples: dict[str, Path]) -> list[Callable[[], None] | Gesture]:
    """The interactions to try: primary buttons first (an Interface's Submit comes after its
    Clear), then the other buttons, Enter in a textbox, a choice, a stroke or a drag, a camera
    or microphone, a slider, a table cell, a dropdown, a tab, a key, a file."""
    primary = page.locator(BUTTONS).and_(page.locator(".btn-primary")).all()
    others = [b for b in page.locator(BUTTONS).all() if b not in primary]
    buttons = [*primary, *others]
    actions: list[Callable[[], None] | Gesture] = [
        partial(_click, page, button, samples) for button in buttons[:TRIES]
    ]
    # A picture in an app's own gr.HTML (a star of a rating) chosen, then the first button.
    picture = page.locator(".block-html img:visible").first
    if picture.count() and buttons:
        actions.append(Gesture(picture.click, partial(_click, page, buttons[0], samples)))
    textbox = page.locator(ENTER).first
    if textbox.count():
        actions.append(lambda: textbox.press("Enter"))
    # The first choice not made yet, then the last: with nothing chosen, the first option is
    # often what the page shows already (a plot binned by its first value).
    choices = page.locator(CHOICES)
    if choices.count():
        actions.append(choices.first.check)
    if choices.count() > 1:
        actions.append(choices.last.check)
    canvas = page.locator(".block-imageeditor canvas:visible").first
    if canvas.count():
        actions.append(partial(draw, page, canvas))
    plot = page.locator(PLOT_AREAS).first
    if plot.count():
        actions += [partial(draw, page, plot), partial(double_click, page, plot)]
    device = page.locator("[data-block]").filter(
        has=page.get_by_role("button", name=DEVICE_OPENERS)
    )
    if device.count():
        actions.append(device_gesture(page, device.first))
    slider = page.locator(SLIDERS).first
    if slider.count():
        actions.append(partial(_slide, slider))
    cell = page.locator(".df-cell:visible").first
    if cell.count():
        actions.append(cell.click)
    combo = page.locator(".block-dropdown [role=combobox]:visible:enabled").first
    if combo.count():
        actions.append(partial(_choose, page, combo))
    tab = page.locator("[role=tab]:not([aria-selected=true]):visible").first
    if tab.count():
        actions.append(tab.click)
    # A key pressed on the page itself (apps that listen to the keyboard).
    actions.append(partial(page.keyboard.press, "a"))
    drop = page.locator("input[type=file]").first
    if drop.count():
        sample = _sample_for(page, drop.get_attribute("accept") or "", samples)
        actions.append(partial(_drop, drop, sample))
    return actions


def _drop(drop: Locator, sample: Path) -> None:
    """Give ``sample`` to a file input, unless an earlier gesture took it off the page (a
    camera opened in its place)."""
    if drop.count():
        drop.set_input_files(str(sample))


def _slide(slider: Locator) -> None:
    """Move a slider to its far end, or back to its start when it already stands at the end
    (moving it where it is changes nothing)."""
    top = slider.get_attribute("max") or "1"
    end = top if slider.input_value() != top else slider.get_attribute("min") or "0"
    slider.fill(end)


def _choose(page: Page, combo: Locator) -> None:
    """Open a dropdown and pick its last option (the first may be the one shown)."""
    combo.click()
    option = page.locator("[role=listbox] [role=option]:visible").last
    if option.count():
        option.click()


def _sample_for(page: Page, accept: str, samples: dict[str, Path]) -> Path:
    """The sample file a file input takes: a picture, a sound, a video or any file."""
    for kind in ("image", "audio"):
        if f"{kind}/" in accept:
            return samples[kind]
    if "video/" in accept:
        return record_video(page, samples["file"].parent)
    if "text/" in accept or ".txt" in accept:
        return samples["text"]
    return samples["file"]


def _answers_people(config: dict[str, Any]) -> bool:
    """Whether some listener fired by using the page writes to a component: a page without
    one (a lone gr.Audio, outputs set only at load) has no interaction to show."""
    for dep in config.get("dependencies", []):
        events = {event for _, event in dep.get("targets", [])}
        if dep.get("outputs") and events - NOT_BY_HAND:
            return True
    return False


def _interact(page: Page, samples: dict[str, Path]) -> bool:
    """Whether the page shows something new after the harness uses it as a person would:
    what filling the form changes counts, and so does the first of a few controls tried in
    turn that changes the page (a demo's first button may only clear or toggle)."""
    before = _snapshot(page)
    _prepare(page, samples)
    if _changed(page, before, 1500):
        return True
    for action in _actions(page, samples):
        quiet = ""
        if isinstance(action, Gesture):
            action.setup()
            action, quiet = action.act, action.quiet
        before = _snapshot(page, quiet)
        if not page.is_closed():
            action()
        if _changed(page, before, 8000, quiet):
            return True
    return False


def _is_gradio_page(url: str) -> bool:
    """Whether Gradio serves its own page at ``url``, rather than a page of the demo's
    (a gr.Server's ``@app.get("/")``), which has no Gradio UI to check."""
    try:
        return "gradio_config" in httpx.get(url, timeout=10).text
    except httpx.HTTPError:
        return True


def _compare_own_pages(browser: Browser, page: Page, reference: str) -> list[str]:
    """A demo's own page is the same page on both servers: the same visible text."""
    theirs = browser.new_page()
    try:
        theirs.goto(reference)
        expected = theirs.evaluate("document.body.innerText")
    finally:
        theirs.close()
    shown = page.evaluate("document.body.innerText")
    return [] if shown == expected else [f"the demo's own page differs: {shown[:200]!r}"]


def check_page(
    browser: Browser,
    url: str,
    samples: dict[str, Path],
    reference: str | None,
    auth: Auth | None = None,
) -> list[str]:
    """Problems found on the page of ``url`` (none means the check passes); ``samples`` are
    the files given where the page asks for one (``image``, ``audio``, ``file``);
    ``reference`` is the same demo on Gradio, when it runs; ``auth``: the login both ask for
    (posted to ``/login`` from the page's browser context, which keeps its cookie)."""
    page = browser.new_page()
    errors = _watch(page, reference, login_cookies(reference, auth) if reference else {})
    try:
        if auth is not None:
            form = {"username": auth[0], "password": auth[1]}
            if not page.request.post(url + "login/", form=form).ok:
                return ["the login with the demo's credentials was refused"]
        page.goto(url)
        if reference is not None and not _is_gradio_page(reference):
            return _compare_own_pages(browser, page, reference) + [
                f"console: {error}" for error in errors
            ]
        page.wait_for_function("window.gradio_config !== undefined", timeout=15000)
        config: dict[str, Any] = page.evaluate("window.gradio_config")
        if _drawn_blocks(config):
            page.wait_for_selector("[data-block]", state="attached", timeout=15000)
        page.wait_for_function(
            "document.querySelectorAll('.block-loading').length === 0", timeout=15000
        )
        problems = [f"not rendered: {name}" for name in _missing(page, config)]
        if _answers_people(config) and not _interact(page, samples):
            problems.append("no output after the interaction")
        page.wait_for_timeout(300)
    except Exception as exc:  # any Playwright failure is a finding, not a harness crash
        problems = [f"{type(exc).__name__}: {str(exc)[:200]}"]
    finally:
        page.close()
    return problems + [f"console: {error}" for error in errors]
