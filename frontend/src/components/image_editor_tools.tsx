// The image editor's toolbars: brush and eraser, layers, crop, resize and zoom. They hold no
// document of their own; the editor passes what they show and what their buttons do.

import { useState } from "preact/hooks";
import type { Layer, Rect } from "./image_editor_model";
import { pixelSize, stepZoom } from "./image_editor_model";

/** A brush colour: a CSS colour and the opacity its strokes are drawn with. */
export interface Paint {
  css: string;
  alpha: number;
}

export type Tool = "brush" | "eraser" | "crop" | "resize";

const samePaint = (a: Paint, b: Paint) => a.css === b.css && a.alpha === b.alpha;

interface DrawToolsProps {
  tool: Tool;
  setTool: (tool: Tool) => void;
  colors: Paint[] | null;
  color: Paint;
  setColor: (color: Paint) => void;
  brushSize: number;
  setBrushSize: (size: number) => void;
  eraserSize: number | null;
  setEraserSize: (size: number) => void;
  maxSize: number;
}

/** The brush's colours (none when `colors` is null: a fixed colour) and size, the eraser. */
export function DrawTools(p: DrawToolsProps) {
  const picking = p.tool === "brush";
  return (
    <>
      <button type="button" class={picking ? "active" : ""} onClick={() => p.setTool("brush")}>
        Brush
      </button>
      {p.colors?.map((c) => (
        <button
          key={`${c.css}/${c.alpha}`}
          type="button"
          class={picking && samePaint(c, p.color) ? "swatch active" : "swatch"}
          style={{ background: c.css, opacity: c.alpha }}
          aria-label={c.alpha === 1 ? `Brush ${c.css}` : `Brush ${c.css} at ${c.alpha}`}
          onClick={() => {
            p.setColor(c);
            p.setTool("brush");
          }}
        />
      ))}
      {p.colors ? (
        <input
          type="color"
          aria-label="Brush colour"
          value={/^#[0-9a-f]{6}$/i.test(p.color.css) ? p.color.css : "#000000"}
          onInput={(e) => p.setColor({ css: (e.currentTarget as HTMLInputElement).value, alpha: 1 })}
        />
      ) : null}
      <Size label="Brush size" value={p.brushSize} max={p.maxSize} onChange={p.setBrushSize} />
      {p.eraserSize === null ? null : (
        <>
          <button type="button" class={p.tool === "eraser" ? "active" : ""} onClick={() => p.setTool("eraser")}>
            Eraser
          </button>
          <Size label="Eraser size" value={p.eraserSize} max={p.maxSize} onChange={p.setEraserSize} />
        </>
      )}
    </>
  );
}

function Size(p: { label: string; value: number; max: number; onChange: (size: number) => void }) {
  return (
    <input
      type="range"
      min={1}
      max={Math.max(p.max, p.value)}
      value={p.value}
      aria-label={p.label}
      title={`${p.label}: ${p.value}px`}
      onInput={(e) => p.onChange(Number((e.currentTarget as HTMLInputElement).value))}
    />
  );
}

interface LayerPanelProps {
  layers: Layer<unknown>[];
  selected: number;
  canAdd: boolean;
  onSelect: (index: number) => void;
  onToggle: (index: number) => void;
  onDelete: (index: number) => void;
  onAdd: () => void;
}

/** The layers, top first: pick one to draw on, hide or show it, delete it; add one. */
export function LayerPanel(p: LayerPanelProps) {
  const order = p.layers.map((_, i) => i).reverse();
  return (
    <div class="imageeditor-layers" role="group" aria-label="Layers">
      {order.map((i) => (
        <div key={i} class={i === p.selected ? "imageeditor-layer-row active" : "imageeditor-layer-row"}>
          <button type="button" aria-pressed={i === p.selected} onClick={() => p.onSelect(i)}>
            {p.layers[i].name}
          </button>
          <button
            type="button"
            aria-label={`${p.layers[i].visible ? "Hide" : "Show"} ${p.layers[i].name}`}
            onClick={() => p.onToggle(i)}
          >
            {p.layers[i].visible ? "Hide" : "Show"}
          </button>
          {p.canAdd && p.layers.length > 1 ? (
            <button type="button" aria-label={`Delete ${p.layers[i].name}`} onClick={() => p.onDelete(i)}>
              Delete
            </button>
          ) : null}
        </div>
      ))}
      {p.canAdd ? (
        <button type="button" onClick={p.onAdd}>
          Add layer
        </button>
      ) : null}
    </div>
  );
}

/** The crop tool's shapes: free, or a fixed width / height ratio. */
export const CROP_RATIOS: [string, number | null][] = [
  ["Free", null],
  ["1:1", 1],
  ["4:3", 4 / 3],
  ["3:4", 3 / 4],
  ["16:9", 16 / 9],
];

/** The crop tool's bar: its shape, apply the dragged rectangle, or leave it. */
export function CropBar(p: {
  ratio: string;
  setRatio: (r: string) => void;
  canApply: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="imageeditor-tools" role="group" aria-label="Crop">
      <select
        aria-label="Crop shape"
        value={p.ratio}
        onChange={(e) => p.setRatio((e.currentTarget as HTMLSelectElement).value)}
      >
        {CROP_RATIOS.map(([name]) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      <button type="button" disabled={!p.canApply} onClick={p.onApply}>
        Apply crop
      </button>
      <button type="button" onClick={p.onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The resize tool's bar: the image's new width and height in pixels. */
export function ResizeBar(p: {
  width: number;
  height: number;
  onApply: (w: number, h: number) => void;
  onCancel: () => void;
}) {
  const [w, setW] = useState(String(p.width));
  const [h, setH] = useState(String(p.height));
  const [width, height] = [pixelSize(w), pixelSize(h)];
  return (
    <div class="imageeditor-tools" role="group" aria-label="Resize">
      <input
        type="number"
        min={1}
        aria-label="Width"
        value={w}
        onInput={(e) => setW((e.currentTarget as HTMLInputElement).value)}
      />
      <input
        type="number"
        min={1}
        aria-label="Height"
        value={h}
        onInput={(e) => setH((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" disabled={!width || !height} onClick={() => width && height && p.onApply(width, height)}>
        Apply size
      </button>
      <button type="button" onClick={p.onCancel}>
        Cancel
      </button>
    </div>
  );
}

interface EditBarProps {
  transforms: unknown[];
  tool: Tool;
  setTool: (tool: Tool) => void;
  history: { canUndo: boolean; canRedo: boolean } | null;
  onTravel: (direction: "undo" | "redo") => void;
  scale: number;
  setZoom: (zoom: number | "fit") => void;
  onClear: () => void;
}

/** Crop and resize (as `transforms` allows), undo and redo, zoom, fit and clear. */
export function EditBar(p: EditBarProps) {
  return (
    <>
      {p.transforms.includes("crop") ? (
        <button type="button" class={p.tool === "crop" ? "active" : ""} onClick={() => p.setTool("crop")}>
          Crop
        </button>
      ) : null}
      {p.transforms.includes("resize") ? (
        <button type="button" class={p.tool === "resize" ? "active" : ""} onClick={() => p.setTool("resize")}>
          Resize
        </button>
      ) : null}
      <button type="button" disabled={!p.history?.canUndo} onClick={() => p.onTravel("undo")}>
        Undo
      </button>
      <button type="button" disabled={!p.history?.canRedo} onClick={() => p.onTravel("redo")}>
        Redo
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => p.setZoom(stepZoom(p.scale, -1))}>
        −
      </button>
      <span class="imageeditor-zoom" aria-label="Zoom">{`${Math.round(p.scale * 100)}%`}</span>
      <button type="button" aria-label="Zoom in" onClick={() => p.setZoom(stepZoom(p.scale, 1))}>
        +
      </button>
      <button type="button" onClick={() => p.setZoom("fit")}>
        Fit
      </button>
      <button type="button" onClick={p.onClear}>
        Clear
      </button>
    </>
  );
}

/** The crop rectangle over the canvas, in percent of the image's `width` and `height`. */
export function CropOverlay({ crop, width, height }: { crop: Rect; width: number; height: number }) {
  const style = {
    left: `${(crop.x / width) * 100}%`,
    top: `${(crop.y / height) * 100}%`,
    width: `${(crop.width / width) * 100}%`,
    height: `${(crop.height / height) * 100}%`,
  };
  return <div class="imageeditor-crop" aria-label="Crop area" style={style} />;
}
