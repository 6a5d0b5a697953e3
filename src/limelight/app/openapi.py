"""The app's REST API as an OpenAPI 3.1 document (``/gradio_api/openapi.json``).

Built from what ``/gradio_api/info`` is built from: each public endpoint's parameters and
outputs with their components' JSON schemas (``Component.api_info``). It describes the
routes callers other than the page use (docs/protocol.md §3.5, §7, §2): the ``call`` API
and its event stream, ``run``, uploads and downloads, ``info`` and ``config``.
"""

from __future__ import annotations

import copy
from typing import Any

from limelight._version import __version__
from limelight.app.api_info import endpoint_info, parameter_defaults, parameter_names
from limelight.app.blocks_base import BlocksBase
from limelight.components.base import Component
from limelight.core.dependency import Dependency

__all__ = ["build_openapi"]

JSON = "application/json"
ANY: dict[str, Any] = {}
ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
UPDATE = {
    "type": "object",
    "description": "gr.update(...): the props of the output component that change, and "
    "its value when given.",
    "properties": {"__type__": {"const": "update"}},
    "required": ["__type__"],
}
TEXT_ERROR = {"text/plain": {"schema": {"type": "string"}}}


def build_openapi(app: BlocksBase, *, root_url: str) -> dict[str, Any]:
    """The OpenAPI document of ``app`` served at ``root_url``."""
    schemas: dict[str, Any] = {"Error": ERROR, "Update": UPDATE}
    paths: dict[str, Any] = {}
    for dep in app.fns:
        if dep.fn is None or dep.api_visibility != "public":
            continue
        if dep.queue and not app.queue_settings.api_open:
            continue  # queue(api_open=False): the REST routes refuse it (docs/protocol.md §3.5)
        paths.update(_endpoint_paths(dep, root_url, schemas))
    paths.update(_fixed_paths())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": app.title or "limelight app",
            "version": __version__,
            "description": "The app's REST API. Each endpoint is called with "
            "POST /gradio_api/call/{api_name} (an event id) and its result read as "
            "server-sent events from GET /gradio_api/call/{api_name}/{event_id}; "
            "POST /gradio_api/run/{api_name} answers with the output at once.",
        },
        "servers": [{"url": root_url.rstrip("/") or "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _schema(block: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    """A component's JSON schema, its ``$defs`` moved into the document's schemas (a
    ``#/$defs/...`` reference means the document's root in OpenAPI)."""
    if not isinstance(block, Component):
        return ANY
    schema = copy.deepcopy(block.api_info())
    for name, definition in schema.pop("$defs", {}).items():
        schemas.setdefault(name, _clean(definition))
    if schema.get("type") in ("number", "integer"):
        # The range a number component checks, which /info only states in words.
        for bound in ("minimum", "maximum"):
            value = getattr(block, bound, None)
            if isinstance(value, (int, float)):
                schema[bound] = value
    cleaned: dict[str, Any] = _clean(schema)
    return cleaned


def _clean(schema: Any) -> Any:
    """``schema`` valid as JSON Schema 2020-12: local references point into the document's
    schemas, ``"type": {}`` (Gradio's spelling of "any JSON value") is dropped, and so is a
    null default its type does not allow."""
    if isinstance(schema, list):
        return [_clean(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    cleaned = {key: _clean(value) for key, value in schema.items()}
    if cleaned.get("type") == {}:
        del cleaned["type"]
    properties = cleaned.get("properties")
    if isinstance(properties, dict) and {"path", "meta"} <= set(properties):
        # A FileData payload: the server needs the path of the file it names.
        properties["path"] = {"type": "string"}
        cleaned["required"] = sorted({*cleaned.get("required", []), "path"})
    if "default" in cleaned and cleaned["default"] is None and not _admits_null(cleaned):
        # A payload model's optional field typed without null: its default is "left out".
        del cleaned["default"]
    ref = cleaned.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        cleaned["$ref"] = "#/components/schemas/" + ref.removeprefix("#/$defs/")
    return cleaned


def _admits_null(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if kind is None and not any(key in schema for key in ("anyOf", "oneOf", "$ref", "enum")):
        return True
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    branches = [*schema.get("anyOf", []), *schema.get("oneOf", [])]
    return any(isinstance(b, dict) and _admits_null(b) for b in branches)


def _output(schema: dict[str, Any]) -> dict[str, Any]:
    """What an output's payload may be: its component's value, null (the function returned
    None) or the props a ``gr.update(...)`` changes."""
    if not schema:
        return schema
    return {"anyOf": [schema, {"type": "null"}, {"$ref": "#/components/schemas/Update"}]}


def _inputs(dep: Dependency, schemas: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Each parameter a caller sends (State and buttons left out), with its schema."""
    info = endpoint_info(dep, "")
    by_name = {p["parameter_name"]: p for p in info["parameters"]}
    found = []
    for name, block in zip(parameter_names(dep), dep.inputs):
        if name in by_name:
            schema = _schema(block, schemas)
            example = by_name[name]["example_input"]
            found.append((name, {**schema, "examples": [example]} if schema else schema))
    return found


def _outputs_schema(dep: Dependency, schemas: dict[str, Any]) -> dict[str, Any]:
    """One value per output. Written as ``items`` (any output's schema for every value)
    rather than ``prefixItems``: response validators such as schemathesis's still turn
    ``prefixItems`` into the ``items`` list of older drafts, which 3.1 refuses."""
    kinds: list[dict[str, Any]] = []
    for block in dep.outputs:
        schema = _output(_schema(block, schemas))
        if schema not in kinds:
            kinds.append(schema)
    items = kinds[0] if len(kinds) == 1 else ({"anyOf": kinds} if ANY not in kinds else ANY)
    count = len(dep.outputs)
    return {"type": "array", "items": items, "minItems": count, "maxItems": count}


def _data_schema(inputs: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    items = [schema for _, schema in inputs]
    if not items:  # prefixItems may not be empty
        return {"type": "array", "maxItems": 0}
    return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}


def _endpoint_paths(dep: Dependency, root_url: str, schemas: dict[str, Any]) -> dict[str, Any]:
    name = str(dep.api_name)
    inputs = _inputs(dep, schemas)
    summary = endpoint_info(dep, root_url)["description"] or f"The {name} endpoint"
    data = _data_schema(inputs)
    defaults = parameter_defaults(dep)
    named = {
        "type": "object",
        "properties": dict(inputs),
        "required": [n for n, _ in inputs if n not in defaults],
        "additionalProperties": False,
    }
    outputs = _outputs_schema(dep, schemas)
    started = _json_response(
        "The call is queued: read its result with its event id.",
        {
            "type": "object",
            "properties": {"event_id": {"type": "string"}},
            "required": ["event_id"],
        },
    )
    return {
        f"/gradio_api/call/{name}": {
            "post": _operation(
                f"call_{name}",
                summary,
                {"type": "object", "properties": {"data": data}, "required": ["data"]},
                started,
            )
        },
        f"/gradio_api/call/v2/{name}": {
            "post": _operation(f"call_v2_{name}", summary + " (parameters by name)", named, started)
        },
        f"/gradio_api/call/{name}/{{event_id}}": {"get": _events_operation(name, outputs)},
        f"/gradio_api/run/{name}": {"post": _run_operation(name, summary, data, outputs)},
    }


def _json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    reasons = {
        400: "The body is not JSON.",
        404: "No such endpoint, or the REST API is closed.",
        413: "The body is too large.",
        415: "The body is not JSON.",
        422: "The body does not fit the endpoint's parameters.",
    }
    error = {"$ref": "#/components/schemas/Error"}
    return {str(code): _json_response(reasons[code], error) for code in codes}


def _operation(
    operation_id: str, summary: str, body: dict[str, Any], ok: dict[str, Any]
) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "summary": summary,
        "requestBody": {"required": True, "content": {JSON: {"schema": body}}},
        "responses": {"200": ok, **_errors(400, 404, 413, 415, 422)},
    }


def _events_operation(name: str, outputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "operationId": f"call_{name}_events",
        "summary": "The call's result as server-sent events: `generating` for each yield, "
        "then `complete` with the outputs or `error`.",
        "parameters": [
            {"name": "event_id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {
                "description": "`event: complete` carries the outputs, as "
                "x-limelight-outputs describes them.",
                "content": {"text/event-stream": {"schema": {"type": "string"}}},
                "x-limelight-outputs": outputs,
            },
            **_errors(404),
        },
    }


def _run_operation(
    name: str, summary: str, data: dict[str, Any], outputs: dict[str, Any]
) -> dict[str, Any]:
    body = {
        "type": "object",
        "properties": {"data": data, "session_hash": {"type": "string"}},
        "required": ["data"],
    }
    output = {
        "type": "object",
        "properties": {"data": outputs, "is_generating": {"type": "boolean"}},
        "required": ["data"],
    }
    failed = {
        "type": "object",
        "properties": {"error": {"type": ["string", "null"]}},
        "required": ["error"],
    }
    operation = _operation(
        f"run_{name}", summary + " (answered at once)", body, _json_response("The outputs.", output)
    )
    operation["responses"]["500"] = _json_response("The function raised.", failed)
    return operation


def _fixed_paths() -> dict[str, Any]:
    """The routes every app has: upload, file download, info and config."""
    info_param = {
        "name": "all_endpoints",
        "in": "query",
        "required": False,
        "schema": {"type": "boolean"},
    }
    return {
        "/gradio_api/upload": {"post": _upload_operation()},
        "/gradio_api/file={path}": {"get": _file_operation()},
        "/gradio_api/info": {
            "get": {
                "operationId": "info",
                "summary": "The public endpoints with their parameters and returns.",
                "parameters": [info_param],
                "responses": {"200": _json_response("The API description.", {"type": "object"})},
            }
        },
        "/config": {
            "get": {
                "operationId": "config",
                "summary": "The app's components, layout and dependencies.",
                "responses": {"200": _json_response("The config.", {"type": "object"})},
            }
        },
    }


def _upload_operation() -> dict[str, Any]:
    files = {
        "type": "array",
        "items": {"type": "string", "contentMediaType": "application/octet-stream"},
    }
    body = {"type": "object", "properties": {"files": files}, "required": ["files"]}
    paths = {"type": "array", "items": {"type": "string"}}
    return {
        "operationId": "upload",
        "summary": "Store files; answers their paths on the server, to pass as FileData.",
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": body}}},
        "responses": {
            "200": _json_response("The stored files' paths.", paths),
            "400": {"description": "Not a multipart body.", "content": TEXT_ERROR},
            "413": {"description": "A file is too large.", "content": TEXT_ERROR},
        },
    }


def _file_operation() -> dict[str, Any]:
    refused = {
        "description": "Not a file this app hands out.",
        "content": TEXT_ERROR | {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return {
        "operationId": "file",
        "summary": "Download a file the app handed out or an upload.",
        "parameters": [
            {"name": "path", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {"description": "The file.", "content": {"*/*": {"schema": {"type": "string"}}}},
            "403": refused,
            "404": refused,
        },
    }
