"""Flagging: users mark interesting inputs and outputs, and the app keeps them as CSV.

``Interface`` adds a Flag button (``flagging_mode="manual"``, the default, or the
``GRADIO_FLAGGING_MODE`` environment variable), flags every call (``"auto"``) or never
(``"never"``). Rows go to ``<flagging_dir>/dataset1.csv``; nothing is written until the
first flag. ``ChatInterface`` keeps liked, disliked and flagged chat messages with
``ChatCSVLogger``. Text that a spreadsheet would run as a formula is stored with a leading ``'``.
"""

from __future__ import annotations

import csv
import datetime
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from limelight.chat.events import LikeData
from limelight.components.base import Component

__all__ = ["CSVLogger", "ChatCSVLogger", "FlaggingCallback", "SimpleCSVLogger", "csv_safe"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """``text`` made inert for spreadsheets: a formula-like start gets a leading ``'``.

    JSON values (``{...}``, ``[...]``) and plain numbers are left as they are.
    """
    if not text.startswith(FORMULA_STARTS):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def _cell(payload: Any) -> str:
    if payload is None:
        return ""
    if isinstance(payload, str):
        return csv_safe(payload)
    return json.dumps(payload, ensure_ascii=False)


class FlaggingCallback(ABC):
    """Where flagged data goes. ``setup`` runs before the first ``flag``."""

    @abstractmethod
    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        """Prepare to store the values of ``components`` under ``flagging_dir``."""

    @abstractmethod
    def flag(
        self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None
    ) -> int:
        """Store one flagged sample (one payload per component); returns the count so far."""


class CSVLogger(FlaggingCallback):
    """Appends each flagged sample as a row of ``dataset1.csv`` (thread-safe)."""

    def __init__(self, dataset_file_name: str | None = None) -> None:
        self.dataset_file_name = dataset_file_name or "dataset1.csv"
        self.components: list[Component] = []
        self.path: Path | None = None
        self._lock = threading.Lock()
        self._count: int | None = None

    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        self.components = list(components)
        self.path = Path(flagging_dir) / self.dataset_file_name

    def _header(self) -> list[str]:
        labels = [c.label or f"{type(c).__name__} {i}" for i, c in enumerate(self.components)]
        return [*labels, "flag", "username", "timestamp"]

    def flag(
        self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None
    ) -> int:
        if self.path is None:
            raise RuntimeError("CSVLogger.setup() must be called before flag()")
        row = [_cell(value) for value in flag_data]
        row += [csv_safe(flag_option or ""), csv_safe(username or "")]
        row.append(datetime.datetime.now().isoformat(timespec="seconds"))
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._count is None:
                self._count = self._existing_rows()
            with self.path.open("a", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                header = self._header()
                if not self._count and header:
                    writer.writerow(header)
                writer.writerow(row)
            self._count += 1
            return self._count

    def _existing_rows(self) -> int:
        assert self.path is not None
        if not self.path.exists():
            return 0
        with self.path.open(newline="", encoding="utf-8") as handle:
            rows = sum(1 for _ in csv.reader(handle))
        return max(rows - (1 if self._header() else 0), 0)


class SimpleCSVLogger(CSVLogger):
    """The smallest flagging callback: each sample's values as a row of ``log.csv``, no header."""

    def __init__(self) -> None:
        super().__init__("log.csv")

    def _header(self) -> list[str]:
        return []


class ChatCSVLogger:
    """Keeps the conversations whose messages users liked, disliked or flagged.

    ``ChatInterface(flagging_mode="manual")`` wires the Chatbot's ``like`` event here; each
    reaction appends the whole conversation (JSON), the message's index, the reaction
    ("Like", "Dislike" or the chosen option) and a timestamp to ``<flagging_dir>/log.csv``.
    """

    HEADER = ("conversation", "index", "value", "timestamp")

    def __init__(self, flagging_dir: str | Path) -> None:
        self.path = Path(flagging_dir) / "log.csv"
        self._lock = threading.Lock()

    def flag(self, like_data: LikeData, messages: list[Any]) -> None:
        """Store one reaction to the message at ``like_data.index`` of ``messages``."""
        liked = like_data.liked
        reaction = "Like" if liked is True else "Dislike" if liked is False else str(liked)
        row = [
            json.dumps(messages, ensure_ascii=False),
            json.dumps(like_data.index),
            csv_safe(reaction),
            datetime.datetime.now().isoformat(timespec="seconds"),
        ]
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            is_new = not self.path.exists()
            with self.path.open("a", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                if is_new:
                    writer.writerow(self.HEADER)
                writer.writerow(row)
