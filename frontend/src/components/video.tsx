// gr.Video: a player with optional WebVTT subtitles; when interactive, upload, webcam recording
// (uploaded as webm when it stops) and clear. The value is one FileData; the subtitles
// (a WebVTT FileData) are the `subtitles` prop. A `streaming` output plays each segment the
// generator yields after the previous ones (segment_player.ts); each run starts a new stream.

import { MediaActions } from "./media_actions";
import { useEffect, useRef, useState } from "preact/hooks";
import { SegmentPlayer } from "./segment_player";
import { outputFeeds } from "../output_feeds";
import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData, seekToStart, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import { WebcamRecorder } from "./webcam_recorder";

const updateValue = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "value" in value ? (value as { value: unknown }).value : undefined;

export default function VideoView({ id, inputId, props, interactive, setValue, fire }: ComponentProps) {
  const video = isFileData(props.value) ? props.value : null;
  const subtitles = isFileData(props.subtitles) ? props.subtitles : null;
  const src = fileUrl(video);
  const state = useUpload(["video"]);
  const height = typeof props.height === "number" ? `${props.height}px` : undefined;
  const sources = Array.isArray(props.sources) ? props.sources.map(String) : ["upload", "webcam"];
  const [webcam, setWebcam] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the source the browser reported it cannot decode (an AVI upload, say), until another comes
  const [unplayable, setUnplayable] = useState<string | null>(null);
  const streaming = props.streaming === true && !interactive;
  // refs, not state: segments may arrive before the render that a new player causes
  const player = useRef<SegmentPlayer | null>(null);
  const [streamUrl, setStreamUrl] = useState<string | undefined>(undefined);
  const lastSegment = useRef<string | null>(null);
  const streamRun = useRef<number | null>(null);
  useEffect(() => {
    if (!streaming) return;
    // each value the generator yields, even several within one frame (a render shows the last)
    outputFeeds.set(id, (value, run) => {
      const file = isFileData(value) ? value : isFileData(updateValue(value)) ? updateValue(value) : null;
      const url = fileUrl(file as FileData | null);
      // the completion repeats the last segment the generator yielded
      if (!url || (run === streamRun.current && url === lastSegment.current)) return;
      lastSegment.current = url;
      let current = player.current;
      // a new run's segments are a new video, not more of the last one
      if (!current || run !== streamRun.current) {
        current?.close();
        current = new SegmentPlayer();
        player.current = current;
        streamRun.current = run;
        setError(null);
        setStreamUrl(current.url);
      }
      current.append(url).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    });
    return () => outputFeeds.delete(id);
  }, [streaming, id]);
  useEffect(() => () => player.current?.close(), []);
  const set = (file: FileData) => {
    setValue(file);
    fire("upload", file);
  };
  const onRecorded = async (recording: File) => {
    setWebcam(false);
    fire("stop_recording");
    try {
      const [uploaded] = await uploadFiles([recording]);
      if (uploaded) set(uploaded);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const shown = streaming && streamUrl ? streamUrl : src;
  return (
    <div class="video-block">
      <FieldLabel forId={inputId} props={props} fallback="Video" />
      {error ? <div class="upload-error">{error}</div> : null}
      {shown && unplayable === shown ? (
        <div class="upload-error" role="alert">
          {interactive
            ? "Video not playable in this browser; the function gets it converted to MP4."
            : "Video not playable in this browser."}
        </div>
      ) : null}
      {webcam ? (
        <WebcamRecorder
          onDone={(f) => void onRecorded(f)}
          onCancel={() => setWebcam(false)}
          onStart={() => fire("start_recording")}
        />
      ) : src ? (
        <div class="media-frame">
          <video
            id={inputId}
            controls
            src={shown ?? undefined}
            style={{ height }}
            autoPlay={streaming || props.autoplay === true}
            loop={props.loop === true}
            onLoadedMetadata={seekToStart(props.playback_position)}
            onError={(e) => {
              const code = e.currentTarget.error?.code;
              if (shown && (code === MediaError.MEDIA_ERR_DECODE || code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED))
                setUnplayable(shown);
            }}
            crossOrigin="anonymous"
            onPlay={() => fire("play")}
            onPause={() => fire("pause")}
            onEnded={() => {
              fire("stop");
              fire("end");
            }}
          >
            {subtitles ? (
              <track
                key={fileUrl(subtitles)}
                kind="subtitles"
                src={fileUrl(subtitles) ?? undefined}
                default
                label="Subtitles"
              />
            ) : null}
          </video>
          <div class="media-toolbar">
            <MediaActions
              href={video ? src : undefined}
              fileName={video ? fileName(video) : undefined}
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
          {sources.includes("upload") ? (
            <UploadZone id={inputId} fileTypes={["video"]} state={state} onFiles={(f) => f[0] && set(f[0])}>
              <span>Drop a video or click to upload</span>
            </UploadZone>
          ) : null}
          {sources.includes("webcam") ? (
            <button
              type="button"
              class="btn btn-secondary btn-sm"
              onClick={() => {
                setError(null);
                setWebcam(true);
              }}
            >
              Webcam
            </button>
          ) : null}
        </>
      ) : (
        <div class="media-empty">No video</div>
      )}
    </div>
  );
}
