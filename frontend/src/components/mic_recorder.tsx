// The microphone recorder shared by gr.Audio and gr.MultimodalTextbox: records with MediaRecorder,
// can pause and resume, optionally draws the live level as a waveform, and hands over the
// recording as a WAV file at the sample rate asked for.

import { useEffect, useRef, useState } from "preact/hooks";
import { toWav } from "../media";

/** What the recorder tells its owner, and how it records. */
export interface RecorderProps {
  onDone: (file: File) => void;
  onStart?: () => void;
  onPause?: () => void;
  /** Draw the microphone's level while recording (gr.WaveformOptions.show_recording_waveform). */
  showWaveform?: boolean;
  /** Sample rate (Hz) of the WAV handed over; the recording's own rate when not given. */
  sampleRate?: number;
  /** Draw the controls as small icon buttons (for a message box). */
  compact?: boolean;
  /** gr.Audio's `recording` prop: turning it on starts recording, turning it off stops it. */
  recording?: boolean;
}

const HEIGHT = 48;
// Pixels per level sample: the history scrolls left by this much each animation frame.
const BAR = 2;

/** The microphone's level, drawn right to left as it comes, frozen while paused. */
function LiveWaveform({ stream, paused }: { stream: MediaStream; paused: boolean }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  useEffect(() => {
    const el = canvas.current;
    const g = el?.getContext("2d");
    if (!el || !g) return;
    el.width = Math.max(1, el.clientWidth);
    el.height = HEIGHT;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const color = getComputedStyle(el).getPropertyValue("--accent") || "#f97316";
    let frame = 0;
    const tick = () => {
      frame = requestAnimationFrame(tick);
      if (pausedRef.current) return;
      analyser.getFloatTimeDomainData(samples);
      const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
      // Shift the history left by one bar and draw the newest level at the right edge.
      g.drawImage(el, -BAR, 0);
      g.clearRect(el.width - BAR, 0, BAR, el.height);
      g.fillStyle = color;
      const h = Math.max(1, Math.min(1, peak) * el.height);
      g.fillRect(el.width - BAR, (el.height - h) / 2, BAR - 1, h);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  return <canvas ref={canvas} class="recording-waveform" aria-label="Recording waveform" />;
}

const RECORDER_SLICE_MS = 100;

/** Record, then pause/resume and stop while recording. */
export function Recorder(props: RecorderProps) {
  const { compact = false } = props;
  const [recorder, setRecorder] = useState<MediaRecorder | null>(null);
  const [paused, setPaused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bytes the recorder has handed over so far (`data-recorded`: a recording with sound in it).
  const [recorded, setRecorded] = useState(0);
  // The recording ends long after it started: hand it to the owner's latest callbacks, which
  // see what changed meanwhile (text typed into a message box while recording).
  const latest = useRef(props);
  latest.current = props;
  // Unmounted mid-recording (the value set from elsewhere): release the microphone.
  const live = useRef<MediaRecorder | null>(null);
  useEffect(() => () => live.current?.stream.getTracks().forEach((t) => t.stop()), []);
  const start = async () => {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const rec = new MediaRecorder(stream);
      const parts: Blob[] = [];
      rec.ondataavailable = (e) => {
        parts.push(e.data);
        setRecorded((n) => n + e.data.size);
      };
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        void toWav(new Blob(parts, { type: rec.mimeType }), "recording.wav", latest.current.sampleRate).then(
          (file) => latest.current.onDone(file),
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      };
      // A timeslice makes the recorder flush data regularly, so a short recording is never empty.
      rec.start(RECORDER_SLICE_MS);
      setRecorded(0);
      live.current = rec;
      setRecorder(rec);
      setPaused(false);
      latest.current.onStart?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : "No microphone available");
    }
  };
  const stop = () => {
    live.current = null;
    recorder?.stop();
    setRecorder(null);
    setPaused(false);
  };
  // The server sets `recording` (initially, or with gr.update) to start or stop the recorder.
  useEffect(() => {
    if (props.recording === true && !recorder) void start();
    if (props.recording === false && recorder) stop();
  }, [props.recording]);
  const togglePause = () => {
    if (!recorder) return;
    // Gradio's Audio has no event for resuming: only the pause is reported.
    if (paused) {
      recorder.resume();
    } else {
      recorder.pause();
      props.onPause?.();
    }
    setPaused(!paused);
  };
  const buttonClass = (kind: string) => (compact ? `mm-attach${recorder ? " recording" : ""}` : `btn btn-sm ${kind}`);
  return (
    <div class="recorder" data-state={recorder ? (paused ? "paused" : "recording") : "idle"} data-recorded={recorded}>
      {recorder && props.showWaveform ? <LiveWaveform stream={recorder.stream} paused={paused} /> : null}
      <div class="recorder-buttons">
        <button
          type="button"
          class={buttonClass(recorder ? "btn-stop" : "btn-secondary")}
          aria-label={recorder ? "Stop recording" : "Record"}
          onClick={recorder ? stop : () => void start()}
        >
          {compact ? (recorder ? "■" : "🎙") : recorder ? "Stop recording" : "Record"}
        </button>
        {recorder ? (
          <button
            type="button"
            class={buttonClass("btn-secondary")}
            aria-label={paused ? "Resume recording" : "Pause recording"}
            onClick={togglePause}
          >
            {compact ? (paused ? "⏺" : "⏸") : paused ? "Resume" : "Pause"}
          </button>
        ) : null}
      </div>
      {error ? <div class="upload-error">{error}</div> : null}
    </div>
  );
}
