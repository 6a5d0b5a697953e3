// gr.Model3D: a 3D model file. OBJ models are drawn as a wireframe (drag to turn it); every
// model has a download link. When interactive, an upload zone takes .obj/.glb/.gltf/.stl/.ply.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileName, fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import "./model3d.css";

type Vec = [number, number, number];
export interface Wireframe {
  vertices: Vec[];
  edges: [number, number][];
}

/** The vertices and face edges of an OBJ file's text (other statements are ignored). */
export function parseObj(text: string): Wireframe {
  const vertices: Vec[] = [];
  const edges: [number, number][] = [];
  for (const line of text.split("\n")) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === "v" && parts.length >= 4) {
      vertices.push([Number(parts[1]), Number(parts[2]), Number(parts[3])]);
    } else if (parts[0] === "f") {
      const ids = parts.slice(1).map((p) => {
        const n = parseInt(p.split("/")[0], 10);
        return n < 0 ? vertices.length + n : n - 1;
      });
      ids.forEach((id, i) => edges.push([id, ids[(i + 1) % ids.length]]));
    }
  }
  return { vertices, edges: edges.filter(([a, b]) => vertices[a] && vertices[b]) };
}

function draw(canvas: HTMLCanvasElement, model: Wireframe, angle: number): void {
  const ctx = canvas.getContext("2d");
  if (!ctx || model.vertices.length === 0) return;
  const mins = [0, 1, 2].map((k) => Math.min(...model.vertices.map((v) => v[k])));
  const maxs = [0, 1, 2].map((k) => Math.max(...model.vertices.map((v) => v[k])));
  const center = mins.map((m, k) => (m + maxs[k]) / 2);
  const extent = Math.max(...maxs.map((m, k) => m - mins[k])) || 1;
  const scale = (Math.min(canvas.width, canvas.height) * 0.8) / extent;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const project = ([x, y, z]: Vec): [number, number] => {
    const [dx, dz] = [x - center[0], z - center[2]];
    return [canvas.width / 2 + (dx * cos + dz * sin) * scale, canvas.height / 2 - (y - center[1]) * scale];
  };
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = getComputedStyle(canvas).color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const [a, b] of model.edges) {
    ctx.moveTo(...project(model.vertices[a]));
    ctx.lineTo(...project(model.vertices[b]));
  }
  ctx.stroke();
}

function Viewer({ file }: { file: FileData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [model, setModel] = useState<Wireframe | null>(null);
  const [angle, setAngle] = useState(0.5);
  const url = fileUrl(file);
  const isObj = fileName(file).toLowerCase().endsWith(".obj");
  useEffect(() => {
    setModel(null);
    if (!url || !isObj) return;
    let live = true;
    fetch(url)
      .then((r) => (r.ok ? r.text() : ""))
      .then((text) => live && setModel(parseObj(text)))
      .catch(() => live && setModel(null));
    return () => {
      live = false;
    };
  }, [url, isObj]);
  useEffect(() => {
    if (canvas.current && model) draw(canvas.current, model, angle);
  }, [model, angle]);
  const drag = (event: PointerEvent) => {
    if (event.buttons) setAngle((a) => a + event.movementX / 100);
  };
  return (
    <div class="model3d-view">
      {model ? (
        <canvas ref={canvas} width={480} height={320} class="model3d-canvas" onPointerMove={drag} />
      ) : (
        <div class="media-empty">{isObj ? "Loading model…" : "3D preview: OBJ models only"}</div>
      )}
      <a href={url ?? undefined} download={fileName(file)}>
        {fileName(file)}
      </a>
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
      {file ? <Viewer file={file} /> : null}
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
