"""Video: a video file in and out, with optional subtitles."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components import video_codec
from limelight.components.base import ComponentOptions
from limelight.components.filebase import (
    FileComponent,
    file_schema,
    is_url,
    options_props,
    to_file_data,
)
from limelight.components.subtitles import subtitle_file
from limelight.core.events import EventListener
from limelight.files.processing import FileContext
from limelight.protocol import FileData

__all__ = ["PlayableVideo", "Video"]

Source = Literal["upload", "webcam"]


class Video(FileComponent):
    """A video. As an input it passes the file's path; as an output it plays a path or URL.
    Its payload is one ``FileData``.

    ``subtitles`` shows captions: a ``.vtt``, ``.srt`` or ``.json`` file, or a list of
    ``{"text": str, "timestamp": [start, end]}`` cues (seconds); a function changes them by
    returning ``gr.Video(value=..., subtitles=...)``.

    Users can upload a file or record from the webcam (``sources``).
    """

    TYPE = "video"
    upload = EventListener("upload", "The user uploaded or recorded a video.")
    clear = EventListener("clear", "The user cleared the video.")
    play = EventListener("play", "Playback started.")
    pause = EventListener("pause", "Playback paused.")
    stop = EventListener("stop", "Playback reached the end.")
    end = EventListener("end", "Playback reached the end (Gradio's other name for ``stop``).")
    start_recording = EventListener("start_recording", "The user started recording.")
    stop_recording = EventListener("stop_recording", "The user stopped recording.")
    input = EventListener("input", "The user changed the video.")

    def __init__(
        self,
        value: str | Path | Callable[..., Any] | None = None,
        *,
        sources: list[Source] | None = None,
        format: str | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        autoplay: bool = False,
        loop: bool = False,
        show_download_button: bool = True,
        webcam_options: Any = None,
        include_audio: bool | None = None,
        streaming: bool = False,
        watermark: Any = None,
        subtitles: str | Path | list[dict[str, Any]] | None = None,
        playback_position: float = 0,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.sources = list(sources or ["upload", "webcam"])
        self.webcam_options = webcam_options
        self.include_audio = "upload" in self.sources if include_audio is None else include_audio
        self.streaming = streaming
        self.watermark = watermark
        self.playback_position = playback_position
        subtitles_file = subtitle_file(subtitles, FileContext.detached())
        self.subtitles = None if subtitles_file is None else subtitles_file.model_dump()
        self.format = format
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.show_download_button = show_download_button
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> str | None:
        """The uploaded video's path: the upload itself when browsers play it (and it has
        the ``format`` asked for), else a copy transcoded to MP4 (H.264/AAC) or ``format``."""
        if payload is None:
            return None
        source = files.input_path(payload)
        converted = self._converted(source, watermark=None)
        return str(source if converted is None else _stored(converted, files).path)

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """The ``FileData`` of a path or URL. As in Gradio, a ``(video, subtitles)`` pair is
        refused: subtitles are a prop, set with ``gr.Video(value=..., subtitles=...)``."""
        if value is None:
            return None
        if isinstance(value, (tuple, list)):
            raise TypeError(
                "gr.Video's value is one path or URL; to show subtitles, return "
                "gr.Video(value=video, subtitles=subtitles)"
            )
        if not isinstance(value, (str, Path)) or is_url(value) or not Path(value).is_file():
            return to_file_data(value, files)
        # the same checks as storing it: only files the function may hand out are read
        files.access.may_hand_out(value, files.since)
        source = files.returnable(value)
        if self.streaming:
            return _stored(video_codec.fragmented_segment(source), files)
        # a WatermarkOptions without an image draws nothing, as in Gradio
        mark = self.watermark if getattr(self.watermark, "watermark", None) is not None else None
        converted = self._converted(source, watermark=mark)
        return to_file_data(value, files) if converted is None else _stored(converted, files)

    def _converted(self, source: Path, watermark: Any) -> Path | None:
        """``source`` transcoded for browsers (or to ``format``, with the watermark drawn),
        or None when it is fine as it is. A file FFmpeg cannot read is left as it is."""
        wanted = (self.format or "").lower().lstrip(".")
        suffix = source.suffix.lower().lstrip(".")
        if wanted and wanted != suffix:
            return video_codec.transcode(source, wanted, watermark)
        if watermark is not None:
            return video_codec.transcode(source, wanted or _browser_format(suffix), watermark)
        if wanted not in ("", "mp4", "webm"):
            return None  # the app asked for this container, playable or not
        if suffix in ("mp4", "webm") and not video_codec.available():
            return None  # without PyAV a file named as playable is trusted
        try:
            playable = video_codec.browser_playable(source)
        except ValueError:
            return None
        return None if playable else video_codec.transcode(source, wanted or None)

    def normalize_prop_with(self, name: str, value: Any, files: FileContext) -> Any:
        """Subtitles set by an update are stored (as WebVTT) like the video itself."""
        if name != "subtitles":
            return super().normalize_prop_with(name, value, files)
        stored = subtitle_file(value, files)
        return None if stored is None else stored.model_dump()

    def api_info(self) -> dict[str, Any]:
        return file_schema()

    def example_payload(self) -> Any:
        return {
            "path": "https://example.com/world.mp4",
            "url": "https://example.com/world.mp4",
            "orig_name": "world.mp4",
            "meta": {"_type": "gradio.FileData"},
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "format": self.format,
            "height": self.height,
            "width": self.width,
            "autoplay": self.autoplay,
            "loop": self.loop,
            "include_audio": self.include_audio,
            "streaming": self.streaming,
            "playback_position": self.playback_position,
            "subtitles": self.subtitles,
            "webcam_options": options_props(self.webcam_options),
            "show_download_button": self.show_download_button and self.has_button("download"),
        }


def _browser_format(suffix: str) -> str | None:
    return suffix if suffix in ("mp4", "webm") else None


def _stored(path: Path, files: FileContext) -> FileData:
    """A file limelight made (a transcoded video, alone in its temporary folder) moved into
    the store."""
    try:
        return files.file_data(files.access.store.add_file(path, path.name), path.name)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


class PlayableVideo(Video):
    """Gradio's ``Video`` that converts what it shows to MP4, which every browser plays."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", **kwargs: Any) -> None:
        super().__init__(value, format=format, **kwargs)
