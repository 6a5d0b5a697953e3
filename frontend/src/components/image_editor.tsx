// gr.ImageEditor (and Sketchpad, Paint, ImageMask): draw on an uploaded image or a blank canvas.
// Each finished stroke uploads the drawn layer and the composite (background + layer) as PNGs
// and sets the value `{background, layers: [layer], composite}`.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileUrl, isFileData, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import "./image_editor.css";

interface EditorValue {
  background: FileData | null;
  layers: FileData[];
  composite: FileData | null;
}
interface BrushProps {
  colors?: unknown;
  default_color?: unknown;
  default_size?: number | "auto";
  color_mode?: string;
}

/** A brush colour: a CSS colour and the opacity its strokes are drawn with. */
export interface Paint {
  css: string;
  alpha: number;
}

/** A colour as the server sends it (a CSS colour or a `[colour, opacity]` pair), or null. */
export function paint(color: unknown): Paint | null {
  if (typeof color === "string") return { css: color, alpha: 1 };
  if (Array.isArray(color) && color.length === 2 && typeof color[0] === "string" && typeof color[1] === "number") {
    return { css: color[0], alpha: Math.min(1, Math.max(0, color[1])) };
  }
  return null;
}

/** The brush's palette: `colors` is a list of colours, or one colour. */
export function palette(colors: unknown): Paint[] {
  const one = paint(colors);
  if (one) return [one];
  return Array.isArray(colors) ? colors.map(paint).filter((p): p is Paint => p !== null) : [];
}

const samePaint = (a: Paint, b: Paint) => a.css === b.css && a.alpha === b.alpha;

/** The editor value in a config or update, or null. */
export function editorValue(value: unknown): EditorValue | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const layers = Array.isArray(v.layers) ? v.layers.filter(isFileData) : [];
  const background = isFileData(v.background) ? v.background : null;
  const composite = isFileData(v.composite) ? v.composite : null;
  return background || composite || layers.length ? { background, layers, composite } : null;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`Cannot load ${url}`));
    img.src = url;
  });
}

export default function ImageEditor({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const value = editorValue(props.value);
  const brush = (props.brush || null) as BrushProps | null;
  const given = palette(brush?.colors);
  const colors = given.length ? given : [{ css: "#000000", alpha: 1 }];
  const [color, setColor] = useState(paint(brush?.default_color) ?? colors[0]);
  const [erasing, setErasing] = useState(false);
  const [hasCanvas, setHasCanvas] = useState(false);
  const base = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const state = useUpload(["image"]);
  const sources = Array.isArray(props.sources) ? props.sources : [];
  const [cw, ch] = Array.isArray(props.canvas_size) ? (props.canvas_size as number[]) : [800, 800];
  const shown = value?.composite ?? value?.background ?? null;
  const blank = !value && sources.length === 0;

  useEffect(() => {
    const [b, l] = [base.current, layer.current];
    if (!b || !l) return;
    let live = true;
    const size = (w: number, h: number) => {
      for (const c of [b, l]) [c.width, c.height] = [w, h];
    };
    const url = fileUrl(shown);
    if (!url) {
      size(cw, ch);
      const ctx = b.getContext("2d");
      if (ctx) [ctx.fillStyle, ctx.globalAlpha] = ["#ffffff", 1];
      ctx?.fillRect(0, 0, cw, ch);
      setHasCanvas(true);
      return;
    }
    loadImage(url)
      .then((img) => {
        if (!live) return;
        size(img.naturalWidth, img.naturalHeight);
        b.getContext("2d")?.drawImage(img, 0, 0);
        setHasCanvas(true);
      })
      .catch(() => live && setHasCanvas(false));
    return () => {
      live = false;
    };
  }, [fileUrl(shown), cw, ch]);

  const point = (event: PointerEvent) => {
    const c = layer.current!;
    const rect = c.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * c.width) / rect.width,
      y: ((event.clientY - rect.top) * c.height) / rect.height,
    };
  };
  const stroke = (event: PointerEvent) => {
    const ctx = layer.current?.getContext("2d");
    const from = drawing.current;
    if (!ctx || !from) return;
    const to = point(event);
    const auto = Math.max(2, Math.round(Math.max(layer.current!.width, layer.current!.height) / 100));
    ctx.lineWidth = typeof brush?.default_size === "number" ? brush.default_size : auto;
    [ctx.lineCap, ctx.strokeStyle] = ["round", color.css];
    ctx.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    ctx.globalAlpha = erasing ? 1 : color.alpha;
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    drawing.current = to;
  };
  const finish = async () => {
    if (!drawing.current || !base.current || !layer.current) return;
    drawing.current = null;
    const flat = document.createElement("canvas");
    [flat.width, flat.height] = [base.current.width, base.current.height];
    const ctx = flat.getContext("2d");
    ctx?.drawImage(base.current, 0, 0);
    ctx?.drawImage(layer.current, 0, 0);
    const [layerBlob, flatBlob] = await Promise.all([toBlob(layer.current), toBlob(flat)]);
    if (!layerBlob || !flatBlob) return;
    const files = [new File([layerBlob], "layer.png"), new File([flatBlob], "composite.png")];
    const [layerFile, compositeFile] = await uploadFiles(files);
    setValue({ background: value?.background ?? null, layers: [layerFile], composite: compositeFile });
    fire("apply");
  };
  const onBackground = (uploaded: FileData[]) => {
    setValue({ background: uploaded[0], layers: [], composite: uploaded[0] });
    fire("upload", uploaded[0]);
  };
  const canDraw = interactive && brush !== null && (hasCanvas || blank);
  const showCanvas = Boolean(shown) || blank;
  return (
    <div class="imageeditor">
      <FieldLabel forId={inputId} props={props} fallback="Image" />
      {canDraw && showCanvas ? (
        <div class="imageeditor-tools" role="toolbar" aria-label="Drawing tools">
          {brush?.color_mode === "fixed"
            ? null
            : colors.map((c) => (
                <button
                  key={`${c.css}/${c.alpha}`}
                  type="button"
                  class={samePaint(c, color) && !erasing ? "swatch active" : "swatch"}
                  style={{ background: c.css, opacity: c.alpha }}
                  aria-label={c.alpha === 1 ? `Brush ${c.css}` : `Brush ${c.css} at ${c.alpha}`}
                  onClick={() => {
                    setColor(c);
                    setErasing(false);
                  }}
                />
              ))}
          {props.eraser === false ? null : (
            <button type="button" class={erasing ? "active" : ""} onClick={() => setErasing(!erasing)}>
              Eraser
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setValue(null);
              fire("clear");
            }}
          >
            Clear
          </button>
        </div>
      ) : null}
      <div class="imageeditor-stage" hidden={!showCanvas}>
        <canvas ref={base} class="imageeditor-base" />
        <canvas
          ref={layer}
          id={showCanvas ? inputId : undefined}
          class="imageeditor-layer"
          aria-label="Drawing canvas"
          onPointerDown={(e) => {
            if (!canDraw) return;
            (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
            drawing.current = point(e);
            stroke(e);
          }}
          onPointerMove={stroke}
          onPointerUp={() => void finish()}
        />
      </div>
      {!showCanvas && interactive && sources.length ? (
        <UploadZone id={inputId} fileTypes={["image"]} state={state} onFiles={onBackground} />
      ) : null}
      {!showCanvas && !interactive ? <div class="media-empty">No image</div> : null}
    </div>
  );
}
