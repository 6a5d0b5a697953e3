// Webcam recording for gr.Video: a live preview, and a MediaRecorder (webm) that hands the
// finished recording back as a File. Kept apart from video.tsx so the player stays small.

import { useEffect, useRef, useState } from "preact/hooks";

/** The first container this browser's MediaRecorder can write. */
function recordingType(): string {
  const wanted = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm", "video/mp4"];
  return wanted.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
}

export function WebcamRecorder({
  onDone,
  onCancel,
  onStart,
}: {
  onDone: (file: File) => void;
  onCancel: () => void;
  onStart: () => void;
}) {
  const video = useRef<HTMLVideoElement | null>(null);
  const media = useRef<MediaStream | null>(null);
  const [recorder, setRecorder] = useState<MediaRecorder | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    navigator.mediaDevices
      ?.getUserMedia({ video: true, audio: true })
      .catch(() => navigator.mediaDevices.getUserMedia({ video: true }))
      .then((s) => {
        media.current = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : "No camera available"));
    return () => media.current?.getTracks().forEach((t) => t.stop());
  }, []);
  const start = () => {
    const stream = media.current;
    if (!stream) return;
    const type = recordingType();
    const rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const parts: Blob[] = [];
    rec.ondataavailable = (e) => e.data.size > 0 && parts.push(e.data);
    rec.onstop = () => {
      const mime = (rec.mimeType || "video/webm").split(";")[0] ?? "video/webm";
      const ext = mime.endsWith("mp4") ? "mp4" : "webm";
      onDone(new File(parts, `recording.${ext}`, { type: mime }));
    };
    // A timeslice makes the recorder flush data regularly, so a short recording is never empty.
    rec.start(250);
    setRecorder(rec);
    onStart();
  };
  const stop = () => {
    recorder?.stop();
    setRecorder(null);
  };
  return (
    <div class="webcam" data-recording={recorder ? "true" : "false"}>
      {error ? <div class="upload-error">{error}</div> : <video ref={video} autoPlay playsInline muted />}
      <div class="media-actions">
        <button
          type="button"
          class={`btn btn-sm ${recorder ? "btn-stop" : "btn-primary"}`}
          onClick={recorder ? stop : start}
          disabled={!!error}
        >
          {recorder ? "Stop recording" : "Record"}
        </button>
        {recorder ? null : (
          <button type="button" class="btn btn-secondary btn-sm" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
