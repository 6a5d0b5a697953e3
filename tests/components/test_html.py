"""HTML: markup shown after its active content is removed on the server."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import limelight as gr
from limelight.config import build_config

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


# Custom components (Gradio 6's html_template, props, js_on_load, server_functions) ----------


def test_template_props_are_sent_under_props() -> None:
    html = gr.HTML(3, html_template="${value} of ${max_stars}", max_stars=5, elem_id="r")
    props = html.config()["props"]
    assert props["props"] == {"max_stars": 5}
    assert props["html_template"] == "${value} of ${max_stars}"
    assert props["elem_id"] == "r"
    assert props["value"] == 3  # with a template the value is data, not markup


def test_a_templated_value_is_not_rewritten_on_the_server() -> None:
    html = gr.HTML(html_template="<b>${value}</b>")
    assert html.postprocess(["a<b", 2]) == ["a<b", 2]
    assert html.preprocess({"k": 1}) == {"k": 1}
    assert html.api_info() == {"type": "string"}


def test_returning_html_updates_its_props_as_gradio_does() -> None:
    assert gr.HTML(size=30).as_update() == {
        "__type__": "update",
        "props": {"size": 30, "__type__": "update"},
    }
    both = gr.HTML("x", visible=False, color="red").as_update()
    assert both["value"] == "x" and both["visible"] is False
    assert both["props"] == {"color": "red", "__type__": "update"}


def test_a_subclass_named_prop_is_sent_both_ways() -> None:
    class Listing(gr.HTML):
        def __init__(self, ordered: bool = False, **kwargs: object) -> None:
            super().__init__(html_template="${ordered}", ordered=ordered, **kwargs)  # type: ignore[arg-type]

    update = Listing(ordered=True).as_update()
    assert update["ordered"] is True
    assert update["props"] == {"ordered": True, "__type__": "update"}


def test_custom_events_come_from_js_on_load() -> None:
    with gr.Blocks() as demo:
        html = gr.HTML(js_on_load="trigger('keypress', {key: 'a'}); trigger(`drop`)")
        box = gr.Textbox()
        html.keypress(lambda: "k", None, box)
        html.drop(lambda: "d", None, box)
        html.submit(lambda: "s", None, box)
    targets = [tuple(dep["targets"][0]) for dep in build_config(demo, root_url="")["dependencies"]]
    assert targets == [(html.id, "keypress"), (html.id, "drop"), (html.id, "submit")]


def test_unknown_attributes_still_fail() -> None:
    html = gr.HTML(js_on_load="trigger('keypress')")
    with pytest.raises(AttributeError, match="in quotes in js_on_load"):
        html.dragstart  # noqa: B018
    with pytest.raises(AttributeError):
        gr.Textbox().keypress  # noqa: B018
    assert not hasattr(gr.HTML(js_on_load=None), "keypress")


def test_event_data_keys_read_as_attributes() -> None:
    evt = gr.EventData(None, {"key": "Enter", "clicked": "A"})
    assert evt.key == "Enter" and evt.clicked == "A"
    with pytest.raises(AttributeError):
        evt.missing  # noqa: B018
    with pytest.raises(AttributeError):
        gr.EventData(None, None).key  # noqa: B018


def test_children_sit_inside_the_html_block() -> None:
    with (
        gr.Blocks() as demo,
        gr.HTML(html_template="<h2>${title}</h2>@children", title="Form") as form,
    ):
        name = gr.Textbox()
    assert form.children == [name]
    assert build_config(demo, root_url="")["layout"]["children"][0] == {
        "id": form.id,
        "children": [{"id": name.id}],
    }


def test_server_functions_are_listed_by_name() -> None:
    def list_files(path: str) -> list[str]:
        return [path]

    html = gr.HTML(server_functions=[list_files], head="<script src='/x.js'></script>")
    props = html.config()["props"]
    assert props["server_fns"] == ["list_files"]
    assert props["head"] == "<script src='/x.js'></script>"
    assert gr.HTML().config()["props"]["server_fns"] is None
