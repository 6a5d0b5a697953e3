// gr.Video: a player with optional WebVTT subtitles; when interactive, upload and clear. The
// value is `{video: FileData, subtitles: FileData | null}`.

import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";

function parts(value: unknown): { video: FileData | null; subtitles: FileData | null } {
  if (isFileData(value)) return { video: value, subtitles: null };
  if (value && typeof value === "object") {
    const v = value as { video?: unknown; subtitles?: unknown };
    return {
      video: isFileData(v.video) ? v.video : null,
      subtitles: isFileData(v.subtitles) ? v.subtitles : null,
    };
  }
  return { video: null, subtitles: null };
}

export default function VideoView({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const { video, subtitles } = parts(props.value);
  const src = fileUrl(video);
  const state = useUpload(["video"]);
  const height = typeof props.height === "number" ? `${props.height}px` : undefined;
  return (
    <div class="video-block">
      <FieldLabel forId={inputId} props={props} fallback="Video" />
      {src ? (
        <div class="media-frame">
          <video
            id={inputId}
            controls
            src={src}
            style={{ height }}
            autoPlay={props.autoplay === true}
            loop={props.loop === true}
            crossOrigin="anonymous"
            onPlay={() => fire("play")}
            onPause={() => fire("pause")}
            onEnded={() => fire("stop")}
          >
            {subtitles ? (
              <track kind="subtitles" src={fileUrl(subtitles) ?? undefined} default label="Subtitles" />
            ) : null}
          </video>
          <div class="media-toolbar">
            {props.show_download_button !== false && video ? (
              <a class="icon-btn" href={src} download={fileName(video)} aria-label="Download">
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
        </div>
      ) : interactive ? (
        <UploadZone
          id={inputId}
          fileTypes={["video"]}
          state={state}
          onFiles={(f) => {
            if (!f[0]) return;
            const value = { video: f[0], subtitles: null };
            setValue(value);
            fire("upload", value);
          }}
        >
          <span>Drop a video or click to upload</span>
        </UploadZone>
      ) : (
        <div class="media-empty">No video</div>
      )}
    </div>
  );
}
