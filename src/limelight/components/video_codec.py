"""What a browser plays, and making a video into that: probing and transcoding with PyAV (the
``media`` extra, FFmpeg's libraries inside its wheel), imported only inside these functions.

Browsers play MP4 holding H.264, VP9 or AV1 video (AAC, MP3, Opus or FLAC sound) and WebM
holding VP8, VP9 or AV1 (Opus or Vorbis). Anything else (an ``.avi``, a ``.mkv``, MPEG-4
Part 2 or HEVC video, ...) is transcoded to H.264/AAC in MP4, or to VP9/Opus in WebM when the
wheel's FFmpeg has no H.264 encoder. A playable file is never touched.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from limelight.components.imaging import require
from limelight.components.watermark import stamped

__all__ = [
    "Probe",
    "available",
    "browser_playable",
    "fragmented_segment",
    "preferred_format",
    "probe",
    "sample_clip",
    "transcode",
]

_PLAYABLE = {
    # Not HEVC: Firefox and Chromium without a platform decoder (Debian's) cannot play it.
    ".mp4": ({"h264", "vp9", "av1"}, {"aac", "mp3", "opus", "flac"}),
    ".m4v": ({"h264", "vp9", "av1"}, {"aac", "mp3", "opus", "flac"}),
    ".webm": ({"vp8", "vp9", "av1"}, {"opus", "vorbis"}),
}
# Encoders for each output container: (video, audio).
_ENCODERS = {"mp4": ("h264", "aac"), "webm": ("libvpx-vp9", "libopus")}
# Fragmented MP4 (an empty moov, then moof/mdat pairs) is what Media Source Extensions append.
_FRAGMENTED = {"movflags": "frag_keyframe+empty_moov+default_base_moof"}


@dataclass(frozen=True)
class Probe:
    """A video file's container and the codecs of its first video and sound streams."""

    container: str
    video: str | None
    audio: str | None


def probe(path: str | Path) -> Probe:
    """The container and codecs of ``path``; ``ValueError`` when FFmpeg cannot read it."""
    av = require("av")
    try:
        with av.open(str(path)) as container:
            video = container.streams.video
            audio = container.streams.audio
            return Probe(
                container=container.format.name,
                # The codec's own name: the decoder's may differ (libdav1d, mp3float).
                video=video[0].codec_context.codec.canonical_name if video else None,
                audio=audio[0].codec_context.codec.canonical_name if audio else None,
            )
    except av.FFmpegError as exc:
        raise ValueError(f"{Path(path).name} is not a video FFmpeg can read: {exc}") from None


def browser_playable(path: str | Path) -> bool:
    """Whether Chromium, Firefox and Safari's ``<video>`` play ``path`` as it is."""
    codecs = _PLAYABLE.get(Path(path).suffix.lower())
    if codecs is None:
        return False
    found = probe(path)
    videos, sounds = codecs
    return found.video in videos and (found.audio is None or found.audio in sounds)


def available() -> bool:
    """Whether PyAV is installed."""
    try:
        require("av")
    except ImportError:
        return False
    return True


def preferred_format() -> str:
    """``"mp4"`` (H.264/AAC) when the wheel's FFmpeg encodes H.264, else ``"webm"`` (VP9)."""
    av = require("av")
    try:
        av.Codec("h264", "w")
    except Exception:  # PyAV raises a different class per version for an unknown codec
        return "webm"
    return "mp4"


def transcode(source: str | Path, target_format: str | None = None, watermark: Any = None) -> Path:
    """``source`` re-encoded for browsers into a new file in a fresh temporary folder: MP4
    (H.264/AAC) or WebM (VP9/Opus), ``target_format`` or the one the wheel encodes best.
    ``watermark`` (``gr.WatermarkOptions``) is drawn on every frame."""
    fmt = target_format or preferred_format()
    target = Path(tempfile.mkdtemp(prefix="limelight-video-")) / f"{Path(source).stem}.{fmt}"
    options = {"movflags": "+faststart"} if fmt == "mp4" else {}
    _encode(source, target, fmt, options, watermark)
    return target


def fragmented_segment(source: str | Path) -> Path:
    """``source`` as one fragmented MP4 (H.264/AAC) segment, which the page appends to its
    stream through Media Source Extensions."""
    target = Path(tempfile.mkdtemp(prefix="limelight-segment-")) / f"{Path(source).stem}.mp4"
    _encode(source, target, "mp4", _FRAGMENTED, None)
    return target


def sample_clip(seed: int, seconds: int = 2, rate: int = 24) -> bytes:
    """A small H.264 MP4 of a colour sweep, for ``gr.get_video``'s samples."""
    av, np = require("av"), require("numpy")
    target = Path(tempfile.mkdtemp(prefix="limelight-video-")) / "sample.mp4"
    try:
        with av.open(str(target), "w") as out:
            stream = out.add_stream("h264", rate=rate)
            stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
            base = np.array([seed & 0xFF, (seed >> 8) & 0xFF, (seed >> 16) & 0xFF], np.uint8)
            columns = np.arange(320, dtype=np.uint16)
            for i in range(seconds * rate):
                shade = ((columns + i * 8) % 256).astype(np.uint8)
                pixels = np.empty((240, 320, 3), np.uint8)
                pixels[:] = base
                pixels[:, :, 1] = shade
                frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
                out.mux(stream.encode(frame))
            out.mux(stream.encode(None))
        return target.read_bytes()
    finally:
        target.unlink(missing_ok=True)
        target.parent.rmdir()


def _encode(
    source: str | Path, target: Path, fmt: str, options: dict[str, str], watermark: Any
) -> None:
    av = require("av")
    video_codec, audio_codec = _ENCODERS.get(fmt, (None, None))
    with av.open(str(source)) as inp, av.open(str(target), "w", options=options) as out:
        streams = _Streams(inp, out, video_codec, audio_codec)
        for packet in inp.demux(*streams.inputs):
            sound = packet.stream.type == "audio"
            for frame in packet.decode():
                streams.encode(frame, sound, watermark)
        streams.flush()


class _Streams:
    """The input streams kept and their re-encoded counterparts in the output."""

    def __init__(self, inp: Any, out: Any, video_codec: str | None, audio_codec: str | None):
        self.out = out
        self.video_in = inp.streams.video[0] if inp.streams.video else None
        self.audio_in = inp.streams.audio[0] if inp.streams.audio else None
        self.video_out: Any = None
        self.audio_out: Any = None
        self.frames = 0
        if self.video_in is not None:
            self.rate = Fraction(self.video_in.average_rate or 25).limit_denominator(1000)
            self.video_out = out.add_stream(video_codec or out.default_video_codec, rate=self.rate)
            context = self.video_in.codec_context
            # 4:2:0 chroma needs even sizes; yuv420p is what every browser decodes
            self.video_out.width = context.width - context.width % 2
            self.video_out.height = context.height - context.height % 2
            self.video_out.pix_fmt = "yuv420p"
        if self.audio_in is not None:
            rate = self.audio_in.codec_context.sample_rate or 48000
            codec = audio_codec or out.default_audio_codec
            self.audio_out = out.add_stream(codec, rate=48000 if "opus" in codec else rate)
        self.inputs = [s for s in (self.video_in, self.audio_in) if s is not None]

    def encode(self, frame: Any, sound: bool, watermark: Any) -> None:
        if sound:
            frame.pts = None  # the encoder times the resampled sound itself
            self.out.mux(self.audio_out.encode(frame))
            return
        if watermark is not None:
            frame = _watermarked(frame, watermark)
        picture = frame.reformat(
            width=self.video_out.width, height=self.video_out.height, format="yuv420p"
        )
        # frames are renumbered at the stream's mean rate: inputs without timestamps
        # (raw AVI streams) then play at the right speed too
        picture.pts = self.frames
        picture.time_base = 1 / self.rate
        self.frames += 1
        self.out.mux(self.video_out.encode(picture))

    def flush(self) -> None:
        for stream in (self.video_out, self.audio_out):
            if stream is not None:
                self.out.mux(stream.encode(None))


def _watermarked(frame: Any, watermark: Any) -> Any:
    av = require("av")
    picture = stamped(frame.to_ndarray(format="rgb24"), watermark).convert("RGB")
    return av.VideoFrame.from_image(picture)
