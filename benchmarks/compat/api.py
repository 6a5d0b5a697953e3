"""Checks 2 and 3: the API description (``/gradio_api/info``) and a call to each endpoint."""

from __future__ import annotations

import math
import os
import re
import struct
import wave
import zipfile
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from equivalence import equal_but, number_as_text, startup_clock
from gradio_client import Client, handle_file
from login import Auth

__all__ = [
    "call_all",
    "compare_info",
    "endpoint_inputs",
    "example_rows",
    "fetch_info",
    "sample_files",
]

Json = Any
CALL_TIMEOUT = 40.0
RECHECK_ROUNDS = 3


def fetch_info(url: str, cookies: dict[str, str] | None = None) -> dict[str, Json]:
    """The server's ``/gradio_api/info`` (raises on an HTTP error); ``cookies``: a login's."""
    answer = httpx.get(url + "gradio_api/info", cookies=cookies, timeout=10)
    answer.raise_for_status()
    info: dict[str, Json] = answer.json()
    return info


FILE_KINDS = {"image", "audio", "video", "file", "gallery", "model3d", "imageeditor"}


def example_rows(url: str, cookies: dict[str, str] | None = None) -> dict[str, list[Json]]:
    """The first row of the demo's own ``examples=`` for each named endpoint whose inputs are
    exactly the example's components (file inputs excluded: their samples are server paths)."""
    config = httpx.get(url + "config", cookies=cookies, timeout=10).json()
    kinds = {block["id"]: block.get("type") for block in config.get("components", [])}
    rows: dict[str, list[Json]] = {}
    datasets = [b for b in config.get("components", []) if b.get("type") == "dataset"]
    for dep in config.get("dependencies", []):
        if not dep.get("api_name"):
            continue
        wanted = [kinds.get(i) for i in dep.get("inputs", [])]
        for dataset in datasets:
            props = dataset.get("props", {})
            samples = props.get("samples") or []
            if samples and props.get("components") == wanted and not FILE_KINDS & set(wanted):
                rows["/" + str(dep["api_name"]).lstrip("/")] = list(samples[0])
    return rows


# Where each library keeps an upload, inside a text a function made of its path.
UPLOAD_DIR = re.compile(r"/tmp/(?:gradio|limelight)/[0-9a-f]{16,}/")
# An absolute path quoted in a type (choices made of sample files): where each library keeps
# its media differs, and is no difference in the API.
QUOTED_PATH = re.compile(r"'/[^']*/([^'/]+)'")


def _signature(endpoint: dict[str, Json]) -> dict[str, Json]:
    def python_type(item: dict[str, Json]) -> Json:
        spelled = (item.get("python_type") or {}).get("type")
        return QUOTED_PATH.sub(r"'<path>/\1'", spelled) if isinstance(spelled, str) else spelled

    return {
        "parameters": [
            (p.get("parameter_name"), p.get("component"), python_type(p))
            for p in endpoint.get("parameters", [])
        ],
        "returns": [(r.get("component"), python_type(r)) for r in endpoint.get("returns", [])],
    }


def compare_info(ours: dict[str, Json], theirs: dict[str, Json] | None) -> list[str]:
    """Differences in named endpoints, parameter names, components and python types."""
    named = ours.get("named_endpoints")
    if not isinstance(named, dict):
        return ["no named_endpoints in /gradio_api/info"]
    if theirs is None:
        return []
    problems: list[str] = []
    reference = theirs.get("named_endpoints", {})
    for name in sorted(set(reference) ^ set(named)):
        side = "only on gradio" if name in reference else "only on limelight"
        problems.append(f"{name}: {side}")
    for name in sorted(set(reference) & set(named)):
        mine, want = _signature(named[name]), _signature(reference[name])
        for part in ("parameters", "returns"):
            if mine[part] != want[part]:
                problems.append(f"{name} {part}: limelight {mine[part]} != gradio {want[part]}")
    return problems


def sample_files(folder: Path) -> dict[str, Path]:
    """Small local files to send where an endpoint takes a file (no network is used)."""
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "sample.png"
    if not png.exists():
        _write_png(png, 8, 8)
    wav = folder / "sample.wav"
    if not wav.exists():
        with wave.open(str(wav), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(8000)
            tone = (int(8000 * math.sin(i / 5)) for i in range(4000))
            out.writeframes(b"".join(struct.pack("<h", v) for v in tone))
    archive = folder / "sample.zip"
    if not archive.exists():
        with zipfile.ZipFile(archive, "w") as out:
            out.writestr("a.txt", "alpha")
            out.writestr("b.txt", "beta")
    text = folder / "sample.txt"
    if not text.exists():
        text.write_text("hello from the harness\n")
    return {"image": png, "audio": wav, "file": archive, "text": text}


def _write_png(path: Path, width: int, height: int) -> None:
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(
        b"\x00" + b"".join(bytes((x * 30 % 256, y * 30 % 256, 120)) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
    path.write_bytes(data + chunk(b"IEND", b""))


def _file_kind(component: str) -> str | None:
    kind = component.lower()
    if kind in {"image", "imageeditor", "gallery"}:
        return "image"
    if kind == "audio":
        return "audio"
    if kind in {"file", "uploadbutton", "video", "model3d"}:
        return "file"
    return None


def _is_file_schema(parameter: dict[str, Json]) -> bool:
    return "FileData" in str(parameter.get("type")) or "filepath" in str(
        parameter.get("python_type")
    )


def endpoint_inputs(endpoint: dict[str, Json], files: dict[str, Path]) -> list[Json]:
    """One input per parameter: its default, else its example, files replaced by local ones."""
    values: list[Json] = []
    for parameter in endpoint.get("parameters", []):
        kind = _file_kind(str(parameter.get("component")))
        if kind is not None and _is_file_schema(parameter):
            value: Json = handle_file(str(files[kind]))
            if parameter.get("component") == "Gallery":
                value = [{"image": value, "caption": None}]
        elif (
            parameter.get("parameter_has_default")
            and parameter.get("parameter_default") is not None
        ):
            value = parameter["parameter_default"]
        else:
            value = parameter.get("example_input")
        values.append(value)
    return values


def _normalise(value: Json, server: str = "") -> Json:
    """A result with what legitimately varies (file paths, float noise, the address of the
    server that made it, as in a request's Host header) taken out."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, str) and os.path.isabs(value) and os.path.exists(value):
        return "<file>"
    if isinstance(value, str):
        value = value.replace(server, "<server>") if server else value
        return UPLOAD_DIR.sub("<upload>/", value)
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_normalise(item, server) for item in value]
    if isinstance(value, dict):
        return {
            key: "<file>" if key in {"path", "url"} and item else _normalise(item, server)
            for key, item in value.items()
            if key not in {"orig_name", "size", "mime_type", "is_stream", "meta"}
        }
    return value


def _shape(value: Json) -> Json:
    """The type skeleton of a result, used when the function is not deterministic."""
    if isinstance(value, (list, tuple)):
        return ["list", _shape(value[0]) if value else None]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in sorted(value.items())}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number"
    return type(value).__name__


def _call(client: Client, name: str, inputs: list[Json]) -> Json:
    try:
        result = client.submit(*inputs, api_name=name).result(timeout=CALL_TIMEOUT)
        return _normalise(result, urlsplit(client.src).netloc)
    except FutureTimeout:
        return "<timeout>"
    except Exception as exc:  # the harness reports any failure as a result to compare
        return f"<error {type(exc).__name__}: {str(exc)[:200]}>"


def _failed(result: Json) -> bool:
    return isinstance(result, str) and result.startswith(("<error", "<timeout"))


def _connect(url: str, auth: Auth | None) -> Client:
    return Client(url, auth=auth, verbose=False, download_files=False)


def call_all(
    ours_url: str,
    theirs_url: str | None,
    info: dict[str, Json],
    reference: dict[str, Json] | None,
    files: dict[str, Path],
    examples: dict[str, list[Json]],
    notes: list[str],
    startup: float = 0.0,
    auth: Auth | None = None,
) -> list[str]:
    """Call every public endpoint on limelight (and Gradio) with the demo's first example row
    (else defaults and examples from /info); the problems found. Endpoints where Gradio itself
    errors pass whatever limelight does, and are told in ``notes``; so do results that differ
    only in clock readings at most ``startup`` seconds apart (the servers' start-up).
    ``auth``: the login both servers ask for, given as ``gradio_client`` takes it."""
    problems: list[str] = []
    ours = _connect(ours_url, auth)
    theirs = _connect(theirs_url, auth) if theirs_url else None
    spec = (reference or info).get("named_endpoints", {})
    for name, endpoint in sorted(info.get("named_endpoints", {}).items()):
        inputs = examples.get(name) or endpoint_inputs(spec.get(name, endpoint), files)
        got = _call(ours, name, inputs)
        want = _call(theirs, name, inputs) if theirs is not None else None
        if _failed(want):
            # Gradio errors for this input: limelight may error too or return a value.
            outcome = "errors too" if _failed(got) else f"returns {_shape(got)}"
            notes.append(f"{name}: gradio errors for {str(inputs)[:80]}; limelight {outcome}")
            continue
        if _failed(got):
            problems.append(f"{name}: {got}")
            continue
        if theirs is None:
            continue
        if got == want:
            continue
        if equal_but(got, want, startup_clock(startup)):
            notes.append(f"{name}: clock readings differ by less than the {startup:.0f}s start-up")
        elif equal_but(got, want, number_as_text):
            notes.append(f"{name}: numbers that gradio sends as text (numpy numbers)")
        else:
            problems += _recheck(ours, theirs, name, inputs, got, want)
    return problems


def _recheck(
    ours: Client, theirs: Client, name: str, inputs: list[Json], got: Json, want: Json
) -> list[str]:
    """A differing result, called again on both sides back to back: equal in a later round
    passes (a clock read a second apart); a side whose results vary (random values, time)
    only needs the same type skeleton; otherwise the difference is a problem."""
    seen_ours, seen_theirs = [got], [want]
    for _ in range(RECHECK_ROUNDS):
        seen_theirs.append(_call(theirs, name, inputs))
        seen_ours.append(_call(ours, name, inputs))
        if seen_ours[-1] == seen_theirs[-1]:
            return []
    varies = any(r != got for r in seen_ours) or any(r != want for r in seen_theirs)
    if not varies:
        return [f"{name}: limelight {str(got)[:200]} != gradio {str(want)[:200]}"]
    # Random results may be empty lists in one call and not in the next (an empty list has
    # no element type): any skeleton seen on both sides is enough.
    ours_shapes, theirs_shapes = [_shape(r) for r in seen_ours], [_shape(r) for r in seen_theirs]
    if not any(shape in theirs_shapes for shape in ours_shapes):
        return [f"{name}: type {_shape(got)} != gradio {_shape(want)}"]
    return []
