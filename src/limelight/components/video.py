"""Video: a video file in and out, with optional subtitles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from ..events import EventListener
from ..processing import FileContext
from .base import ComponentOptions
from .filebase import FileComponent, file_schema, options_props, to_file_data

__all__ = ["PlayableVideo", "Video"]

Source = Literal["upload", "webcam"]


class Video(FileComponent):
    """A video. As an input it passes the file's path; as an output it plays a path or URL
    (sent as one ``FileData``, as in Gradio 6), or ``(video, subtitles)`` with a WebVTT
    (``.vtt``) subtitle file (sent as ``{"video": ..., "subtitles": ...}``).

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
        value: str | Path | tuple[Any, Any] | Callable[..., Any] | None = None,
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
        subtitles: str | Path | None = None,
        playback_position: float = 0,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.sources = list(sources or ["upload", "webcam"])
        self.webcam_options = webcam_options
        self.include_audio = "upload" in self.sources if include_audio is None else include_audio
        self.streaming = streaming
        # Accepted as in Gradio; limelight does not burn a watermark into videos.
        self.watermark = watermark
        self.playback_position = playback_position
        if subtitles is not None and isinstance(value, (str, Path)):
            value = (value, subtitles)
        self.format = format
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.show_download_button = show_download_button
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> str | None:
        """The uploaded video's path. Accepts ``{"video": FileData, "subtitles": ...}``
        as Gradio's clients send it."""
        if payload is None:
            return None
        if isinstance(payload, dict) and "video" in payload:
            payload = payload["video"]
        return str(files.input_path(payload))

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """``FileData`` for a path or URL; ``{"video": FileData, "subtitles": FileData |
        None}`` for a ``(video, subtitles)`` pair."""
        if value is None:
            return None
        if not isinstance(value, (tuple, list)):
            return to_file_data(value, files)
        video, subtitles = value
        return {
            "video": to_file_data(video, files),
            "subtitles": to_file_data(subtitles, files),
        }

    def check_payload(self, payload: Any) -> None:
        if isinstance(payload, dict) and "video" in payload:
            payload = payload["video"]
        super().check_payload(payload)

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
            "webcam_options": options_props(self.webcam_options),
            "show_download_button": self.show_download_button and self.has_button("download"),
        }


class PlayableVideo(Video):
    """Gradio's ``Video`` that converts what it shows to MP4, which every browser plays."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", **kwargs: Any) -> None:
        super().__init__(value, format=format, **kwargs)
