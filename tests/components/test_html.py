"""HTML: markup (and custom components); values reach clients as the function returned them."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.app.config import build_config
from tests.support import asgi_client

RETURNED = (
    "<style>\n  .card { color: red; }\n</style>\n"
    "<div class='card'  data-x=\"1\">Hi <b onclick='go()'>there</b><script>x()</script></div>"
)


def test_postprocess_keeps_the_markup_as_returned() -> None:
    # Safety is the page's job (sanitised where shown); API clients get the exact string.
    assert gr.HTML().postprocess(RETURNED) == RETURNED
    assert gr.HTML(sanitize=False).postprocess(RETURNED) == RETURNED


@pytest.mark.anyio
async def test_api_clients_get_the_string_the_function_returned() -> None:
    with gr.Blocks() as demo:
        out = gr.HTML()
        gr.Button().click(lambda: RETURNED, None, out, api_name="show")
    async with asgi_client(demo) as client:
        answer = await client.post("/gradio_api/run/show", json={"data": []})
    assert answer.json()["data"] == [RETURNED]


def test_sanitize_false_is_sent_to_the_page() -> None:
    assert gr.HTML(sanitize=False).config()["props"]["sanitize"] is False
    assert gr.HTML().config()["props"]["sanitize"] is True


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
