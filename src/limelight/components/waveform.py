"""WaveformOptions: how ``gr.Audio`` draws its waveform and trim region."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["WaveformOptions"]


# The rates a browser's OfflineAudioContext resamples to (the Web Audio spec's required range).
_MIN_SAMPLE_RATE, _MAX_SAMPLE_RATE = 3_000, 768_000


@dataclasses.dataclass
class WaveformOptions:
    """Options for the waveform ``gr.Audio`` shows, passed as its ``waveform_options``.

    Parameters:
        waveform_color: CSS color of the waveform; a muted gray when ``None``.
        waveform_progress_color: CSS color of the part already played; the accent color
            when ``None``.
        trim_region_color: CSS color of the region selected for trimming; the accent color
            when ``None``.
        show_recording_waveform: If True, the microphone's level is drawn as a live waveform
            while recording, and sounds play in the waveform player (with play and skip
            buttons); if False, the browser's own audio player is used instead.
        show_controls: If True, the browser's own audio controls are shown under the
            waveform player as well.
        skip_length: How far the skip backward and forward buttons jump, as a percentage
            (above 0, at most 100) of the sound's length.
        sample_rate: Sample rate, in Hz, of the audio recorded or trimmed in the browser
            (the file the component then holds); between 3000 and 768000.
    """

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    show_controls: bool = False
    skip_length: int | float = 5
    sample_rate: int = 44100

    def __post_init__(self) -> None:
        for name in ("waveform_color", "waveform_progress_color", "trim_region_color"):
            if not isinstance(getattr(self, name), (str, type(None))):
                raise TypeError(f"WaveformOptions.{name} must be a CSS color string or None")
        for name in ("show_recording_waveform", "show_controls"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"WaveformOptions.{name} must be True or False")
        if isinstance(self.skip_length, bool) or not 0 < self.skip_length <= 100:
            raise ValueError(
                "WaveformOptions.skip_length is a percentage of the sound's length: "
                f"above 0 and at most 100, not {self.skip_length!r}"
            )
        if (
            isinstance(self.sample_rate, bool)
            or not isinstance(self.sample_rate, int)
            or not _MIN_SAMPLE_RATE <= self.sample_rate <= _MAX_SAMPLE_RATE
        ):
            raise ValueError(
                f"WaveformOptions.sample_rate must be a whole number of Hz from "
                f"{_MIN_SAMPLE_RATE} to {_MAX_SAMPLE_RATE} (what browsers resample to), "
                f"not {self.sample_rate!r}"
            )

    @classmethod
    def of(cls, value: WaveformOptions | dict[str, Any] | None) -> WaveformOptions:
        """The options given as an instance, a dict of its fields, or ``None`` (defaults).

        Raises ``TypeError`` for an unknown field or a value of the wrong type,
        ``ValueError`` for a number out of range."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls(**value)
        raise TypeError(f"waveform_options must be WaveformOptions or a dict, not {value!r}")

    def to_props(self) -> dict[str, Any]:
        """The options as the frontend reads them."""
        return dataclasses.asdict(self)
