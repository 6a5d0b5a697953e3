"""Receiving an upload: a ``multipart/form-data`` body streamed into the file store.

Each part named ``files`` goes to the store's ``FileWriter`` chunk by chunk as it arrives
(never whole in memory); parsing runs in a worker thread, one hop per received chunk, so the
event loop stays free, and the writes are awaited (the store may be remote). Limits answer
early (docs/security.md #26, #27): a body that cannot fit is refused before it is read, a
file that passes ``max_file_size`` is refused (and deleted) as soon as it does, and the
number of parts, the size of non-file fields and the boundary length are bounded. Bytes
received are reported to an ``UploadProgress`` (``server/upload_progress.py``) per
``upload_id``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import anyio
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from limelight.files.store import FileStore, FileTooLarge, FileWriter
from limelight.server.upload_progress import UploadProgress

__all__ = [
    "MAX_FILES",
    "UploadError",
    "receive_upload",
]

MAX_FILES = 100
"""Files one upload request may carry."""
MAX_PARTS = 1000
"""Parts of any kind one upload request may carry."""
MAX_FIELD_BYTES = 64 * 1024
"""Size of one non-file field (they are read and dropped)."""
MAX_CONTENT_TYPE = 1024
MAX_BOUNDARY = 200
OVERHEAD = 64 * 1024
"""Allowance for multipart headers and boundaries on top of the files' bytes."""
FIELD_NAME = "files"


class UploadError(Exception):
    """An upload refused; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def boundary_of(content_type: str | None) -> bytes:
    """The multipart boundary, or ``UploadError`` (400/415) for a bad Content-Type."""
    if not content_type:
        raise UploadError(415, "Expected a multipart/form-data body with files.")
    if len(content_type) > MAX_CONTENT_TYPE:
        raise UploadError(400, "Content-Type header too long.")
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data":
        raise UploadError(415, "Expected a multipart/form-data body with files.")
    boundary = params.get(b"boundary", b"")
    if not boundary or len(boundary) > MAX_BOUNDARY:
        raise UploadError(400, "Missing or oversized multipart boundary.")
    return boundary


_OPEN = object()
_CLOSE = object()


class _Receiver:
    """Parser callbacks: note each file part's start, bytes and end, for ``apply`` to write
    into the store, and drop non-file fields within a bound."""

    def __init__(self, store: FileStore, limit: int | None) -> None:
        self.store = store
        self.limit = limit
        self.paths: list[Path] = []
        self.parts = 0
        self.files = 0
        self.in_file = False
        self.current: FileWriter | None = None
        self.steps: list[tuple[object, bytes | str]] = []
        """What the parser met since the last ``apply``: (``_OPEN``, name), (None, bytes)
        or (``_CLOSE``, "")."""
        self.field_bytes = 0
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}

    # callbacks -------------------------------------------------------------------------
    def on_part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise UploadError(413, f"More than {MAX_PARTS} parts in one upload.")
        self._headers = {}
        self.field_bytes = 0

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        filename = options.get(b"filename")
        if options.get(b"name") != FIELD_NAME.encode() or filename is None:
            return
        if self.files >= MAX_FILES:
            raise UploadError(413, f"More than {MAX_FILES} files in one upload.")
        self.files += 1
        self.in_file = True
        self.steps.append((_OPEN, filename.decode("utf-8", "replace")))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.in_file:
            self.steps.append((None, data[start:end]))
            return
        self.field_bytes += end - start
        if self.field_bytes > MAX_FIELD_BYTES:
            raise UploadError(413, f"A form field is larger than {MAX_FIELD_BYTES} bytes.")

    def on_part_end(self) -> None:
        if self.in_file:
            self.in_file = False
            self.steps.append((_CLOSE, ""))

    # -----------------------------------------------------------------------------------
    async def apply(self) -> None:
        """Write what the parser met into the store: open, write, commit files."""
        steps, self.steps = self.steps, []
        for kind, value in steps:
            if kind is _OPEN:
                assert isinstance(value, str)
                self.current = await self.store.open_writer(value, self.limit)
            elif kind is _CLOSE:
                assert self.current is not None
                key = await self.current.commit()
                self.current = None
                self.paths.append(self.store.path_of(key))
            else:
                assert self.current is not None and isinstance(value, bytes)
                await self._write(self.current, value)

    async def _write(self, writer: FileWriter, data: bytes) -> None:
        try:
            await writer.write(data)
        except FileTooLarge:
            self.current = None
            assert self.limit is not None
            raise _too_large(self.limit) from None

    async def abort(self) -> None:
        """Drop the file being written."""
        if self.current is not None:
            await self.current.discard()
            self.current = None


def _too_large(limit: int) -> UploadError:
    """413 naming the per-file limit."""
    return UploadError(413, f"File too large: the limit is {limit} bytes.")


def _feed(parser: MultipartParser, chunk: bytes) -> None:
    try:
        parser.write(chunk)
    except FormParserError as exc:
        raise UploadError(400, f"Malformed multipart body: {exc}") from None


async def receive_upload(
    chunks: AsyncIterator[bytes],
    content_type: str | None,
    content_length: str | None,
    store: FileStore,
    max_file_size: int | None,
    on_progress: UploadProgress | None = None,
    upload_id: str | None = None,
) -> list[Path]:
    """Stream a multipart body into ``store``; returns the stored files' paths in order.

    Raises ``UploadError`` with the status to answer; on any failure the file being
    written is deleted (complete files stay until the cache expires them).
    """
    boundary = boundary_of(content_type)
    declared = int(content_length) if content_length and content_length.isdigit() else None
    # No request of at most MAX_FILES files, each within the limit, can be longer.
    cap = None if max_file_size is None else max_file_size * MAX_FILES + OVERHEAD
    if cap is not None and declared is not None and declared > cap:
        raise _too_large(max_file_size or 0)
    receiver = _Receiver(store, max_file_size)
    callbacks = {
        name: getattr(receiver, name)
        for name in (
            "on_part_begin",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
            "on_part_data",
            "on_part_end",
        )
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    try:
        async for chunk in chunks:
            if chunk:
                await anyio.to_thread.run_sync(_feed, parser, chunk)
                await receiver.apply()
                if on_progress is not None and upload_id:
                    await on_progress.add(upload_id, len(chunk))
        parser.finalize()
        await receiver.apply()
        if receiver.current is not None:
            raise UploadError(400, "Malformed multipart body: it ends inside a file.")
    except BaseException:
        with anyio.CancelScope(shield=True):
            await receiver.abort()
        raise
    return receiver.paths
