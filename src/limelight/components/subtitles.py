"""Subtitles for media players: whatever the app gives becomes one WebVTT file, the only
format browsers' ``<track>`` elements read."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from limelight.components.filebase import is_url
from limelight.files.processing import FileContext
from limelight.protocol import FileData

__all__ = ["SUBTITLE_SUFFIXES", "cues_to_vtt", "srt_to_vtt", "subtitle_file"]

SUBTITLE_SUFFIXES = (".srt", ".vtt", ".json")

_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")


def _timestamp(seconds: float) -> str:
    hours, rest = divmod(float(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def cues_to_vtt(cues: Sequence[Any]) -> str:
    """WebVTT text for cues given as ``{"text": str, "timestamp": [start, end]}`` (seconds).

    Raises ``ValueError`` naming the first malformed cue.
    """
    lines = ["WEBVTT", ""]
    for i, cue in enumerate(cues):
        if not isinstance(cue, Mapping) or "text" not in cue or "timestamp" not in cue:
            raise ValueError(f"Subtitle {i} must be a dict with 'text' and 'timestamp' keys")
        span = cue["timestamp"]
        if not isinstance(span, (list, tuple)) or len(span) != 2:
            raise ValueError(f"Subtitle {i}: 'timestamp' must be [start, end] in seconds")
        lines += [f"{_timestamp(span[0])} --> {_timestamp(span[1])}", str(cue["text"]), ""]
    return "\n".join(lines)


def srt_to_vtt(text: str) -> str:
    """WebVTT text for SubRip (``.srt``) text: the header added, decimal commas made dots
    (SubRip's numbered cues are valid WebVTT cue identifiers, so they stay)."""
    body = _SRT_TIME.sub(r"\1.\2", text.replace("\r\n", "\n").strip())
    return f"WEBVTT\n\n{body}\n"


def subtitle_file(subtitles: Any, files: FileContext) -> FileData | None:
    """The stored WebVTT file for ``subtitles``: a ``.vtt``, ``.srt`` or ``.json`` path (or
    URL of a ``.vtt``), or a list of ``{"text", "timestamp"}`` cues.

    Raises ``ValueError`` for another kind of file or malformed cues.
    """
    if subtitles is None:
        return None
    if isinstance(subtitles, (list, tuple)):
        return files.store_bytes(cues_to_vtt(subtitles).encode(), "subtitles.vtt")
    if isinstance(subtitles, FileData):
        subtitles = subtitles.path
    elif isinstance(subtitles, Mapping):
        subtitles = subtitles.get("path") or subtitles.get("url")
    if not isinstance(subtitles, (str, Path)):
        raise TypeError(f"subtitles must be a path or a list of cues, not {subtitles!r:.60}")
    suffix = Path(str(subtitles)).suffix.lower()
    if suffix not in SUBTITLE_SUFFIXES:
        raise ValueError(
            f"Subtitles must be a file ending in one of {', '.join(SUBTITLE_SUFFIXES)}: {subtitles}"
        )
    if is_url(subtitles):
        if suffix != ".vtt":
            raise ValueError(f"Subtitles given by URL must be WebVTT (.vtt): {subtitles}")
        url = str(subtitles)
        return FileData(path=url, url=url, orig_name=url.rsplit("/", 1)[-1])
    if suffix == ".vtt":
        return files.store_path(subtitles)
    source = files.returnable(subtitles)
    text = source.read_text(encoding="utf-8")
    name = f"{source.stem}.vtt"
    if suffix == ".srt":
        return files.store_bytes(srt_to_vtt(text).encode(), name)
    cues = json.loads(text)
    if not isinstance(cues, list):
        raise ValueError(f"A JSON subtitle file must hold a list of cues: {subtitles}")
    return files.store_bytes(cues_to_vtt(cues).encode(), name)
