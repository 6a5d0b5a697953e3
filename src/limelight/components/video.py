"""Video: a video file in and out, with optional subtitles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from ..events import EventListener
from ..processing import FileContext
from .base import ComponentOptions
from .filebase import FileComponent, file_schema, to_file_data
from .watermark import WatermarkOptions

__all__ = ["PlayableVideo", "Video"]

Source = Literal["upload", "webcam"]


class Video(FileComponent):
    """A video. As an input it passes the file's path; as an output it plays a path or URL,
    or ``(video, subtitles)`` with a WebVTT (``.vtt``) subtitle file.

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
        buttons: list[str] | None = None,
        watermark: WatermarkOptions | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.sources = list(sources or ["upload", "webcam"])
        self.format = format
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        # Gradio 6 names the corner buttons in `buttons`; limelight draws "download".
        self.buttons = None if buttons is None else list(buttons)
        self.watermark = watermark
        """Accepted so Gradio apps run; limelight does not draw watermarks yet."""
        self.show_download_button = (
            show_download_button if buttons is None else "download" in buttons
        )
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
        """``{"video": FileData, "subtitles": FileData | None}`` for a path, URL or
        ``(video, subtitles)`` pair."""
        if value is None:
            return None
        subtitles = None
        if isinstance(value, (tuple, list)):
            value, subtitles = value
        return {
            "video": to_file_data(value, files),
            "subtitles": to_file_data(subtitles, files),
        }

    def check_payload(self, payload: Any) -> None:
        if isinstance(payload, dict) and "video" in payload:
            payload = payload["video"]
        super().check_payload(payload)

    def api_info(self) -> dict[str, Any]:
        return {
            "type": "object",
            "title": "VideoData",
            "properties": {
                "video": file_schema(),
                "subtitles": {"anyOf": [file_schema(), {"type": "null"}]},
            },
            "required": ["video"],
        }

    def example_payload(self) -> Any:
        return {
            "video": {
                "path": "https://example.com/world.mp4",
                "url": "https://example.com/world.mp4",
                "orig_name": "world.mp4",
                "meta": {"_type": "gradio.FileData"},
            },
            "subtitles": None,
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "format": self.format,
            "height": self.height,
            "width": self.width,
            "autoplay": self.autoplay,
            "loop": self.loop,
            "show_download_button": self.show_download_button,
            "buttons": self.buttons,
        }


class PlayableVideo(Video):
    """Gradio's ``Video`` that converts what it shows to MP4, which every browser plays."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", **kwargs: Any) -> None:
        super().__init__(value, format=format, **kwargs)
