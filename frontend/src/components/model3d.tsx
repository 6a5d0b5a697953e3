// gr.Model3D: a 3D model file. GLB, GLTF, OBJ, STL and PLY models are drawn with three.js
// (model3d_scene.ts), Gaussian splats (.splat files, and PLY files holding a splat) with gsplat
// (model3d_splat.ts); each viewer is a chunk of its own, loaded only once a model it draws is
// shown. Models turn, zoom and pan with the mouse; every model has a download link. When
// interactive, an upload zone takes the MODEL_TYPES.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import type { Camera, DisplayMode, ModelView, ViewOptions } from "./model3d_scene";
import { extension, needsContent, rendererFor } from "./model3d_formats";
import { UploadZone, useUpload } from "./upload_zone";
import "./model3d.css";

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

async function readFile(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

/** Reads the file where its viewer depends on its content, then loads that viewer's chunk. */
async function show(host: HTMLElement, url: string, kind: string, options: ViewOptions): Promise<ModelView> {
  const data = needsContent(kind) ? await readFile(url) : null;
  if (data && rendererFor(kind, data) === "splat") {
    const splat = await import("./model3d_splat");
    return splat.showSplat(host, data, kind === "ply" ? "ply" : "splat", options);
  }
  const scene = await import("./model3d_scene");
  return scene.showModel(host, url, kind, options, data);
}

function Viewer({ file, props }: { file: FileData; props: Record<string, unknown> }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ModelView | null>(null);
  const [status, setStatus] = useState<"loading" | "shown" | "failed">("loading");
  const url = fileUrl(file);
  const kind = extension(fileName(file));
  // Content is not needed to know whether some viewer draws the file, only which one.
  const drawn = rendererFor(kind, null) !== null;
  const options = JSON.stringify(viewOptions(props));
  useEffect(() => {
    if (!url || !drawn || !host.current) return;
    let live = true;
    setStatus("loading");
    show(host.current, url, kind, JSON.parse(options) as ViewOptions)
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
