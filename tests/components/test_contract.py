"""The contract every component keeps, run once per class in ``REGISTRY``.

Each component's own behaviour lives in ``test_<name>.py``; this suite only checks what
all of them share: the common props, a value round trip, a JSON schema, the config entry
and the events every component (or every form component) fires.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import limelight as gr
from limelight.components import REGISTRY, BrowserState, Component, FormComponent, State
from limelight.components.filebase import FileComponent

ALL = sorted(REGISTRY.items())
HIDDEN = (State, BrowserState)
"""Per-visitor values: never shown, so without the shared display options."""
WITH_VALUES = [(name, cls) for name, cls in ALL if cls not in HIDDEN]
NOT_IN_API = (State, gr.Button)
"""Neither parameters nor returns of an endpoint (buttons, as in Gradio 6)."""

CONFIGURED: dict[str, Callable[[], Component]] = {
    "radio": lambda: gr.Radio(["a", "b"], value="b"),
    "dropdown": lambda: gr.Dropdown(["a", "b"], value="a"),
    "dropdown_multi": lambda: gr.Dropdown(["a", "b", "c"], multiselect=True),
    "dropdown_pairs": lambda: gr.Dropdown([("One", 1), ("Two", 2)]),
    "radio_pairs": lambda: gr.Radio([("One", 1), ("Two", 2)]),
    "slider": lambda: gr.Slider(-5, 5, step=0.5),
    "number_precision": lambda: gr.Number(precision=2, minimum=-1, maximum=100),
    "label_top": lambda: gr.Label(num_top_classes=1),
    "textbox_lines": lambda: gr.Textbox(lines=4, max_length=50),
}
"""Instances with options set, so round trips also run where choices and bounds apply."""

ids = [name for name, _ in ALL]
value_ids = [name for name, _ in WITH_VALUES]


@pytest.mark.parametrize(("name", "cls"), ALL, ids=ids)
def test_creates_without_arguments(name: str, cls: type[Component]) -> None:
    component = cls()
    assert name == component.TYPE
    assert isinstance(component.id, int)


@pytest.mark.parametrize(("name", "cls"), WITH_VALUES, ids=value_ids)
def test_shared_options_appear_in_props(name: str, cls: type[Component]) -> None:
    component = cls(
        label="The label",
        visible=False,
        elem_id="the-id",
        elem_classes=["one", "two"],
        interactive=True,
    )
    props = component.config()["props"]
    assert props["label"] == "The label"
    assert props["visible"] is False
    assert props["elem_id"] == "the-id"
    assert props["elem_classes"] == ["one", "two"]
    assert props["interactive"] is True
    assert props["name"] == name


@pytest.mark.parametrize(("name", "cls"), WITH_VALUES, ids=value_ids)
def test_elem_classes_accepts_one_string(name: str, cls: type[Component]) -> None:
    assert cls(elem_classes="solo").config()["props"]["elem_classes"] == ["solo"]


@pytest.mark.parametrize(("name", "cls"), WITH_VALUES, ids=value_ids)
def test_shared_options_have_defaults(name: str, cls: type[Component]) -> None:
    props = cls().config()["props"]
    assert props["visible"] is True
    assert props["elem_id"] is None
    assert props["elem_classes"] == []
    # Buttons default to clickable, as in Gradio; the rest decide by use.
    clickable = issubclass(cls, (gr.Button, gr.UploadButton, gr.DownloadButton))
    assert props["interactive"] is (True if clickable else None)
    assert "label" in props


def _instances() -> list[tuple[str, Callable[[], Component]]]:
    plain: list[tuple[str, Callable[[], Component]]] = [(name, cls) for name, cls in WITH_VALUES]
    return plain + sorted(CONFIGURED.items())


@pytest.mark.parametrize(("name", "make"), _instances(), ids=[n for n, _ in _instances()])
def test_example_payload_round_trips(name: str, make: Callable[[], Component]) -> None:
    component = make()
    if isinstance(component, FileComponent):
        pytest.skip("example payloads are URLs, never fetched; test_<name>.py round-trips files")
    payload = component.example_payload()
    assert component.postprocess(component.preprocess(payload)) == payload


@pytest.mark.parametrize(("name", "make"), _instances(), ids=[n for n, _ in _instances()])
def test_initial_value_is_a_valid_payload(name: str, make: Callable[[], Component]) -> None:
    component = make()
    component.check_payload(component.value)


@pytest.mark.parametrize(("name", "make"), _instances(), ids=[n for n, _ in _instances()])
def test_none_payload_is_accepted(name: str, make: Callable[[], Component]) -> None:
    component = make()
    component.preprocess(None)


@pytest.mark.parametrize(("name", "cls"), ALL, ids=ids)
def test_api_info_is_a_json_serialisable_dict(name: str, cls: type[Component]) -> None:
    info = cls().api_info()
    assert isinstance(info, dict)
    assert json.loads(json.dumps(info)) == info


@pytest.mark.parametrize(("name", "cls"), ALL, ids=ids)
def test_config_entry_shape(name: str, cls: type[Component]) -> None:
    component = cls()
    config = component.config()
    assert config["id"] == component.id
    assert config["type"] == name
    assert isinstance(config["props"], dict)
    assert config["skip_api"] is issubclass(cls, NOT_IN_API)
    assert config["api_info"] == component.api_info()
    json.dumps(config)


@pytest.mark.parametrize(("name", "cls"), ALL, ids=ids)
def test_change_listener_exists(name: str, cls: type[Component]) -> None:
    component = cls()
    with gr.Blocks() as demo:
        dep = component.change(lambda *a: None, None, None)
    assert dep.targets == [(component, "change")]
    assert demo.fns == [dep]


@pytest.mark.parametrize(("name", "cls"), [(n, c) for n, c in ALL if issubclass(c, FormComponent)])
def test_form_components_fire_input(name: str, cls: type[Component]) -> None:
    component = cls()
    with gr.Blocks():
        dep = component.input(lambda *a: None, component, None)  # type: ignore[attr-defined]
    assert dep.targets == [(component, "input")]


@pytest.mark.parametrize(("name", "cls"), [(n, c) for n, c in ALL if issubclass(c, FormComponent)])
def test_form_components_fire_focus_and_blur(name: str, cls: type[Component]) -> None:
    component: Any = cls()
    with gr.Blocks():
        focus = component.focus(lambda: None)
        blur = component.blur(lambda: None)
    assert focus.targets == [(component, "focus")]
    assert blur.targets == [(component, "blur")]


@pytest.mark.parametrize(("name", "cls"), WITH_VALUES, ids=value_ids)
def test_callable_value_runs_on_load(name: str, cls: type[Component]) -> None:
    example = cls().example_payload()
    with gr.Blocks() as demo:
        component = cls(value=lambda: example)
    loads = [dep for dep in demo.fns if dep.targets == [(demo, "load")]]
    assert len(loads) == 1
    assert loads[0].outputs == [component]
    assert loads[0].api_visibility == "public"
    assert loads[0].api_name == "lambda"


@pytest.mark.parametrize(("name", "cls"), ALL, ids=ids)
def test_render_false_leaves_the_layout_alone(name: str, cls: type[Component]) -> None:
    with gr.Blocks() as demo:
        component = cls(render=False)
    assert component not in demo.children
    with gr.Blocks() as demo:
        component.render()
    assert demo.children == [component]
