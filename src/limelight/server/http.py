"""Small HTTP helpers shared by the routes: JSON in and out, errors, SSE framing."""

from __future__ import annotations

import json
import math
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from limelight.server.services import Services

__all__ = [
    "MAX_JSON_BYTES",
    "dumps",
    "error",
    "json_response",
    "read_json",
    "read_model",
    "root_url",
    "services",
    "sse",
]

M = TypeVar("M", bound=BaseModel)

MAX_JSON_BYTES = 16 * 1024 * 1024
"""Largest JSON body accepted (file contents go through uploads, not JSON)."""


def services(request: Request) -> Services:
    """The services of the app this request is for."""
    found: Services = request.app.state.services
    return found


def root_url(request: Request) -> str:
    """The URL the client reached the app at: ``launch(root_path=)`` when it is a full URL,
    else the request's origin and path: ``root_path`` when given, else the path the app is
    mounted at. Behind a proxy the app trusts (``forwarded_allow_ips``), the proxy's
    ``X-Forwarded-Proto``, ``-Host`` and ``-Prefix`` (the prefix it strips) say them; from
    anyone else they are ignored, or a client could make the answers name another site
    (which a cache in front would then hand to everyone; docs/security.md #19)."""
    settings = services(request).settings
    headers = request.headers
    forwarded = settings.trust_forwarded
    prefix = settings.root_path
    if not prefix:
        stripped = headers.get("x-forwarded-prefix", "") if forwarded else ""
        stripped = stripped.split(",")[0].strip().rstrip("/")
        prefix = (stripped if stripped.startswith("/") else "") + request.scope.get("root_path", "")
    if prefix.startswith(("http://", "https://")):
        return str(prefix)
    proto, host = request.url.scheme, headers.get("host", request.url.netloc)
    if forwarded:
        proto = headers.get("x-forwarded-proto", proto).split(",")[0].strip()
        host = headers.get("x-forwarded-host", host)
    return f"{proto}://{host.split(',')[0].strip()}{prefix}"


def _default(obj: Any) -> Any:
    """Serialise what JSON lacks: numpy values and arrays, sets, pydantic models."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if isinstance(obj, BaseModel):
        return obj.model_dump()
    if hasattr(obj, "item"):
        return obj.item()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serialisable")


_ENCODER = json.JSONEncoder(default=_default, separators=(",", ":"), allow_nan=False)
"""One encoder for every message: ``json.dumps`` with options builds a new one per call,
which took ~30% of the time to encode a streamed token's message."""


def dumps(value: Any) -> str:
    """Compact JSON text; NaN and infinities become null, as browsers need."""
    try:
        return _ENCODER.encode(value)
    except ValueError:
        return json.dumps(_finite(value), default=_default, separators=(",", ":"))


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


class _JSON(Response):
    """A JSON body with its two headers written directly (``Response`` works them out
    from its arguments on every response)."""

    media_type = "application/json"

    def __init__(self, body: bytes, status_code: int) -> None:
        self.status_code = status_code
        self.background = None
        self.body = body
        self.raw_headers = [
            (b"content-length", b"%d" % len(body)),
            (b"content-type", b"application/json"),
        ]


def json_response(value: Any, status_code: int = 200) -> Response:
    """A JSON response serialised with ``dumps``."""
    return _JSON(dumps(value).encode(), status_code)


def error(status_code: int, detail: Any) -> JSONResponse:
    """A JSON error ``{"detail": ...}``."""
    return JSONResponse({"detail": detail}, status_code=status_code)


async def read_json(request: Request) -> Any:
    """The request's JSON body; 415 for other content types, 413 when too big, 400 if bad."""
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "Expected a JSON body (Content-Type: application/json).")
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_JSON_BYTES:
        raise HTTPException(413, f"JSON body larger than {MAX_JSON_BYTES} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_JSON_BYTES:
            raise HTTPException(413, f"JSON body larger than {MAX_JSON_BYTES} bytes.")
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise HTTPException(400, f"Malformed JSON body: {exc}") from None


async def read_model(request: Request, model: type[M]) -> M:
    """The JSON body validated as ``model``; 422 names each bad field."""
    body = await read_json(request)
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()
        )
        raise HTTPException(422, f"Invalid request body: {problems}") from None


def sse(message: Any, event: str | None = None) -> str:
    """One server-sent event carrying ``message`` as JSON."""
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {dumps(message)}\n\n"
