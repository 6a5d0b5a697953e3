"""gr.HTML as a custom component: templates, props, js_on_load events, server functions,
head scripts, uploads, and values from users that never become script (docs/security.md #23)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, Route, expect

import limelight as gr
from tests.browser.support import load_demo, record_requests, wait_ready, watch_errors

pytestmark = pytest.mark.browser

XSS = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">j</a>',
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<svg><foreignObject><script>alert(1)</script></foreignObject></svg>",
    "<style>@import 'http://127.0.0.1:9/x.css';</style>",
    '<link rel=stylesheet href="http://127.0.0.1:9/x.css">',
    "</script><script>alert(1)</script>",
    '" autofocus onfocus=alert(1) x="',
    "' onmouseover=alert(1) x='",
    "`;alert(1);`${alert(1)}",
    "{{constructor.constructor 'alert(1)'}}",
]


def dialogs_of(page: Page) -> list[str]:
    seen: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


def text_of(page: Page, elem_id: str) -> str:
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first.input_value()


def test_star_rating_demo(serve: Callable[..., str], page: Page) -> None:
    errors = watch_errors(page)
    wait_ready(page, serve(load_demo("html_star_rating")))
    heading = page.locator("#rating h2")
    assert heading.inner_text() == "Rating: 3 / 5"
    assert page.locator("#rating svg.faded").count() == 2
    # js_on_load sets props.value: the template redraws, and listeners survive the redraw.
    page.locator("#rating svg").nth(3).click()
    page.wait_for_function("document.querySelector('#rating h2').innerText === 'Rating: 4 / 5'")
    page.locator("#rating svg").nth(1).click()
    page.wait_for_function("document.querySelector('#rating h2').innerText === 'Rating: 2 / 5'")
    page.locator("#rating .submit").click()
    page.wait_for_function(
        "document.querySelector('#submitted input, #submitted textarea').value === '2'"
    )
    # Handlebars loops with @index, next to a ${} expression.
    assert page.locator("#fruits li").all_inner_texts() == ["0: apple", "1: banana", "2: cherry"]
    assert page.locator("#fruits p").inner_text() == "3 fruits"
    # A custom event with data reaches Python as EventData attributes.
    page.locator("#keys .text").press("q")
    page.wait_for_function(
        "document.querySelector('#pressed input, #pressed textarea').value === 'q'"
    )
    # A server function answers the page's JavaScript.
    page.locator("#keys .text").fill("one two three four")
    page.locator("#keys .count").click()
    page.wait_for_function("document.querySelector('#keys .words').textContent === '4 words'")
    # @children: the Textbox is drawn inside the template, and submit reads it.
    assert page.locator("#form .html-children #name").count() == 1
    page.locator("#name input, #name textarea").first.fill("Ada")
    page.locator("#form .send").click()
    page.wait_for_function(
        "document.querySelector('#greeting input, #greeting textarea').value === 'Hello Ada'"
    )
    # css_template is scoped: the star's cursor applies, other svgs on the page keep theirs.
    assert (
        page.locator("#rating svg").first.evaluate("e => getComputedStyle(e).cursor") == "pointer"
    )
    assert errors == []


def test_handlebars_is_downloaded_only_for_a_template_with_tags(
    serve: Callable[..., str], page: Page
) -> None:
    urls = record_requests(page)
    with gr.Blocks() as plain:
        gr.HTML("<b>plain</b>", elem_id="plain")
        gr.HTML("x{{y}}", html_template="<i>${value}</i>", elem_id="js")
    wait_ready(page, serve(plain))
    expect(page.locator("#js i")).to_have_text("x{{y}}")
    assert not [u for u in urls if "/handlebars" in u], urls
    with gr.Blocks() as tagged:
        gr.HTML(
            ["a", "<b>"], html_template="{{#each value}}<li>{{this}}</li>{{/each}}", elem_id="t"
        )
    wait_ready(page, serve(tagged))
    expect(page.locator("#t li")).to_have_text(["a", "<b>"])
    assert [u for u in urls if "/handlebars" in u], urls


def test_props_update_from_python(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        html = gr.HTML(
            "Ann",
            html_template="<h1 style='font-size: ${size}px'>Hi ${value}</h1>",
            css_template="h1 { color: ${color}; }",
            js_on_load="watch('value', () => { element.dataset.seen = props.value; });",
            size=20,
            color="rgb(0, 128, 0)",
            elem_id="hi",
        )
        big = gr.Button("big", elem_id="big")
        rename = gr.Button("rename", elem_id="rename")
        blue = gr.Button("blue", elem_id="blue")
        big.click(lambda: gr.HTML(size=40), None, html)
        rename.click(lambda: "Bo", None, html)
        blue.click(lambda: gr.update(color="rgb(0, 0, 255)"), None, html)
    wait_ready(page, serve(demo))
    h1 = page.locator("#hi h1")
    assert h1.evaluate("e => getComputedStyle(e).color") == "rgb(0, 128, 0)"
    page.locator("#big").click()
    page.wait_for_function("document.querySelector('#hi h1').style.fontSize === '40px'")
    page.locator("#rename").click()
    page.wait_for_function("document.querySelector('#hi h1').innerText === 'Hi Bo'")
    assert h1.evaluate("e => e.style.fontSize") == "40px"  # a partial update keeps other props
    page.wait_for_function("document.querySelector('#hi .html').dataset.seen === 'Bo'")
    page.locator("#blue").click()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('#hi h1')).color === 'rgb(0, 0, 255)'"
    )


def test_head_scripts_load_once_in_order_before_js_on_load(
    serve: Callable[..., str], page: Page
) -> None:
    head = '<script src="/__t__/core.js"></script><script src="/__t__/plugin.js"></script>'
    with gr.Blocks() as demo:
        for i in range(2):
            gr.HTML(
                html_template="<p class='out'>pending</p>",
                head=head,
                js_on_load="element.querySelector('.out').textContent = window.loaded.join(',');",
                elem_id=f"h{i}",
            )
    served: list[str] = []

    def fulfil(route: Route) -> None:
        name = route.request.url.rsplit("/", 1)[-1]
        served.append(name)
        code = f"window.loaded = (window.loaded || []).concat('{name}');"
        route.fulfill(status=200, content_type="text/javascript", body=code)

    page.route("**/__t__/*", fulfil)
    wait_ready(page, serve(demo))
    page.wait_for_function("document.querySelector('#h1 .out').textContent !== 'pending'")
    assert page.locator("#h0 .out").inner_text() == "core.js,plugin.js"
    assert page.locator("#h1 .out").inner_text() == "core.js,plugin.js"
    assert sorted(served) == ["core.js", "plugin.js"]
    assert page.locator("head script[src$='core.js']").count() == 1


def test_upload_from_js_on_load(serve: Callable[..., str], page: Page, tmp_path: Path) -> None:
    sample = tmp_path / "note.txt"
    sample.write_text("hello from a file")
    with gr.Blocks() as demo:
        up = gr.HTML(
            html_template="<input type='file' class='f'><button class='go'>Upload</button>",
            js_on_load="""
                element.querySelector('.go').addEventListener('click', async () => {
                    const { path } = await upload(element.querySelector('.f').files[0]);
                    props.value = path;
                });""",
            elem_id="up",
        )
        show = gr.Button("show", elem_id="show")
        out = gr.Textbox(elem_id="content")
        show.click(lambda path: Path(path).read_text(), up, out)
    wait_ready(page, serve(demo))
    page.locator("#up .f").set_input_files(str(sample))
    page.locator("#up .go").click()
    page.wait_for_timeout(500)
    page.locator("#show").click()
    page.wait_for_function(
        "document.querySelector('#content input, #content textarea').value === 'hello from a file'"
    )


def test_user_values_in_templates_run_no_script(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        source = gr.Textbox(elem_id="source")
        go = gr.Button("go", elem_id="go")
        html = gr.HTML(
            "",
            html_template=(
                "<div class='a'>${value}</div><input value='${value}'><p title=\"${value}\">"
                "{{value}}</p><div class='b'>{{{value}}}</div><p>${label}</p>"
            ),
            css_template=".a { content: '${value}'; }",
            elem_id="out",
        )
        go.click(lambda v: gr.HTML(v, label=v, extra=v), source, html)
    dialogs = dialogs_of(page)
    wait_ready(page, serve(demo))
    for payload in XSS:
        page.locator("#source input, #source textarea").first.fill(payload)
        page.locator("#go").click()
        page.wait_for_function("document.querySelectorAll('[aria-busy]').length === 0")
        page.wait_for_timeout(150)
        page.evaluate(
            "document.querySelectorAll('#out *').forEach(e => { e.focus?.();"
            " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })"
        )
        handlers = page.evaluate(
            "[...document.querySelectorAll('main *')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
        )
        assert handlers == [], payload
        hrefs = page.eval_on_selector_all(
            "main a[href]", "els => els.map(e => e.getAttribute('href'))"
        )
        assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))], payload
        assert page.locator("main iframe, main script, main link").count() == 0, payload
    page.wait_for_timeout(300)
    assert dialogs == []


def test_sanitize_false_trusts_the_template(serve: Callable[..., str], page: Page) -> None:
    with gr.Blocks() as demo:
        gr.HTML(
            "x",
            html_template="<button onclick=\"this.textContent='ran'\">${value}</button>",
            sanitize=False,
            elem_id="trusted",
        )
    wait_ready(page, serve(demo))
    page.locator("#trusted button").click()
    page.wait_for_function("document.querySelector('#trusted button').textContent === 'ran'")


RETURNED = (
    "<style>#styled .note { color: rgb(255, 0, 0); }</style>"
    "<p class='note'>red</p><img src=x onerror=\"document.title='hacked'\">"
    "<script>document.title = 'hacked';</script>"
    "<p><a href=\"javascript:document.title='hacked'\">j</a></p>"
)


def test_returned_html_keeps_its_style_and_runs_no_script(
    serve: Callable[..., str], page: Page
) -> None:
    with gr.Blocks() as demo:
        out = gr.HTML(elem_id="styled")
        gr.Button("show", elem_id="show").click(lambda: RETURNED, None, out)
    wait_ready(page, serve(demo))
    title = page.title()
    page.locator("#show").click()
    page.wait_for_function("document.querySelector('#styled .note') !== null")
    color = page.evaluate("getComputedStyle(document.querySelector('#styled .note')).color")
    assert color == "rgb(255, 0, 0)"
    assert page.locator("#styled script").count() == 0
    assert page.locator("#styled img").get_attribute("onerror") is None
    assert page.locator("#styled a").get_attribute("href") is None
    page.locator("#styled a").click()
    assert page.title() == title
