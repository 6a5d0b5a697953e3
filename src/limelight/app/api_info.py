"""The API description served at ``/gradio_api/info`` (what ``Client.view_api()`` shows)."""

from __future__ import annotations

import inspect
import json
from typing import Any

from limelight.app.blocks_base import BlocksBase
from limelight.app.injection import injected_parameters, parameters_of
from limelight.components.base import Component
from limelight.core.dependency import Dependency, docstring_summary

__all__ = [
    "build_api_info",
    "component_name",
    "parameter_defaults",
    "parameter_names",
    "python_type",
]


def build_api_info(
    app: BlocksBase, *, root_url: str, all_endpoints: bool = False
) -> dict[str, Any]:
    """``{"named_endpoints": {...}, "unnamed_endpoints": {}}`` for the public endpoints."""
    named: dict[str, Any] = {}
    for dep in app.fns:
        if dep.fn is None or dep.api_visibility == "private":
            continue
        if dep.api_visibility != "public" and not all_endpoints:
            continue
        named["/" + dep.api_name] = endpoint_info(dep, root_url)
    return {"named_endpoints": named, "unnamed_endpoints": {}}


def parameter_names(dep: Dependency) -> list[str]:
    """The name of each input of ``dep`` as the function's signature calls it."""
    if dep.input_names is not None:
        return list(dep.input_names)
    names: list[str] = []
    if dep.fn is not None:
        skip = injected_parameters(dep.fn)
        for param in parameters_of(dep.fn).values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                break
            if param.name not in skip:
                names.append(param.name)
    # As Gradio does, the signature names inputs in order (a function taking a dict of
    # inputs names the first by its one parameter) and the rest (``*args``, the other dict
    # inputs) are ``param_<index>`` whatever their label, so clients see the same keywords.
    names += [f"param_{i}" for i in range(len(names), len(dep.inputs))]
    return names[: len(dep.inputs)]


def parameter_defaults(dep: Dependency) -> dict[str, Any]:
    """What a client may leave out of a call to ``dep``, by parameter name, with the value
    it stands for. As Gradio decides: an input's component value when it has one, else
    None when the signature's default is None (other signature defaults do not count)."""
    signature: dict[str, Any] = {}
    if dep.fn is not None:
        params = parameters_of(dep.fn).values()
        signature = {p.name: p.default for p in params if p.default is not inspect.Parameter.empty}
    defaults: dict[str, Any] = {}
    for name, block in zip(parameter_names(dep), dep.inputs):
        value = getattr(block, "value", None)
        if value is not None:
            defaults[name] = value
        elif name in signature and signature[name] is None:
            defaults[name] = None
    return defaults


def component_name(block: Component) -> str:
    """The component's name in the API docs, as Gradio gives it: the class that declares its
    type, so a preset (``gr.Numpy``, ``gr.TextArea``) shows as the component it presets; an
    app's own subclass (``class StarRating(gr.HTML)``) by its own name."""
    cls = type(block)
    if not cls.__module__.startswith("limelight."):
        return cls.__name__.capitalize()
    declaring = next(c for c in cls.__mro__ if "TYPE" in vars(c))
    return declaring.__name__.capitalize()


def endpoint_info(dep: Dependency, root_url: str) -> dict[str, Any]:
    """The description of one endpoint: its parameters, returns and code snippets."""
    defaults = parameter_defaults(dep)
    parameters = []
    for name, block in zip(parameter_names(dep), dep.inputs):
        if not isinstance(block, Component) or block.SKIP_API:
            continue
        has_default = name in defaults
        default = defaults.get(name)
        schema = block.api_info()
        parameters.append(
            {
                "label": f"parameter_{block.id}" if block.label is None else block.label,
                "parameter_name": name,
                "parameter_has_default": has_default,
                "parameter_default": default if has_default else None,
                "type": schema,
                "python_type": {
                    "type": python_type(schema),
                    "description": schema.get("additional_description", ""),
                },
                "component": component_name(block),
                "example_input": block.example_payload(),
            }
        )
    returns = [
        _return_info(block)
        for block in dep.outputs
        if isinstance(block, Component) and not block.SKIP_API
    ]
    return {
        "parameters": parameters,
        "returns": returns,
        "api_visibility": dep.api_visibility,
        "description": _description(dep),
        "code_snippets": _snippets(str(dep.api_name), parameters, root_url),
    }


def _description(dep: Dependency) -> str:
    if dep.api_description is False:
        return ""
    if dep.api_description is None:
        return docstring_summary(dep.fn) if dep.fn is not None else ""
    return dep.api_description


def _return_info(block: Component) -> dict[str, Any]:
    schema = block.api_info()
    # A note on a plain value's format ("Formatted as YYYY-MM-DD"), not a payload model's
    # docstring: Gradio shows none for those.
    note = "" if "properties" in schema else schema.get("description", "")
    return {
        "label": f"value_{block.id}" if block.label is None else block.label,
        "type": schema,
        "python_type": {"type": python_type(schema), "description": note},
        "component": component_name(block),
    }


def python_type(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> str:
    """A Python spelling of a JSON schema, as ``view_api`` shows parameter types.

    Spelled as Gradio 6 spells it (``list[...]``, ``dict(key: type)``, ``Literal[...]``), so
    that a client reading both servers' ``/info`` sees the same text. ``$ref``s point into
    ``defs`` (by default the schema's own ``$defs``).
    """
    defs = schema.get("$defs", {}) if defs is None else defs
    if "$ref" in schema:
        return python_type(defs.get(str(schema["$ref"]).rsplit("/", 1)[-1], {}), defs)
    if schema.get("type") == {}:
        return "str | float | bool | list | dict"  # any JSON value
    if not schema:
        return "Any"
    if {"path", "meta"} <= set(schema.get("properties", {})):
        return "filepath"  # a FileData payload: clients pass handle_file(path_or_url)
    if "const" in schema:
        return f"Literal[{schema['const']}]"
    if "enum" in schema:  # every choice quoted, numbers too: Literal['1', '2'], as Gradio
        return "Literal[" + ", ".join(f"'{v}'" for v in schema["enum"]) + "]"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(python_type(s, defs) for s in schema[key])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(python_type({"type": k}, defs) for k in kind)
    if kind == "array" and "prefixItems" in schema:  # a fixed-length tuple
        return f"tuple[{', '.join(python_type(s, defs) for s in schema['prefixItems'])}]"
    if kind == "array":
        return f"list[{python_type(schema.get('items', {}), defs)}]"
    if kind == "object":
        return _object_type(schema, defs)
    return {
        "string": "str",
        "number": "float",
        "integer": "int",
        "boolean": "bool",
        "null": "None",
    }.get(str(kind), "Any")


def _object_type(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    props = schema.get("properties")
    if props:
        fields = (f"{k}: {python_type(v, defs)}" for k, v in props.items())
        return "dict(" + ", ".join(fields) + ")"
    extra = schema.get("additionalProperties")
    if extra is True:
        return "dict(str, Any)"
    if isinstance(extra, dict):  # ``{}``: values of any type
        return f"dict(str, {python_type(extra, defs)})"
    return "dict()"


def _snippets(api_name: str, parameters: list[dict[str, Any]], root_url: str) -> dict[str, str]:
    kwargs = {p["parameter_name"]: p["example_input"] for p in parameters}
    py_args = "".join(f"\n\t{k}={v!r}," for k, v in kwargs.items())
    python = (
        "from gradio_client import Client\n\n"
        f'client = Client("{root_url}")\n'
        f'result = client.predict({py_args}\n\tapi_name="/{api_name}",\n)\nprint(result)'
    )
    js_args = "".join(f"\n\t{k}: {json.dumps(v)}," for k, v in kwargs.items())
    javascript = (
        'import { Client } from "@gradio/client";\n\n'
        f'const client = await Client.connect("{root_url}");\n'
        f'const result = await client.predict("/{api_name}", {{{js_args}\n}});\n\n'
        "console.log(result.data);"
    )
    base = root_url.rstrip("/")
    bash = (
        f"curl -X POST {base}/gradio_api/call/v2/{api_name} -s -H "
        f"\"Content-Type: application/json\" -d '{json.dumps(kwargs)}' \\\n"
        "  | awk -F'\"' '{ print $4}' \\\n"
        f"  | read EVENT_ID; curl -N {base}/gradio_api/call/v2/{api_name}/$EVENT_ID"
    )
    return {"python": python, "javascript": javascript, "bash": bash}
