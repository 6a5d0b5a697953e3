"""Cached example outputs: ``gr.Examples(..., cache_examples=True)``.

Each example's outputs are computed once through the normal pipeline (postprocess the
example into a payload, then preprocess, call, postprocess) — at server start (``eager``)
or on the example's first click (``lazy``) — and kept as payloads in
``.gradio/cached_examples/<key>.json`` in the app's folder, so a restart reuses them.
The key changes when the function's name or the examples change.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Sequence
from contextlib import aclosing
from pathlib import Path
from typing import Any

from limelight.app.execution import CallContext, run_dependency
from limelight.app.session_data import SessionData
from limelight.components.base import Component
from limelight.components.filebase import postprocess_value
from limelight.core.dependency import Dependency, DependencyRegistry
from limelight.files.processing import FileContext, is_file_payload

__all__ = ["CACHE_DIR", "ExampleCache"]

CACHE_DIR = Path(".gradio") / "cached_examples"


class ExampleCache:
    """The outputs of ``fn`` for each example row, computed at most once."""

    def __init__(
        self,
        fn: Callable[..., Any],
        rows: list[list[Any]],
        inputs: Sequence[Component],
        outputs: Sequence[Component],
        *,
        lazy: bool,
        directory: Path = CACHE_DIR,
    ) -> None:
        self.rows = rows
        self.inputs = list(inputs)
        self.lazy = lazy
        self.dependency = Dependency(DependencyRegistry(), fn, [], inputs, outputs, api_name=False)
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"
        digest = hashlib.sha256(json.dumps([name, rows], default=repr).encode()).hexdigest()
        self.path = directory / f"{digest[:24]}.json"
        self.outputs: dict[int, list[Any]] = {}
        self.files = FileContext.detached()
        self._locks: dict[int, asyncio.Lock] = {}

    def attach(self, files: FileContext) -> None:
        """Use the server's file store, and reuse what an earlier run left on disk."""
        self.files = files
        if not self.path.is_file():
            return
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for index, payloads in saved.items():
            if all(_files_exist(p) for p in payloads):
                self.outputs[int(index)] = payloads

    async def fill(self) -> None:
        """Compute every example not cached yet (eager caching at start-up)."""
        for index in range(len(self.rows)):
            await self.get(index)

    async def get(self, index: int) -> list[Any]:
        """The output payloads of example ``index``, computing them on first use."""
        if not 0 <= index < len(self.rows):
            raise IndexError(f"There is no example {index}.")
        if index not in self.outputs:
            async with self._locks.setdefault(index, asyncio.Lock()):
                if index not in self.outputs:
                    self.outputs[index] = await self._compute(index)
                    self._save()
        return self.outputs[index]

    async def _compute(self, index: int) -> list[Any]:
        data = [
            postprocess_value(component, value, self.files)
            for component, value in zip(self.inputs, self.rows[index])
        ]
        ctx = CallContext(session=SessionData(), files=self.files)
        last: list[Any] = [None] * len(self.dependency.outputs)
        async with aclosing(run_dependency(self.dependency, data, ctx)) as results:
            async for payloads in results:
                last = payloads
        return last

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({str(k): v for k, v in self.outputs.items()}, default=str)
        self.path.write_text(text, encoding="utf-8")


def _files_exist(payload: Any) -> bool:
    """Whether every file a cached payload names is still on disk."""
    if is_file_payload(payload):
        path = payload.get("path") if isinstance(payload, dict) else None
        return isinstance(path, str) and Path(path).is_file()
    if isinstance(payload, dict):
        return all(_files_exist(v) for v in payload.values())
    if isinstance(payload, list):
        return all(_files_exist(v) for v in payload)
    return True
