// gr.Audio: a player; when interactive, upload and microphone recording (re-encoded to WAV in
// the page). With `streaming`, an output plays each chunk a generator yields back to back on one
// WebAudio clock, so the chunks join without gaps while more are still arriving.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData, toWav, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";

/** Schedules decoded chunks one after another on an AudioContext. */
class ChunkPlayer {
  private context: AudioContext | null = null;
  private next = 0;
  scheduled = 0;

  async play(url: string): Promise<void> {
    const response = await fetch(url);
    const bytes = await response.arrayBuffer();
    this.context ??= new AudioContext();
    const context = this.context;
    if (context.state === "suspended") await context.resume();
    const buffer = await context.decodeAudioData(bytes);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    // A small lead on the first chunk keeps the start glitch-free; later chunks start exactly
    // where the previous one ends.
    const start = Math.max(this.next, context.currentTime + 0.05);
    source.start(start);
    this.next = start + buffer.duration;
    this.scheduled += buffer.duration;
  }

  close(): void {
    void this.context?.close();
    this.context = null;
    this.next = 0;
    this.scheduled = 0;
  }
}

function Recorder({ onDone }: { onDone: (file: File) => void }) {
  const [recorder, setRecorder] = useState<MediaRecorder | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const rec = new MediaRecorder(stream);
      const parts: Blob[] = [];
      rec.ondataavailable = (e) => parts.push(e.data);
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        void toWav(new Blob(parts, { type: rec.mimeType }), "recording.wav").then(onDone, (err: unknown) =>
          setError(err instanceof Error ? err.message : String(err)),
        );
      };
      rec.start();
      setRecorder(rec);
    } catch (err) {
      setError(err instanceof Error ? err.message : "No microphone available");
    }
  };
  const stop = () => {
    recorder?.stop();
    setRecorder(null);
  };
  return (
    <div class="recorder">
      <button
        type="button"
        class={`btn btn-sm ${recorder ? "btn-stop" : "btn-secondary"}`}
        onClick={recorder ? stop : () => void start()}
      >
        {recorder ? "Stop recording" : "Record"}
      </button>
      {error ? <div class="upload-error">{error}</div> : null}
    </div>
  );
}

export default function AudioView({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const file = isFileData(props.value) ? props.value : null;
  const src = fileUrl(file);
  const sources = Array.isArray(props.sources) ? props.sources.map(String) : ["upload", "microphone"];
  const state = useUpload(["audio", ".wav", ".mp3", ".ogg", ".flac", ".webm", ".m4a"]);
  const streaming = props.streaming === true && !interactive;
  const player = useRef<ChunkPlayer | null>(null);
  const holder = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!streaming || !src) return;
    player.current ??= new ChunkPlayer();
    const current = player.current;
    void current.play(src).then(() => {
      holder.current?.setAttribute("data-scheduled", current.scheduled.toFixed(3));
    });
  }, [streaming, src]);
  useEffect(() => () => player.current?.close(), []);

  const set = (uploaded: FileData, event: string) => {
    setValue(uploaded);
    fire(event, uploaded);
  };
  const onRecorded = async (wav: File) => {
    fire("stop_recording");
    const [uploaded] = (await uploadFiles([wav]).catch(() => [])) as FileData[];
    if (uploaded) set(uploaded, "upload");
  };
  return (
    <div class="audio-block" ref={holder}>
      <FieldLabel forId={inputId} props={props} fallback="Audio" />
      {streaming ? (
        <div class="media-empty" aria-live="polite">
          {src ? "Playing stream…" : "Waiting for audio"}
        </div>
      ) : src ? (
        <div class="media-row">
          <audio
            id={inputId}
            controls
            src={src}
            autoPlay={props.autoplay === true}
            onPlay={() => fire("play")}
            onPause={() => fire("pause")}
            onEnded={() => fire("stop")}
          />
          {props.show_download_button !== false && file ? (
            <a class="icon-btn" href={src} download={fileName(file)} aria-label="Download">
              ↓
            </a>
          ) : null}
          {interactive ? (
            <button
              type="button"
              class="icon-btn"
              aria-label="Clear"
              onClick={() => {
                setValue(null);
                fire("clear");
              }}
            >
              ×
            </button>
          ) : null}
        </div>
      ) : interactive ? (
        <>
          {sources.includes("upload") ? (
            <UploadZone id={inputId} fileTypes={["audio"]} state={state} onFiles={(f) => f[0] && set(f[0], "upload")}>
              <span>Drop an audio file or click to upload</span>
            </UploadZone>
          ) : null}
          {sources.includes("microphone") ? <Recorder onDone={(f) => void onRecorded(f)} /> : null}
        </>
      ) : (
        <div class="media-empty">No audio</div>
      )}
    </div>
  );
}
