// The microphone recorder shared by gr.Audio and gr.MultimodalTextbox: records with MediaRecorder
// until stopped and hands over the recording as a WAV file.

import { useState } from "preact/hooks";
import { toWav } from "../media";

/** A record/stop toggle; `compact` draws it as a small icon button (for a message box). */
export function Recorder({ onDone, compact = false }: { onDone: (file: File) => void; compact?: boolean }) {
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
        class={
          compact ? `mm-attach${recorder ? " recording" : ""}` : `btn btn-sm ${recorder ? "btn-stop" : "btn-secondary"}`
        }
        aria-label={recorder ? "Stop recording" : "Record"}
        onClick={recorder ? stop : () => void start()}
      >
        {compact ? (recorder ? "■" : "🎙") : recorder ? "Stop recording" : "Record"}
      </button>
      {error ? <div class="upload-error">{error}</div> : null}
    </div>
  );
}
