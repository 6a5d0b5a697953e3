"""HTML: markup shown after its active content is removed on the server."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import limelight as gr

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<svg><foreignObject><script>alert(1)</script></foreignObject></svg>",
    "<style>@import 'http://evil/x.css';</style>",
    '<link rel=stylesheet href="http://evil/x.css">',
    "</script><script>alert(1)</script>",
]


def test_active_content_is_removed() -> None:
    html = gr.HTML()
    for payload in PAYLOADS:
        cleaned = html.postprocess(f"<p>ok</p>{payload}")
        assert cleaned is not None
        lowered = cleaned.lower()
        for needle in ("<script", "onerror", "javascript:", "data:text/html", "<iframe", "<style"):
            assert needle not in lowered, (payload, cleaned)
        assert "<p>ok</p>" in cleaned


def test_sanitize_false_trusts_the_markup() -> None:
    raw = "<b onclick='go()'>x</b>"
    assert gr.HTML(sanitize=False).postprocess(raw) == raw
    assert gr.HTML(sanitize=False).config()["props"]["sanitize"] is False


def test_formatting_survives() -> None:
    html = '<h2 class="t">Title</h2><table><tr><td style="color: red">1</td></tr></table>'
    cleaned = gr.HTML().postprocess(html)
    assert cleaned is not None
    assert '<h2 class="t">' in cleaned
    assert 'style="color:red"' in cleaned


TAGS = st.sampled_from(["a", "img", "svg", "div", "iframe", "script", "object", "span", "math"])
ATTRS = st.sampled_from(["onload", "onerror", "onclick", "href", "src", "style", "formaction"])
VALUES = st.sampled_from(
    ["javascript:alert(1)", "data:text/html,x", "alert(1)", "x", " JaVaScRiPt:1"]
)


@settings(deadline=None)  # the first call imports nh3; timing is not what this tests
@given(st.lists(st.tuples(TAGS, ATTRS, VALUES), min_size=1, max_size=6))
def test_property_no_handlers_or_script_urls(parts: list[tuple[str, str, str]]) -> None:
    source = "".join(f'<{tag} {attr}="{value}">t</{tag}>' for tag, attr, value in parts)
    cleaned = (gr.HTML().postprocess(source) or "").lower()
    assert "<script" not in cleaned
    assert " on" not in cleaned.replace("noopener", "")
    assert "javascript:" not in cleaned
    assert "data:text/html" not in cleaned
