"""What every component whose payloads are files shares.

File components implement ``preprocess_with(payload, files)`` and
``postprocess_with(value, files)``: the same contract as ``preprocess``/``postprocess``,
plus the ``FileContext`` of the running event (see ``limelight.files.processing``). The plain
``preprocess``/``postprocess`` run them with a detached context, for use outside a server.
The server calls ``preprocess_value``/``postprocess_value``, which pass its own context.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from limelight.components.base import Component, PayloadError
from limelight.exceptions import Error
from limelight.files.access import FileAccess, FileNotAllowed
from limelight.files.processing import FileContext, is_file_payload
from limelight.protocol import FileData

__all__ = [
    "FileComponent",
    "FilePayloadError",
    "file_schema",
    "is_url",
    "missing_files",
    "normalize_prop_value",
    "options_props",
    "postprocess_value",
    "preprocess_value",
    "to_file_data",
]

FILE_DESCRIPTION = "A local filepath or publicly available URL."


class FilePayloadError(PayloadError, Error):
    """A file payload refused: shown to the user like ``gr.Error`` (and a 4xx where the
    route answers directly)."""

    def __init__(self, message: str) -> None:
        Error.__init__(self, message, print_exception=False)


def is_url(value: object) -> bool:
    """Whether ``value`` is an http(s) URL (shown as is: limelight never fetches it)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def options_props(options: Any) -> dict[str, Any] | None:
    """An options object (``gr.WebcamOptions``, a dataclass or a dict) as config props."""
    if options is None or isinstance(options, dict):
        return options
    if hasattr(options, "to_props"):
        return dict(options.to_props())
    if dataclasses.is_dataclass(options) and not isinstance(options, type):
        return dataclasses.asdict(options)
    return {k: v for k, v in vars(options).items() if not k.startswith("_")}


def file_schema(title: str = "FileData") -> dict[str, Any]:
    """The JSON schema of a ``FileData`` payload, as ``/info`` shows it."""
    schema = FileData.model_json_schema()
    # gradio_client recognises file parameters by this default.
    schema["properties"]["meta"]["default"] = {"_type": "gradio.FileData"}
    schema["title"] = title
    schema["additional_description"] = FILE_DESCRIPTION
    return schema


def missing_files(value: Any) -> list[str]:
    """The local paths in ``value`` (a path, or a list or dict holding paths) that name no file."""
    if isinstance(value, Mapping):
        return [m for item in value.values() for m in missing_files(item)]
    if isinstance(value, (list, tuple)):
        return [m for item in value for m in missing_files(item)]
    if isinstance(value, (str, Path)) and not is_url(value) and not Path(value).is_file():
        return [str(value)]
    return []


def check_file_shape(payload: Any) -> None:
    """Reject a payload that is not null or a ``FileData`` object (no file is read)."""
    if payload is None:
        return
    if not is_file_payload(payload):
        raise PayloadError(f"Expected a FileData object with a 'path', got {payload!r:.80}")


def to_file_data(value: Any, files: FileContext, name: str | None = None) -> FileData | None:
    """The payload for a file a function returned: a path, a URL or a ``FileData``."""
    if value is None:
        return None
    if isinstance(value, FileData):
        value = value.model_dump()
    if isinstance(value, Mapping):
        name = name or value.get("orig_name")
        value = value.get("path") or value.get("url")
    if is_url(value):
        url = str(value)
        return FileData(path=url, url=url, orig_name=name or url.rsplit("/", 1)[-1] or None)
    if not isinstance(value, (str, Path)):
        raise TypeError(f"Expected a file path, URL or FileData, got {type(value).__name__}")
    return files.store_path(value, name)


class FileComponent(Component):
    """Base of components whose payloads hold files."""

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """Like ``preprocess``, reading files through ``files``."""
        raise NotImplementedError

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """Like ``postprocess``, storing files through ``files``."""
        raise NotImplementedError

    def postprocess_streamed(self, value: Any, files: FileContext, memo: dict[Any, Any]) -> Any:
        """The JSON-ready ``postprocess_with`` of one of a generator's outputs. ``memo`` is
        this output's, kept between the generator's yields: a component whose values grow
        (a chat history) may reuse there what it made for the previous yield."""
        return _dumped(self.postprocess_with(value, files))

    def normalize_prop_with(self, name: str, value: Any, files: FileContext) -> Any:
        """Like ``normalize_prop``, for a prop that names files (stored through ``files``)."""
        return self.normalize_prop(name, value)

    def preprocess(self, payload: Any) -> Any:
        return preprocess_value(self, payload, FileContext.detached())

    def initial_payload(self) -> Any:
        """As in Gradio, a starting value that names files which do not exist (a demo run
        away from its data files) does not stop the app: it warns and starts empty."""
        try:
            return super().initial_payload()
        except Error:
            missing = missing_files(self.initial_value)
            if not missing:
                raise
            warnings.warn(
                f"{type(self).__name__}: no such file {', '.join(missing)}; it starts empty",
                stacklevel=4,
            )
            self.initial_value = None  # so the server has nothing to store either
            return None

    def postprocess(self, value: Any) -> Any:
        return postprocess_value(self, value, FileContext.detached())

    def check_payload(self, payload: Any) -> None:
        """Only the shape: files are checked when the event runs, with the server's rules."""
        if isinstance(payload, list):
            for item in payload:
                check_file_shape(item)
        else:
            check_file_shape(payload)

    def api_info(self) -> dict[str, Any]:
        return file_schema()

    def example_payload(self) -> Any:
        return {
            "path": "https://example.com/sample.txt",
            "url": "https://example.com/sample.txt",
            "orig_name": "sample.txt",
            "meta": {"_type": "gradio.FileData"},
        }


def _strict() -> FileContext:
    """The context used when the caller gave none: no local path is trusted."""
    return FileContext(FileAccess(FileContext.detached().access.store))


def preprocess_value(block: Component, payload: Any, files: FileContext | None) -> Any:
    """``block``'s value for ``payload``; file components read files through ``files``."""
    if not isinstance(block, FileComponent):
        return block.preprocess(payload)
    try:
        return block.preprocess_with(payload, files or _strict())
    except FileNotAllowed as exc:
        raise FilePayloadError(str(exc)) from None


def postprocess_value(
    block: Component, value: Any, files: FileContext | None, memo: dict[int, Any] | None = None
) -> Any:
    """``block``'s payload for ``value``; file components store files through ``files``.
    ``memo`` (by block id) is kept between the yields of one generator."""
    if not isinstance(block, FileComponent):
        return block.postprocess(value)
    try:
        if memo is None:
            return _dumped(block.postprocess_with(value, files or _strict()))
        own = memo.setdefault(block.id, {})
        return block.postprocess_streamed(value, files or _strict(), own)
    except FileNotAllowed as exc:
        raise Error(
            f"{exc} A function may return files it created, uploads, and files in "
            "allowed_paths, the working directory or the temp directory."
        ) from None


def normalize_prop_value(block: Component, name: str, value: Any, files: FileContext | None) -> Any:
    """The wire form of prop ``name`` set by an update; file props are stored through ``files``."""
    if not isinstance(block, FileComponent):
        return block.normalize_prop(name, value)
    try:
        return block.normalize_prop_with(name, value, files or _strict())
    except FileNotAllowed as exc:
        raise Error(f"{exc} (in the {name!r} of an update)") from None


def _dumped(value: Any) -> Any:
    """``value`` with every ``FileData`` in it turned into its JSON-ready dict."""
    if isinstance(value, FileData):
        return value.model_dump()
    if isinstance(value, (list, tuple)):
        return [_dumped(v) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v) for k, v in value.items()}
    return value
