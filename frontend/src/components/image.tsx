// gr.Image: shows an image; when interactive, upload (click, drop, paste), webcam capture and
// clear. A click on the image fires `select` with the pixel clicked, `[x, y]`, as its index. With
// a `stream` listener the webcam sends a frame every `stream_every` seconds while streaming.

import { MediaActions } from "./media_actions";
import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, str, type ComponentProps, type StreamControl } from "../block";
import { fileName, fileUrl, isFileData, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";

function sourcesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : ["upload", "webcam", "clipboard"];
}

/** The video element's current frame as an image file. */
function grabFrame(el: HTMLVideoElement, type: string, name: string): Promise<File | null> {
  const canvas = document.createElement("canvas");
  canvas.width = el.videoWidth;
  canvas.height = el.videoHeight;
  canvas.getContext("2d")?.drawImage(el, 0, 0);
  return new Promise((resolve) =>
    canvas.toBlob((blob) => resolve(blob ? new File([blob], name, { type }) : null), type, 0.85),
  );
}

/** While `active`, send a frame every `control.every` seconds; `onEnded` when the server ends it. */
function useFrameStream(
  video: { current: HTMLVideoElement | null },
  control: StreamControl | undefined,
  active: boolean,
  onEnded: () => void,
): void {
  useEffect(() => {
    if (!control || !active) return;
    const timer = setInterval(
      () => {
        const el = video.current;
        if (!el || !el.videoWidth) return;
        void grabFrame(el, "image/jpeg", "frame.jpg")
          .then((frame) => (frame ? uploadFiles([frame]) : []))
          .then(
            ([uploaded]) => uploaded && !control.send(uploaded) && onEnded(),
            () => undefined,
          );
      },
      Math.max(0.03, control.every) * 1000,
    );
    return () => {
      clearInterval(timer);
      control.end();
    };
  }, [active]);
}

function Webcam({
  onCapture,
  onCancel,
  stream,
}: {
  onCapture: (file: File) => void;
  onCancel: () => void;
  stream?: StreamControl;
}) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [streaming, setStreaming] = useState(false);
  useFrameStream(video, stream, streaming, () => setStreaming(false));
  useEffect(() => {
    let stream: MediaStream | null = null;
    navigator.mediaDevices
      ?.getUserMedia({ video: true })
      .then((s) => {
        stream = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : "No camera available"));
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, []);
  const capture = () => {
    const el = video.current;
    if (!el || !el.videoWidth) return;
    void grabFrame(el, "image/png", "webcam.png").then((file) => file && onCapture(file));
  };
  return (
    <div class="webcam" data-streaming={streaming ? "true" : "false"}>
      {error ? <div class="upload-error">{error}</div> : <video ref={video} autoPlay playsInline muted />}
      <div class="media-actions">
        {stream ? (
          <button
            type="button"
            class={`btn btn-sm ${streaming ? "btn-stop" : "btn-primary"}`}
            onClick={() => setStreaming(!streaming)}
            disabled={!!error}
          >
            {streaming ? "Stop streaming" : "Start streaming"}
          </button>
        ) : (
          <>
            <button type="button" class="btn btn-primary btn-sm" onClick={capture} disabled={!!error}>
              Capture
            </button>
            <button type="button" class="btn btn-secondary btn-sm" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
      </div>
    </div>
  );
}

export default function ImageView({ inputId, props, interactive, setValue, fire, stream }: ComponentProps) {
  const file = isFileData(props.value) ? props.value : null;
  const src = fileUrl(file);
  const sources = sourcesOf(props.sources);
  const state = useUpload(["image"]);
  const [webcam, setWebcam] = useState(false);
  const set = (uploaded: FileData) => {
    setValue(uploaded);
    fire("upload", uploaded);
  };
  const onCapture = async (captured: File) => {
    setWebcam(false);
    const [uploaded] = (await uploadFiles([captured]).catch(() => [])) as FileData[];
    if (uploaded) set(uploaded);
  };
  const onClick = (event: MouseEvent) => {
    const img = event.currentTarget as HTMLImageElement;
    const rect = img.getBoundingClientRect();
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * img.naturalWidth);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * img.naturalHeight);
    fire("select", { index: [x, y], value: null, selected: true });
  };
  const height = typeof props.height === "number" ? `${props.height}px` : (props.height as string | undefined);
  return (
    <div class="image-block">
      <FieldLabel forId={inputId} props={props} fallback="Image" />
      {interactive && stream && sources.includes("webcam") ? (
        <Webcam onCapture={() => undefined} onCancel={() => undefined} stream={stream} />
      ) : webcam ? (
        <Webcam onCapture={(f) => void onCapture(f)} onCancel={() => setWebcam(false)} />
      ) : src ? (
        <div class="media-frame" style={{ height }}>
          <img src={src} alt={str(props.alt_text) || (file ? fileName(file) : "")} onClick={onClick} />
          <div class="media-toolbar">
            <MediaActions
              href={src}
              fileName={file ? fileName(file) : undefined}
              showDownload={props.show_download_button !== false}
              interactive={interactive}
              onClear={() => {
                setValue(null);
                fire("clear");
              }}
            />
          </div>
        </div>
      ) : interactive ? (
        <>
          {sources.includes("upload") || sources.includes("clipboard") ? (
            <UploadZone id={inputId} fileTypes={["image"]} state={state} onFiles={(f) => f[0] && set(f[0])}>
              <span>Drop an image, paste, or click to upload</span>
            </UploadZone>
          ) : null}
          {sources.includes("webcam") ? (
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => setWebcam(true)}>
              Webcam
            </button>
          ) : null}
        </>
      ) : (
        <div class="media-empty">No image</div>
      )}
    </div>
  );
}
