"""Video: a video file in and out, with optional subtitles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions
from limelight.components.filebase import FileComponent, file_schema, options_props, to_file_data
from limelight.components.subtitles import subtitle_file
from limelight.core.events import EventListener
from limelight.exceptions import UnsupportedOption
from limelight.files.processing import FileContext

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
        if getattr(watermark, "watermark", None) is not None:
            raise UnsupportedOption(
                "Video",
                "watermark=...",
                "drawing a watermark on video frames needs a video encoder limelight does not "
                "bundle yet; gr.Image draws watermarks",
            )
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
        """The uploaded video's path."""
        if payload is None:
            return None
        return str(files.input_path(payload))

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
        return to_file_data(value, files)

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


class PlayableVideo(Video):
    """Gradio's ``Video`` that converts what it shows to MP4, which every browser plays."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", **kwargs: Any) -> None:
        super().__init__(value, format=format, **kwargs)
