// gr.Model3D: a 3D model file. GLB, GLTF, OBJ, STL and PLY models are drawn with three.js
// (model3d_scene.ts, loaded only once a model is shown) and turn, zoom and pan with the mouse;
// every model has a download link. When interactive, an upload zone takes the MODEL_TYPES.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import type { Camera, DisplayMode, ModelView, ViewOptions } from "./model3d_scene";
import { UploadZone, useUpload } from "./upload_zone";
import "./model3d.css";

// The extensions model3d_scene.ts has a loader for.
const DRAWN = ["glb", "gltf", "obj", "stl", "ply"];

function extension(name: string): string {
  return name.toLowerCase().split(".").pop() ?? "";
}

/** The component's props as the viewer's options (Gradio's defaults where a prop is unset). */
export function viewOptions(props: Record<string, unknown>): ViewOptions {
  const clear = Array.isArray(props.clear_color) && props.clear_color.length === 4 ? props.clear_color : [0, 0, 0, 0];
  const camera = Array.isArray(props.camera_position) ? props.camera_position : [];
  const number = (value: unknown): number | null => (typeof value === "number" ? value : null);
  const mode = props.display_mode;
  return {
    displayMode: mode === "wireframe" || mode === "point_cloud" ? mode : ("solid" as DisplayMode),
    clearColor: clear.map((v) => Number(v)) as ViewOptions["clearColor"],
    camera: [number(camera[0]), number(camera[1]), number(camera[2])] as Camera,
    zoomSpeed: number(props.zoom_speed) ?? 1,
    panSpeed: number(props.pan_speed) ?? 1,
  };
}

function cssSize(value: unknown): string | undefined {
  if (typeof value === "number") return `${value}px`;
  return typeof value === "string" ? value : undefined;
}

function Viewer({ file, props }: { file: FileData; props: Record<string, unknown> }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ModelView | null>(null);
  const [status, setStatus] = useState<"loading" | "shown" | "failed">("loading");
  const url = fileUrl(file);
  const kind = extension(fileName(file));
  const drawn = DRAWN.includes(kind);
  const options = JSON.stringify(viewOptions(props));
  useEffect(() => {
    if (!url || !drawn || !host.current) return;
    let live = true;
    setStatus("loading");
    import("./model3d_scene")
      .then((scene) => scene.showModel(host.current as HTMLElement, url, kind, JSON.parse(options) as ViewOptions))
      .then((shown) => {
        if (live) {
          view.current = shown;
          setStatus("shown");
        } else shown.dispose();
      })
      .catch(() => live && setStatus("failed"));
    return () => {
      live = false;
      view.current?.dispose();
      view.current = null;
    };
  }, [url, kind, drawn, options]);
  const message = !drawn
    ? `No 3D preview for .${kind} files`
    : status === "failed"
      ? "This model could not be drawn"
      : "Loading model…";
  return (
    <div class="model3d-view">
      {drawn ? <div ref={host} class="model3d-host" style={{ height: cssSize(props.height) }} /> : null}
      {status !== "shown" ? <div class="media-empty">{message}</div> : null}
      <div class="model3d-actions">
        {status === "shown" ? (
          <button type="button" class="icon-btn" aria-label="Reset view" onClick={() => view.current?.reset()}>
            ⟲
          </button>
        ) : null}
        <a href={url ?? undefined} download={fileName(file)}>
          {fileName(file)}
        </a>
      </div>
    </div>
  );
}

export default function Model3D({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const file = isFileData(props.value) ? props.value : null;
  const state = useUpload(props.file_types);
  const onFiles = (uploaded: FileData[]) => {
    setValue(uploaded[0]);
    fire("upload", uploaded[0]);
  };
  return (
    <div class="model3d">
      <FieldLabel forId={inputId} props={props} fallback="3D Model" />
      {file ? <Viewer file={file} props={props} /> : null}
      {file && interactive ? (
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
      {!file && interactive ? (
        <UploadZone id={inputId} fileTypes={props.file_types} multiple={false} state={state} onFiles={onFiles} />
      ) : null}
      {!file && !interactive ? <div class="media-empty">No model</div> : null}
    </div>
  );
}
