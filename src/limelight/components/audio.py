"""Audio: sound in (``(sample_rate, numpy array)`` or a file path) and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.audio_codecs import FORMATS, convert_audio, encode_audio, read_audio
from limelight.components.base import ComponentOptions
from limelight.components.filebase import FileComponent, file_schema, is_url, to_file_data
from limelight.components.sound import is_sound_value
from limelight.components.waveform import WaveformOptions
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["Audio", "Microphone"]

Source = Literal["upload", "microphone"]


class Audio(FileComponent):
    """Sound. As an input it passes ``(sample_rate, samples)`` with an int16 numpy array
    (``type="numpy"``, the default) or a file path (``"filepath"``); as an output it plays
    either of those, raw WAV ``bytes`` or a URL.

    Any common container and codec is read (WAV of any bit depth, mp3, ogg, opus, flac,
    m4a, webm); ``format`` (``"wav"``, ``"mp3"``, ``"ogg"`` or ``"flac"``) is the file type
    outputs are written as and ``type="filepath"`` inputs are converted to. Formats other
    than 8/16-bit WAV need PyAV (``pip install limelight[media]``; no ``ffmpeg`` program).

    Users can upload a file or record from the microphone (``sources``), pausing and
    resuming as they go. The player draws the sound's waveform (``waveform_options``; click
    it to seek, skip with its buttons) and, when ``editable``, lets the user select a region
    and trim the sound to it. ``recording=True`` (at first, or through ``gr.update``) starts
    the microphone recorder and ``False`` stops it. With
    ``streaming=True`` an output plays each chunk a generator yields, gap-free, as it
    arrives; an input records in chunks and fires ``stream`` every ``stream_every`` seconds.
    """

    TYPE = "audio"
    upload = EventListener("upload", "The user uploaded a sound file.")
    clear = EventListener("clear", "The user cleared the sound.")
    play = EventListener("play", "Playback started.")
    pause = EventListener("pause", "Playback paused.")
    stop = EventListener("stop", "Playback reached the end.")
    start_recording = EventListener("start_recording", "The user started recording.")
    stop_recording = EventListener(
        "stop_recording", "The user stopped recording; the recording is the value by then."
    )
    pause_recording = EventListener("pause_recording", "The user paused recording.")
    input = EventListener("input", "The user changed the sound.")
    stream = EventListener("stream", "A chunk of a microphone recording, while streaming.")

    def __init__(
        self,
        value: str | Path | tuple[int, Any] | Callable[..., Any] | None = None,
        *,
        type: Literal["numpy", "filepath"] = "numpy",
        sources: list[Source] | Source | None = None,
        format: str | None = None,
        streaming: bool = False,
        autoplay: bool = False,
        show_download_button: bool = True,
        waveform: bool = True,
        waveform_options: WaveformOptions | dict[str, Any] | None = None,
        editable: bool = True,
        loop: bool = False,
        recording: bool = False,
        subtitles: str | Path | list[dict[str, Any]] | None = None,
        playback_position: float = 0,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if type not in ("numpy", "filepath"):
            raise ValueError(f"type must be 'numpy' or 'filepath', not {type!r}")
        if format is not None and format.lower() not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)} or None, not {format!r}")
        self.type = type
        self.sources = (
            [sources] if isinstance(sources, str) else list(sources or ["upload", "microphone"])
        )
        self.format = format and format.lower()
        self.streaming = streaming
        self.autoplay = autoplay
        self.show_download_button = show_download_button
        self.waveform = waveform
        self.waveform_options = WaveformOptions.of(waveform_options)
        self.editable = editable
        self.loop = loop
        self.recording = recording
        self.subtitles = subtitles
        self.playback_position = playback_position
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """The sound as ``(rate, int16 samples)`` or its path (converted to ``format`` when
        that is set and the file is of another type); ``PayloadError`` if it holds no
        audio."""
        if payload is None:
            return None
        path = files.input_path(payload)
        if self.type == "numpy":
            return read_audio(path)
        if not self._needs_conversion(path.name):
            return str(path)
        data = convert_audio(path, str(self.format))
        return str(files.access.store.add_bytes(data, f"{path.stem}.{self.format}"))

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """``(rate, samples)`` is written as a ``format`` file (WAV when None); bytes are
        stored as a file of ``format`` (as the function encoded them); a local file of
        another type than ``format`` is converted; other paths and URLs play as they are."""
        if value is None:
            return None
        if is_sound_value(value):
            fmt = self.format or "wav"
            rate, samples = value
            return files.store_bytes(encode_audio(rate, samples, fmt), f"audio.{fmt}")
        if isinstance(value, (bytes, bytearray)):
            return files.store_bytes(bytes(value), f"audio.{self.format or 'wav'}")
        if isinstance(value, (str, Path)) and not is_url(value):
            source = files.access.may_hand_out(value, files.since)
            if self._needs_conversion(source.name) and source.is_file():
                data = convert_audio(files.returnable(source), str(self.format))
                return files.store_bytes(data, f"{source.stem}.{self.format}")
        return to_file_data(value, files)

    def _needs_conversion(self, name: str) -> bool:
        return self.format is not None and Path(name).suffix.lower() != f".{self.format}"

    def api_info(self) -> dict[str, Any]:
        return file_schema()

    def example_payload(self) -> Any:
        return {
            "path": "https://example.com/audio_sample.wav",
            "url": "https://example.com/audio_sample.wav",
            "orig_name": "audio_sample.wav",
            "meta": {"_type": "gradio.FileData"},
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "format": self.format,
            "streaming": self.streaming,
            "autoplay": self.autoplay,
            "show_download_button": self.show_download_button and self.has_button("download"),
            "waveform": self.waveform,
            "waveform_options": self.waveform_options.to_props(),
            "editable": self.editable,
            "loop": self.loop,
            "recording": self.recording,
            "playback_position": self.playback_position,
        }


class Microphone(Audio):
    """Gradio's ``Audio`` that records from the microphone only (``gr.Mic`` is the same)."""

    def __init__(self, value: Any = None, *, format: str | None = "wav", **kwargs: Any) -> None:
        # Gradio's preset saves recordings as WAV unless told otherwise.
        super().__init__(value, **{**kwargs, "format": format, "sources": ["microphone"]})
