// The waveform of gr.Audio's player: peaks of the decoded sound drawn on a canvas, the played
// part in the progress color, click to seek. When editable, dragging selects a region and "Trim"
// cuts the sound to it, re-encoded as WAV (at gr.WaveformOptions.sample_rate) in the page.
// Under it, play/pause and skip buttons that step by `skip_length` percent of the sound.

import { useEffect, useRef, useState } from "preact/hooks";
import type { RefObject } from "preact";
import { encodeWav, resampled } from "../media";

/** gr.WaveformOptions as the server sends them (`component_props.waveform_options`). */
export interface WaveformOptions {
  waveform_color?: string | null;
  waveform_progress_color?: string | null;
  trim_region_color?: string | null;
  show_recording_waveform?: boolean;
  show_controls?: boolean;
  skip_length?: number;
  sample_rate?: number;
}

interface Region {
  start: number;
  end: number;
}

const HEIGHT = 64;

/** Per pixel column, the loudest sample of any channel (0..1). */
function peaksOf(buffer: AudioBuffer, columns: number): Float32Array {
  const peaks = new Float32Array(columns);
  const step = buffer.length / columns;
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let x = 0; x < columns; x++) {
      const end = Math.min(data.length, Math.floor((x + 1) * step));
      let peak = peaks[x] ?? 0;
      for (let i = Math.floor(x * step); i < end; i++) peak = Math.max(peak, Math.abs(data[i] ?? 0));
      peaks[x] = peak;
    }
  }
  return peaks;
}

function draw(canvas: HTMLCanvasElement, peaks: Float32Array, progress: number, options: WaveformOptions) {
  const g = canvas.getContext("2d");
  if (!g) return;
  const style = getComputedStyle(canvas);
  const wave = options.waveform_color || style.getPropertyValue("--muted") || "#999";
  const played = options.waveform_progress_color || style.getPropertyValue("--accent") || "#f97316";
  g.clearRect(0, 0, canvas.width, canvas.height);
  const middle = canvas.height / 2;
  peaks.forEach((peak, x) => {
    g.fillStyle = x / peaks.length < progress ? played : wave;
    const h = Math.max(1, peak * canvas.height);
    g.fillRect(x, middle - h / 2, 1, h);
  });
}

/** The part of `buffer` between `region`'s times, as a WAV file at `rate` Hz. */
async function trimmed(buffer: AudioBuffer, region: Region, rate: number | undefined): Promise<File> {
  const from = Math.floor(region.start * buffer.sampleRate);
  const to = Math.min(buffer.length, Math.ceil(region.end * buffer.sampleRate));
  const part = new AudioBuffer({
    numberOfChannels: buffer.numberOfChannels,
    length: Math.max(1, to - from),
    sampleRate: buffer.sampleRate,
  });
  for (let c = 0; c < buffer.numberOfChannels; c++) part.copyToChannel(buffer.getChannelData(c).slice(from, to), c);
  const output = await resampled(part, rate ?? buffer.sampleRate);
  return new File([encodeWav(output)], "trimmed.wav", { type: "audio/wav" });
}

/** Seconds one skip moves: `skip_length` percent of the sound, or 5 s while its length is
 * unknown (as Gradio's player does). */
export function skipSeconds(duration: number, skipLength: number | undefined): number {
  return (duration / 100) * (skipLength || 5) || 5;
}

/** Skip backward, play/pause and skip forward buttons driving `audio`. */
export function PlayerControls({
  audio,
  skipLength,
}: {
  audio: RefObject<HTMLAudioElement | null>;
  skipLength: number | undefined;
}) {
  const [playing, setPlaying] = useState(false);
  const [duration, setDuration] = useState(0);
  useEffect(() => {
    const player = audio.current;
    if (!player) return;
    const sync = () => {
      setPlaying(!player.paused);
      setDuration(Number.isFinite(player.duration) ? player.duration : 0);
    };
    const names = ["play", "pause", "ended", "durationchange"];
    sync();
    for (const name of names) player.addEventListener(name, sync);
    return () => {
      for (const name of names) player.removeEventListener(name, sync);
    };
  }, [audio]);
  const step = skipSeconds(duration, skipLength);
  const label = Number(step.toFixed(2));
  const skip = (by: number) => {
    const player = audio.current;
    if (player) player.currentTime = Math.min(Math.max(0, player.currentTime + by), player.duration || 0);
  };
  const toggle = () => {
    const player = audio.current;
    if (player) void (player.paused ? player.play().catch(() => undefined) : player.pause());
  };
  return (
    <div class="player-controls">
      <button
        type="button"
        class="icon-btn"
        aria-label={`Skip backward by ${label} seconds`}
        onClick={() => skip(-step)}
      >
        ⏪
      </button>
      <button type="button" class="icon-btn" aria-label={playing ? "Pause" : "Play"} onClick={toggle}>
        {playing ? "⏸" : "▶"}
      </button>
      <button type="button" class="icon-btn" aria-label={`Skip forward by ${label} seconds`} onClick={() => skip(step)}>
        ⏩
      </button>
    </div>
  );
}

function useDecoded(src: string): AudioBuffer | null {
  const [buffer, setBuffer] = useState<AudioBuffer | null>(null);
  useEffect(() => {
    let live = true;
    setBuffer(null);
    // An offline context decodes without a user gesture and plays nothing.
    const context = new OfflineAudioContext(1, 1, 44100);
    void fetch(src)
      .then((r) => r.arrayBuffer())
      .then((bytes) => context.decodeAudioData(bytes))
      .then((decoded) => live && setBuffer(decoded))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [src]);
  return buffer;
}

export function Waveform({
  src,
  audio,
  options,
  editable,
  onTrim,
}: {
  src: string;
  audio: RefObject<HTMLAudioElement | null>;
  options: WaveformOptions;
  editable: boolean;
  onTrim: (file: File) => void;
}) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const buffer = useDecoded(src);
  const [region, setRegion] = useState<Region | null>(null);
  const drag = useRef<number | null>(null);
  const peaks = useRef<Float32Array>(new Float32Array(0));

  useEffect(() => {
    const el = canvas.current;
    const player = audio.current;
    if (!el || !buffer) return;
    el.width = Math.max(1, el.clientWidth);
    el.height = HEIGHT;
    peaks.current = peaksOf(buffer, el.width);
    const redraw = () => draw(el, peaks.current, player ? player.currentTime / buffer.duration : 0, options);
    redraw();
    player?.addEventListener("timeupdate", redraw);
    return () => player?.removeEventListener("timeupdate", redraw);
  }, [buffer, audio, options]);

  const timeAt = (event: PointerEvent) => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    return fraction * (buffer?.duration ?? 0);
  };
  const onDown = (event: PointerEvent) => {
    drag.current = timeAt(event);
  };
  const onMove = (event: PointerEvent) => {
    if (!editable || drag.current === null) return;
    const [a, b] = [drag.current, timeAt(event)];
    setRegion({ start: Math.min(a, b), end: Math.max(a, b) });
  };
  const onUp = (event: PointerEvent) => {
    const from = drag.current;
    drag.current = null;
    if (from === null || !buffer) return;
    const to = timeAt(event);
    // A drag shorter than a hundredth of the sound is a click: seek there.
    if (Math.abs(to - from) < buffer.duration / 100) {
      setRegion(null);
      if (audio.current) audio.current.currentTime = to;
    }
  };
  const duration = buffer?.duration ?? 1;
  return (
    <div class="waveform" data-duration={buffer ? buffer.duration.toFixed(3) : undefined}>
      <div class="waveform-track">
        <canvas ref={canvas} aria-label="Waveform" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} />
        {region ? (
          <div
            class="waveform-region"
            style={{
              left: `${(region.start / duration) * 100}%`,
              width: `${((region.end - region.start) / duration) * 100}%`,
              background: options.trim_region_color || undefined,
            }}
          />
        ) : null}
      </div>
      {editable && region && buffer ? (
        <div class="media-actions">
          <button
            type="button"
            class="btn btn-primary btn-sm"
            onClick={() => {
              setRegion(null);
              void trimmed(buffer, region, options.sample_rate).then(onTrim);
            }}
          >
            Trim
          </button>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => setRegion(null)}>
            Cancel trim
          </button>
        </div>
      ) : null}
    </div>
  );
}
