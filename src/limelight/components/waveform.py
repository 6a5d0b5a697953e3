"""WaveformOptions: how ``gr.Audio`` draws its waveform and trim region."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["WaveformOptions"]


@dataclasses.dataclass
class WaveformOptions:
    """Options for the waveform ``gr.Audio`` shows, passed as its ``waveform_options``.

    Parameters:
        waveform_color: CSS color of the waveform; a muted gray when ``None``.
        waveform_progress_color: CSS color of the part already played; the accent color
            when ``None``.
        trim_region_color: CSS color of the region selected for trimming; the accent color
            when ``None``.
        show_recording_waveform: Whether to show a waveform while recording.
        show_controls: Whether to show the browser's own audio controls as well.
        skip_length: Seconds the skip buttons jump backwards and forwards.
        sample_rate: Sample rate, in Hz, of audio recorded or trimmed in the browser.
    """

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    show_controls: bool = False
    skip_length: int | float = 5
    sample_rate: int = 44100

    @classmethod
    def of(cls, value: WaveformOptions | dict[str, Any] | None) -> WaveformOptions:
        """The options given as an instance, a dict of its fields, or ``None`` (defaults).

        Raises ``TypeError`` for an unknown field, ``ValueError`` for a bad number."""
        if value is None:
            options = cls()
        elif isinstance(value, cls):
            options = value
        elif isinstance(value, dict):
            options = cls(**value)
        else:
            raise TypeError(f"waveform_options must be WaveformOptions or a dict, not {value!r}")
        if options.skip_length <= 0 or options.sample_rate <= 0:
            raise ValueError("skip_length and sample_rate must be positive")
        return options

    def to_props(self) -> dict[str, Any]:
        """The options as the frontend reads them."""
        return dataclasses.asdict(self)
