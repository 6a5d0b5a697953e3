"""Audio: (rate, samples) and filepaths in and out (other formats: test_audio_formats.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError

np = pytest.importorskip("numpy")


def test_numpy_round_trip_through_wav() -> None:
    samples = np.array([0, 1000, -1000, 32767], dtype=np.int16)
    out = gr.Audio().postprocess((8000, samples))
    assert out["orig_name"] == "audio.wav"
    rate, back = gr.Audio().preprocess(out)
    assert rate == 8000 and back.tolist() == samples.tolist()


def test_stereo_and_float_samples() -> None:
    stereo = np.zeros((10, 2), dtype=np.float32)
    stereo[:, 0] = 0.5
    _, back = gr.Audio().preprocess(gr.Audio().postprocess((16000, stereo)))
    assert back.shape == (10, 2) and back[0, 0] == 16383


def test_bytes_and_filepath() -> None:
    wav = Path(gr.Audio().postprocess((8000, np.zeros(4, dtype=np.int16)))["path"])
    assert gr.Audio(type="filepath").preprocess({"path": str(wav)}) == str(wav)
    stored = gr.Audio().postprocess(wav.read_bytes())
    assert Path(stored["path"]).read_bytes() == wav.read_bytes()


def test_a_file_that_is_no_audio_is_a_payload_error(tmp_path: Path) -> None:
    pytest.importorskip("av")
    bad = tmp_path / "song.mp3"
    bad.write_bytes(b"ID3 not audio")
    with pytest.raises(PayloadError, match=r"Cannot read song\.mp3 as audio"):
        gr.Audio().preprocess({"path": str(bad)})


def test_streaming_prop_and_format() -> None:
    assert gr.Audio(streaming=True).config()["props"]["streaming"] is True
    # Bytes are what the function encoded: the format only names the file.
    assert gr.Audio(format="mp3").config()["props"]["format"] == "mp3"
    stored = gr.Audio(format="mp3").postprocess(b"ID3 encoded by the function")
    assert stored["path"].endswith(".mp3")


def test_waveform_options_reach_the_page_as_a_dict() -> None:
    options = gr.WaveformOptions(waveform_color="#123456", skip_length=2)
    props = gr.Audio(waveform_options=options).component_props()
    assert props["waveform_options"]["waveform_color"] == "#123456"
    assert props["waveform_options"]["skip_length"] == 2
    assert props["editable"] is True
    from_dict = gr.Audio(waveform_options={"trim_region_color": "red"}).component_props()
    assert from_dict["waveform_options"]["trim_region_color"] == "red"
    assert gr.Audio().component_props()["waveform_options"] == gr.WaveformOptions().to_props()


@pytest.mark.parametrize(
    ("options", "error", "names"),
    [
        ({"colour": "red"}, TypeError, "colour"),
        ("red", TypeError, "waveform_options"),
        ({"sample_rate": 0}, ValueError, "sample_rate"),
        ({"sample_rate": 1_000_000}, ValueError, "sample_rate"),
        ({"sample_rate": 16000.5}, ValueError, "sample_rate"),
        ({"skip_length": 0}, ValueError, "skip_length"),
        ({"skip_length": 150}, ValueError, "skip_length"),
        ({"waveform_color": 0xFF0000}, TypeError, "waveform_color"),
        ({"show_recording_waveform": "no"}, TypeError, "show_recording_waveform"),
        ({"show_controls": 1}, TypeError, "show_controls"),
    ],
)
def test_bad_waveform_options_are_refused_naming_the_field(
    options: object, error: type[Exception], names: str
) -> None:
    with pytest.raises(error, match=names):
        gr.Audio(waveform_options=options)  # type: ignore[arg-type]


def test_waveform_options_at_the_edges_of_their_ranges_are_kept() -> None:
    options = gr.WaveformOptions(skip_length=100, sample_rate=3000, show_controls=True)
    assert options.skip_length == 100 and options.sample_rate == 3000
    assert gr.WaveformOptions(skip_length=0.5, sample_rate=768_000).skip_length == 0.5


def test_the_microphone_preset_records_wav_as_in_gradio() -> None:
    assert gr.Microphone().format == "wav"
    assert gr.Mic(format="mp3").format == "mp3"
    assert gr.Microphone().sources == ["microphone"]
