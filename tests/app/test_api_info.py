"""``/gradio_api/info``: what ``Client.view_api()`` reads (docs/protocol.md §2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr
from limelight.app.api_info import build_api_info, python_type
from tests.support import asgi_client


async def _info(demo: gr.Blocks, **params: str) -> dict[str, Any]:
    async with asgi_client(demo) as client:
        response = await client.get("/gradio_api/info", params={"serialize": "False", **params})
    assert response.status_code == 200
    info: dict[str, Any] = response.json()
    return info


def add(a: float, b: float = 3) -> float:
    return a + b


def _adder() -> gr.Blocks:
    with gr.Blocks() as demo:
        a = gr.Number(label="A")
        b = gr.Slider(0, 10, label="B")
        total = gr.Number(label="Sum")
        gr.Button().click(add, [a, b], total, api_name="add")
    return demo


@pytest.mark.anyio
async def test_empty_app() -> None:
    async with asgi_client(gr.Blocks()) as client:
        response = await client.get("/gradio_api/info")
    assert response.json() == {"named_endpoints": {}, "unnamed_endpoints": {}}


@pytest.mark.anyio
async def test_endpoint_shape() -> None:
    info = await _info(_adder())
    assert set(info) == {"named_endpoints", "unnamed_endpoints"}
    endpoint = info["named_endpoints"]["/add"]
    assert endpoint["api_visibility"] == "public"
    assert endpoint["description"] == ""
    assert {"python", "javascript", "bash"} <= set(endpoint["code_snippets"])
    a, b = endpoint["parameters"]
    assert a == {
        "label": "A",
        "parameter_name": "a",
        "parameter_has_default": False,
        "parameter_default": None,
        "type": {"type": "number"},
        "python_type": {"type": "float", "description": ""},
        "component": "Number",
        "example_input": 3,
    }
    assert b["parameter_name"] == "b"
    assert b["parameter_has_default"] is True
    assert b["parameter_default"] == 0  # the slider's value wins over the signature's 3
    assert b["component"] == "Slider"
    assert b["type"]["description"] == "numeric value between 0 and 10"
    (ret,) = endpoint["returns"]
    assert ret == {
        "label": "Sum",
        "type": {"type": "number"},
        "python_type": {"type": "float", "description": ""},
        "component": "Number",
    }


@pytest.mark.anyio
async def test_component_value_is_the_default() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("preset", label="Text")
        gr.Button().click(lambda text: text, box, box, api_name="echo")
    (param,) = (await _info(demo))["named_endpoints"]["/echo"]["parameters"]
    assert param["parameter_has_default"] is True
    assert param["parameter_default"] == "preset"


@pytest.mark.anyio
async def test_parameter_names_follow_the_signature() -> None:
    def fn(first_name: str, *, age: float) -> str:
        return first_name

    with gr.Blocks() as demo:
        a = gr.Textbox(label="Your name")
        b = gr.Number(label="Your age")
        out = gr.Textbox()
        gr.Button().click(fn, [a, b], out)
    params = (await _info(demo))["named_endpoints"]["/fn"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["first_name", "age"]
    assert [p["label"] for p in params] == ["Your name", "Your age"]


@pytest.mark.anyio
async def test_varargs_are_named_by_position_not_label() -> None:
    def joined(*parts: str) -> str:
        return "".join(parts)

    with gr.Blocks() as demo:
        a = gr.Textbox(label="First part")
        b = gr.Textbox()
        out = gr.Textbox()
        gr.Button().click(joined, [a, b], out)
    params = (await _info(demo))["named_endpoints"]["/joined"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["param_0", "param_1"]


@pytest.mark.anyio
async def test_request_parameter_is_not_an_input() -> None:
    def fn(request: gr.Request, text: str) -> str:
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(fn, box, box)
    (param,) = (await _info(demo))["named_endpoints"]["/fn"]["parameters"]
    assert param["parameter_name"] == "text"


@pytest.mark.anyio
async def test_state_is_left_out_of_parameters_and_returns() -> None:
    def count(text: str, seen: int) -> tuple[str, int]:
        return text, seen + 1

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Text")
        state = gr.State(0)
        out = gr.Textbox(label="Out")
        gr.Button().click(count, [box, state], [out, state])
    endpoint = (await _info(demo))["named_endpoints"]["/count"]
    assert [p["parameter_name"] for p in endpoint["parameters"]] == ["text"]
    assert [r["label"] for r in endpoint["returns"]] == ["Out"]


@pytest.mark.anyio
async def test_private_and_undocumented_endpoints_are_omitted() -> None:
    def shown(x: str) -> str:
        return x

    def private(x: str) -> str:
        return x

    def hidden(x: str) -> str:
        return x

    with gr.Blocks() as demo:
        box = gr.Textbox()
        btn = gr.Button()
        btn.click(shown, box, box)
        btn.click(private, box, box, api_name=False)
        btn.click(hidden, box, box, show_api=False)
        btn.click(None, box, box, js="(x) => x")
    info = await _info(demo)
    assert list(info["named_endpoints"]) == ["/shown"]
    everything = await _info(demo, all_endpoints="True")
    assert sorted(everything["named_endpoints"]) == ["/hidden", "/shown"]


@pytest.mark.anyio
async def test_snippets_embed_the_host_and_call_v2() -> None:
    endpoint = (await _info(_adder()))["named_endpoints"]["/add"]
    bash = endpoint["code_snippets"]["bash"]
    assert "http://127.0.0.1:7860/gradio_api/call/v2/add" in bash
    assert '"a": 3' in bash
    assert 'Client("http://127.0.0.1:7860/")' in endpoint["code_snippets"]["python"]


@pytest.mark.anyio
async def test_choices_schema_and_python_type() -> None:
    with gr.Blocks() as demo:
        pick = gr.Dropdown(["x", "y"], label="Pick")
        many = gr.Dropdown(["x", "y"], multiselect=True, label="Many")
        flag = gr.Checkbox(label="Flag")
        data = gr.JSON(label="Data")
        gr.Button().click(lambda a, b, c: {}, [pick, many, flag], data, api_name="f")
    endpoint = (await _info(demo))["named_endpoints"]["/f"]
    types = [p["python_type"]["type"] for p in endpoint["parameters"]]
    assert types == ["Literal['x', 'y']", "list[Literal['x', 'y']]", "bool"]
    assert endpoint["returns"][0]["python_type"]["type"] == "str | float | bool | list | dict"


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, "str"),
        ({"type": "integer"}, "int"),
        ({"type": "null"}, "None"),
        ({}, "Any"),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "str | None"),
        ({"type": "array", "items": {"type": "number"}}, "list[float]"),
        ({"type": "object"}, "dict()"),
        ({"type": "object", "properties": {"a": {"type": "string"}}}, "dict(a: str)"),
    ],
)
def test_python_type(schema: dict[str, Any], expected: str) -> None:
    assert python_type(schema) == expected


@pytest.mark.anyio
async def test_callable_values_are_public_endpoints_named_after_the_function() -> None:
    def today() -> str:
        return "monday"

    with gr.Blocks() as demo:
        gr.Textbox(value=today)
        gr.Slider(randomize=True)
        gr.Slider(randomize=True)
    named = (await _info(demo))["named_endpoints"]
    assert set(named) == {"/today", "/get_random_value", "/get_random_value_1"}
    assert named["/today"]["parameters"] == []
    assert named["/get_random_value"]["returns"][0]["component"] == "Slider"


@pytest.mark.anyio
async def test_a_state_with_a_callable_value_has_a_load_endpoint_numbered_in_its_place() -> None:
    with gr.Blocks() as demo:
        gr.State(lambda: 1)
        gr.Textbox(value=lambda: "x")
    named = (await _info(demo))["named_endpoints"]
    assert named["/lambda"]["returns"] == []
    assert named["/lambda_1"]["returns"][0]["component"] == "Textbox"


@pytest.mark.parametrize(
    ("schema", "spelled"),
    [
        ({"type": {}}, "str | float | bool | list | dict"),
        ({"type": "array", "items": {"type": "string"}}, "list[str]"),
        ({"type": "object", "properties": {"a": {"type": "integer"}}}, "dict(a: int)"),
        ({"type": "object", "additionalProperties": {"type": "number"}}, "dict(str, float)"),
        ({"type": "object"}, "dict()"),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "str | None"),
    ],
)
def test_python_types_are_spelled_as_gradio_spells_them(
    schema: dict[str, object], spelled: str
) -> None:
    assert python_type(schema) == spelled


@pytest.mark.anyio
async def test_component_names_are_capitalised_types() -> None:
    with gr.Blocks() as demo:
        data, colour = gr.JSON(), gr.ColorPicker()
        gr.Button().click(lambda d, c: (d, c), [data, colour], [data, colour], api_name="x")
    endpoint = (await _info(demo))["named_endpoints"]["/x"]
    assert [p["component"] for p in endpoint["parameters"]] == ["Json", "Colorpicker"]
    assert endpoint["returns"][0]["python_type"]["type"] == "str | float | bool | list | dict"


def test_python_type_follows_refs_consts_and_open_objects() -> None:
    schema = {
        "$defs": {"Part": {"type": "object", "properties": {"kind": {"const": "text"}}}},
        "type": "array",
        "items": {"anyOf": [{"$ref": "#/$defs/Part"}, {"additionalProperties": True}]},
    }
    assert python_type(schema) == "list[dict(kind: Literal[text]) | Any]"
    assert python_type({"type": "object", "additionalProperties": True}) == "dict(str, Any)"


def test_chatbot_messages_describe_optional_keys_by_their_type() -> None:
    spelled = python_type(gr.Chatbot().api_info())
    assert "metadata: dict(title: str, id: int | str," in spelled
    assert "dict(file: filepath, alt_text: str | None, type: Literal[file])" in spelled
    assert "options: list[dict(value: str, label: str)] | None" in spelled


def _types(component: gr.components.Component) -> tuple[str, str]:
    """The python_type of ``component`` as a parameter and as a return, with its note."""
    with gr.Blocks() as demo:
        component.render()
        gr.Button().click(lambda x: x, component, component, api_name="f")
    endpoint = build_api_info(demo, root_url="")["named_endpoints"]["/f"]
    (param,), (ret,) = endpoint["parameters"], endpoint["returns"]
    return param["python_type"]["type"], ret["python_type"]["type"]


# Each spelling below is what Gradio 6.31's /gradio_api/info shows for the same component.
@pytest.mark.parametrize(
    ("make", "spelled"),
    [
        (lambda: gr.Number(precision=0, render=False), "int"),
        (lambda: gr.Number(precision=2, render=False), "float"),
        (lambda: gr.Radio([1, 2], render=False), "Literal['1', '2']"),
        (lambda: gr.Radio([1.5, 2], render=False), "Literal['1.5', '2']"),
        (lambda: gr.Dropdown([1, 2], render=False), "Literal['1', '2']"),
        (
            lambda: gr.CheckboxGroup([1, 2], render=False),
            "list[Literal['1', '2']]",
        ),
        (
            lambda: gr.Plot(render=False),
            "dict(type: Literal['altair', 'bokeh', 'plotly', 'matplotlib'], plot: str)",
        ),
        (
            lambda: gr.Label(render=False),
            "dict(label: str | int | float | None, confidences: list[dict(label: str | int "
            "| float | None, confidence: float | None)] | None)",
        ),
    ],
)
def test_python_types_match_gradio(
    make: Callable[[], gr.components.Component], spelled: str
) -> None:
    assert _types(make()) == (spelled, spelled)


def test_return_notes_describe_plain_values_only() -> None:
    def notes(component: gr.components.Component) -> str:
        with gr.Blocks() as demo:
            component.render()
            gr.Button().click(lambda: None, None, component, api_name="f")
        (ret,) = build_api_info(demo, root_url="")["named_endpoints"]["/f"]["returns"]
        return str(ret["python_type"]["description"])

    assert notes(gr.DateTime(include_time=False, render=False)) == "Formatted as YYYY-MM-DD"
    assert notes(gr.Slider(0, 10, render=False)) == "numeric value between 0 and 10"
    assert notes(gr.File(render=False)) == ""  # a payload model's docstring is no note


def test_buttons_are_not_api_parameters_and_unlabelled_ones_are_numbered() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        button = gr.Button("Go")
        gr.Button().click(lambda t, b: t, [text, button], text, api_name="f")
    endpoint = build_api_info(demo, root_url="")["named_endpoints"]["/f"]
    assert [p["label"] for p in endpoint["parameters"]] == [f"parameter_{text.id}"]
    assert [r["label"] for r in endpoint["returns"]] == [f"value_{text.id}"]


@pytest.mark.anyio
async def test_the_call_route_passes_none_for_a_button_input() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        button = gr.Button("Go")
        gr.Button().click(lambda t, b: f"{t}|{b}", [text, button], text, api_name="f")
    async with asgi_client(demo) as client:
        started = await client.post("/gradio_api/call/f", json={"data": ["hi"]})
        stream = await client.get(f"/gradio_api/call/f/{started.json()['event_id']}")
    assert '["hi|None"]' in stream.text


def test_defaults_and_description_as_gradio_decides_them() -> None:
    def g(a: str, b: str | None = None, c: int = 4) -> str:
        """Joins things.

        Args:
            a: the first
        """
        return a

    with gr.Blocks() as demo:
        texts = [gr.Textbox(), gr.Textbox(), gr.Textbox()]
        gr.Button().click(g, texts, texts[0], api_name="g")
        gr.Button().click(g, texts, texts[0], api_name="quiet", api_description=False)
    named = build_api_info(demo, root_url="")["named_endpoints"]
    defaults = [
        (p["parameter_has_default"], p["parameter_default"]) for p in named["/g"]["parameters"]
    ]
    # A signature default counts only when it is None (the client may leave it out).
    assert defaults == [(False, None), (True, None), (False, None)]
    assert named["/g"]["description"] == "Joins things."
    assert named["/quiet"]["description"] == ""


@pytest.mark.anyio
async def test_buttons_are_neither_parameters_nor_returns() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        go = gr.Button("Go")
        go.click(lambda n, b: (n, gr.Button(visible=False)), [name, go], [name, go], api_name="go")
    endpoint = (await _info(demo))["named_endpoints"]["/go"]
    assert [p["component"] for p in endpoint["parameters"]] == ["Textbox"]
    assert [r["component"] for r in endpoint["returns"]] == ["Textbox"]


@pytest.mark.anyio
async def test_ready_made_variants_are_named_after_their_component() -> None:
    with gr.Blocks() as demo:
        notes = gr.TextArea(label="Notes")
        sketch = gr.Sketchpad(label="Sketch")
        gr.Button().click(lambda n, s: n, [notes, sketch], notes, api_name="keep")
    endpoint = (await _info(demo))["named_endpoints"]["/keep"]
    assert [p["component"] for p in endpoint["parameters"]] == ["Textbox", "Imageeditor"]


def test_description_is_the_docstring_unless_given() -> None:
    def shout(text: str) -> str:
        """Upper-cases text.

        Loudly.

        Args:
            text: what to shout
        """
        return text.upper()

    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(shout, box, box, api_name="shout")
        box.change(shout, box, box, api_name="quiet", api_description=False)
        box.blur(shout, box, box, api_name="told", api_description="Told")
    endpoints = build_api_info(demo, root_url="")["named_endpoints"]
    assert endpoints["/shout"]["description"] == "Upper-cases text. Loudly."
    assert endpoints["/quiet"]["description"] == ""
    assert endpoints["/told"]["description"] == "Told"


def test_presets_are_named_after_the_component_they_preset() -> None:
    with gr.Blocks() as demo:
        table, area, explorer = gr.Numpy(), gr.TextArea(), gr.Files()
        out = gr.Textbox()
        gr.Button().click(lambda *values: "", [table, area, explorer], out, api_name="all")
    endpoint = build_api_info(demo, root_url="")["named_endpoints"]["/all"]
    names = [p["component"] for p in endpoint["parameters"]]
    assert names == ["Dataframe", "Textbox", "File"]
    assert endpoint["returns"][0]["component"] == "Textbox"


@pytest.mark.anyio
async def test_dict_inputs_name_the_first_after_the_one_parameter_as_gradio_does() -> None:
    with gr.Blocks() as demo:
        a, b, c = gr.Number(label="A"), gr.Number(label="B"), gr.Number()

        def sub(data: dict[gr.Number, float]) -> float:
            return data[a] - data[b]

        gr.Button().click(sub, {a, b}, c, api_name="sub")
    params = (await _info(demo))["named_endpoints"]["/sub"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["data", "param_1"]


@pytest.mark.anyio
async def test_an_apps_own_component_class_is_named_after_itself() -> None:
    class StarRating(gr.HTML):
        pass

    with gr.Blocks() as demo:
        stars = StarRating(label="Food")
        gr.Button().click(lambda s: s, stars, stars, api_name="rate")
    endpoint = (await _info(demo))["named_endpoints"]["/rate"]
    assert [p["component"] for p in endpoint["parameters"]] == ["Starrating"]
