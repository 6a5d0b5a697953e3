// gr.ImageEditor (and Sketchpad, Paint, ImageMask): draw on an uploaded image or a blank canvas,
// in layers, with crop, resize, zoom and undo. After each edit the background, every layer and
// the composite (background + shown layers) are uploaded as PNGs and the value becomes
// `{background, layers, composite}`, as Gradio sends it.

import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, type ComponentProps } from "../block";
import { fileUrl, isFileData, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { UploadZone, useUpload } from "./upload_zone";
import {
  blankDoc,
  canvasOf,
  cloneDoc,
  cropDoc,
  docFiles,
  drawComposite,
  loadImage,
  resizeDoc,
  whiteCanvas,
  type EditorDoc,
} from "./image_editor_doc";
import {
  History,
  containRect,
  cropRect,
  fitZoom,
  initialNames,
  nextLayerName,
  removeLayer,
  toggleLayer,
  type Point,
  type Rect,
} from "./image_editor_model";
import {
  CROP_RATIOS,
  CropBar,
  CropOverlay,
  DrawTools,
  EditBar,
  LayerPanel,
  ResizeBar,
  type Paint,
  type Tool,
} from "./image_editor_tools";
import "./image_editor.css";

export type { Paint } from "./image_editor_tools";

interface EditorValue {
  background: FileData | null;
  layers: FileData[];
  composite: FileData | null;
}
interface ToolProps {
  colors?: unknown;
  default_color?: unknown;
  default_size?: number | "auto";
  color_mode?: string;
}
interface LayerProps {
  allow_additional_layers?: boolean;
  layers?: unknown;
  disabled?: boolean;
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

/** The editor value in a config or update, or null. */
export function editorValue(value: unknown): EditorValue | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const layers = Array.isArray(v.layers) ? v.layers.filter(isFileData) : [];
  const background = isFileData(v.background) ? v.background : null;
  const composite = isFileData(v.composite) ? v.composite : null;
  return background || composite || layers.length ? { background, layers, composite } : null;
}

/** A key naming the files of a value, to tell a value this editor sent from a new one. */
const valueKey = (v: EditorValue | null) =>
  v ? [v.background, ...v.layers, v.composite].map((f) => f?.path ?? "").join("|") : "";

/** A tool's width in pixels: its `default_size`, or one suiting a canvas of that size. */
const toolSize = (size: unknown, width: number, height: number) =>
  typeof size === "number" ? size : Math.max(2, Math.round(Math.max(width, height) / 100));

/** A background image on its own canvas, or fitted into a white `fixed` canvas size. */
function backgroundCanvas(img: HTMLImageElement, fixed: number[] | null): HTMLCanvasElement {
  if (!fixed) return canvasOf(img.naturalWidth, img.naturalHeight, img);
  const canvas = whiteCanvas(fixed[0], fixed[1]);
  const at = containRect(img.naturalWidth, img.naturalHeight, fixed[0], fixed[1]);
  canvas.getContext("2d")?.drawImage(img, at.x, at.y, at.width, at.height);
  return canvas;
}

/** The document a value shows: its background (or composite) with its layers over it; with
 * a `fixed` canvas size the background is fitted into it. */
async function docOf(value: EditorValue, names: string[], fixed: number[] | null): Promise<EditorDoc> {
  const bgFile = value.background ?? (value.layers.length ? null : value.composite);
  const bg = bgFile ? backgroundCanvas(await loadImage(fileUrl(bgFile) ?? ""), fixed) : null;
  const layerImages = await Promise.all(value.layers.map((f) => loadImage(fileUrl(f) ?? "")));
  const first = bg ?? layerImages[0];
  const [w, h] = fixed ?? (first ? [first.width, first.height] : [1, 1]);
  const doc = blankDoc(w, h, layerImages.length ? [] : names, bg);
  doc.layers = doc.layers.concat(
    layerImages.map((img, i) => ({ name: names[i] ?? `Layer ${i + 1}`, visible: true, pixels: canvasOf(w, h, img) })),
  );
  return doc;
}

/** The editor's document, its undo history, and the uploads that make its value. */
function useEditorDoc(props: ComponentProps["props"], setValue: (v: unknown) => void) {
  const value = editorValue(props.value);
  const layerProps = (props.layers || {}) as LayerProps;
  const names = initialNames(layerProps.layers);
  const [cw, ch] = Array.isArray(props.canvas_size) ? (props.canvas_size as number[]) : [800, 800];
  const blank = !value && !(Array.isArray(props.sources) && props.sources.length);
  const doc = useRef<EditorDoc | null>(null);
  const history = useRef<History<EditorDoc> | null>(null);
  const sent = useRef("");
  const saves = useRef(0);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const key = valueKey(value);

  const open = (next: EditorDoc | null) => {
    doc.current = next;
    history.current = next ? new History(cloneDoc(next)) : null;
    setVersion((n) => n + 1);
  };
  useEffect(() => {
    if (key && key === sent.current) return;
    let live = true;
    if (!value) open(blank ? blankDoc(cw, ch, names, whiteCanvas(cw, ch)) : null);
    else
      void docOf(value, names, props.fixed_canvas === true ? [cw, ch] : null).then(
        (d) => live && open(d),
        () => live && open(null),
      );
    return () => {
      live = false;
    };
  }, [key, blank, cw, ch, props.fixed_canvas]);

  const save = async () => {
    const current = doc.current;
    if (!current) return;
    const mine = ++saves.current;
    setSaving(true);
    let files: FileData[];
    try {
      files = await uploadFiles(await docFiles(current));
    } finally {
      if (mine === saves.current) setSaving(false);
    }
    if (mine !== saves.current) return;
    const background = current.background ? files.shift()! : null;
    const composite = files.pop()!;
    const next = { background, layers: files, composite };
    sent.current = valueKey(next);
    setValue(next);
  };
  /** Record the document as an undo step, show it and send it. */
  const commit = (next: EditorDoc) => {
    doc.current = next;
    history.current?.push(cloneDoc(next));
    setVersion((n) => n + 1);
    void save();
  };
  const travel = (direction: "undo" | "redo") => {
    const h = history.current;
    if (!h || !(direction === "undo" ? h.canUndo : h.canRedo)) return;
    doc.current = cloneDoc(direction === "undo" ? h.undo() : h.redo());
    setVersion((n) => n + 1);
    void save();
  };
  return { doc, history, version, setVersion, commit, travel, saving, value, layerProps };
}

interface PointerOptions {
  doc: EditorDoc | null;
  display: RefObject<HTMLCanvasElement | null>;
  tool: Tool;
  canDraw: boolean;
  width: number;
  color: Paint;
  ratio: number | null;
  setCrop: (rect: Rect | null) => void;
  onStroke: () => void;
}

/** The canvas's pointer handlers: strokes of the brush or eraser on the selected layer, or the
 * crop rectangle dragged. */
function usePointer(o: PointerOptions) {
  const drag = useRef<Point | null>(null);
  const d = o.doc;
  const point = (event: PointerEvent): Point => {
    const c = o.display.current!;
    const rect = c.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * c.width) / rect.width,
      y: ((event.clientY - rect.top) * c.height) / rect.height,
    };
  };
  const stroke = (to: Point) => {
    const from = drag.current;
    const ctx = d?.layers[d.selected]?.pixels.getContext("2d");
    if (!d || !from || !ctx || !o.display.current) return;
    const erasing = o.tool === "eraser";
    ctx.lineWidth = o.width;
    [ctx.lineCap, ctx.lineJoin, ctx.strokeStyle] = ["round", "round", o.color.css];
    ctx.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    ctx.globalAlpha = erasing ? 1 : o.color.alpha;
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    drag.current = to;
    drawComposite(d, o.display.current);
  };
  const onDown = (e: PointerEvent) => {
    if (!d || (o.tool !== "crop" && (!o.canDraw || !d.layers[d.selected]?.visible))) return;
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    drag.current = point(e);
    if (o.tool === "crop") o.setCrop(null);
    else stroke(point(e));
  };
  const onMove = (e: PointerEvent) => {
    if (!drag.current || !d) return;
    if (o.tool === "crop") o.setCrop(cropRect(drag.current, point(e), d.width, d.height, o.ratio));
    else stroke(point(e));
  };
  const onUp = () => {
    const drew = drag.current && o.tool !== "crop";
    drag.current = null;
    if (drew) o.onStroke();
  };
  return { onDown, onMove, onUp };
}

/** The layer panel's actions on `d`: selecting only redraws, the others are undo steps. */
function layerActions(d: EditorDoc, commit: (next: EditorDoc) => void, refresh: () => void) {
  return {
    onSelect: (i: number) => {
      d.selected = i;
      refresh();
    },
    onToggle: (i: number) => commit({ ...d, layers: toggleLayer(d.layers, i) }),
    onDelete: (i: number) => {
      const [layers, selected] = removeLayer(d.layers, i);
      commit({ ...d, layers, selected });
    },
    onAdd: () => {
      const layer = { name: nextLayerName(d.layers), visible: true, pixels: canvasOf(d.width, d.height) };
      commit({ ...d, layers: [...d.layers, layer], selected: d.layers.length });
    },
  };
}

/** The brush and eraser as the props give them, the colour picked and the sizes set. */
function useDrawTools(props: ComponentProps["props"], d: EditorDoc | null) {
  const brush = (props.brush || null) as ToolProps | null;
  const eraser = (props.eraser || null) as ToolProps | null;
  const given = palette(brush?.colors);
  const colors = given.length ? given : [{ css: "#000000", alpha: 1 }];
  const [color, setColor] = useState(paint(brush?.default_color) ?? colors[0]);
  const [brushSize, setBrushSize] = useState<number | null>(null);
  const [eraserSize, setEraserSize] = useState<number | null>(null);
  const sizes = {
    brush: brushSize ?? toolSize(brush?.default_size, d?.width ?? 1, d?.height ?? 1),
    eraser: eraserSize ?? toolSize(eraser?.default_size, d?.width ?? 1, d?.height ?? 1),
  };
  return { brush, eraser, colors, color, setColor, sizes, setBrushSize, setEraserSize };
}

export default function ImageEditor({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const editor = useEditorDoc(props, setValue);
  const { doc, version, commit } = editor;
  const d = doc.current;
  const { brush, eraser, colors, color, setColor, sizes, setBrushSize, setEraserSize } = useDrawTools(props, d);
  const [tool, setTool] = useState<Tool>("brush");
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const [crop, setCrop] = useState<Rect | null>(null);
  const [ratio, setRatio] = useState("Free");
  const display = useRef<HTMLCanvasElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const state = useUpload(["image"]);
  const transforms = Array.isArray(props.transforms) ? props.transforms : [];

  useEffect(() => {
    if (d && display.current) drawComposite(d, display.current);
  }, [version]);
  useEffect(() => setCrop(null), [version]);
  // The view's width is known only once the stage is laid out, after the document opens.
  const [box, setBox] = useState(0);
  useEffect(() => setBox(stage.current?.clientWidth ?? 0), [version]);

  const scale = zoom === "fit" ? fitZoom(d?.width ?? 1, d?.height ?? 1, box, window.innerHeight * 0.7) : zoom;
  const ratioValue = CROP_RATIOS.find(([name]) => name === ratio)?.[1] ?? null;
  const { onDown, onMove, onUp } = usePointer({
    doc: d,
    display,
    tool,
    canDraw: interactive && brush !== null,
    width: tool === "eraser" ? sizes.eraser : sizes.brush,
    color,
    ratio: ratioValue,
    setCrop,
    onStroke: () => {
      commit(d!);
      fire("apply");
    },
  });
  const layerOps = d && layerActions(d, commit, () => editor.setVersion((n) => n + 1));
  const onBackground = (uploaded: FileData[]) => {
    setValue({ background: uploaded[0], layers: [], composite: uploaded[0] });
    fire("upload", uploaded[0]);
  };
  const h = editor.history.current;
  const showTools = interactive && d !== null;
  return (
    <div class="imageeditor" aria-busy={editor.saving}>
      <FieldLabel forId={inputId} props={props} fallback="Image" />
      {showTools ? (
        <div class="imageeditor-tools" role="toolbar" aria-label="Editor tools">
          {brush ? (
            <DrawTools
              tool={tool}
              setTool={setTool}
              colors={brush.color_mode === "fixed" ? null : colors}
              color={color}
              setColor={setColor}
              brushSize={sizes.brush}
              setBrushSize={setBrushSize}
              eraserSize={eraser ? sizes.eraser : null}
              setEraserSize={setEraserSize}
              maxSize={Math.max(50, Math.round(Math.max(d.width, d.height) / 4))}
            />
          ) : null}
          <EditBar
            transforms={transforms}
            tool={tool}
            setTool={setTool}
            history={h}
            onTravel={editor.travel}
            scale={scale}
            setZoom={setZoom}
            onClear={() => {
              setValue(null);
              fire("clear");
            }}
          />
        </div>
      ) : null}
      {showTools && tool === "crop" ? (
        <CropBar
          ratio={ratio}
          setRatio={setRatio}
          canApply={Boolean(crop && crop.width > 0 && crop.height > 0)}
          onApply={() => {
            if (!crop) return;
            commit(cropDoc(d, crop));
            setTool("brush");
            fire("apply");
          }}
          onCancel={() => {
            setCrop(null);
            setTool("brush");
          }}
        />
      ) : null}
      {showTools && tool === "resize" ? (
        <ResizeBar
          key={`${d.width}x${d.height}`}
          width={d.width}
          height={d.height}
          onApply={(w, hh) => {
            commit(resizeDoc(d, w, hh));
            setTool("brush");
            fire("apply");
          }}
          onCancel={() => setTool("brush")}
        />
      ) : null}
      <div class="imageeditor-body" hidden={!d}>
        <div class="imageeditor-stage" ref={stage}>
          <div
            class="imageeditor-canvas"
            style={d ? { width: `${d.width * scale}px`, height: `${d.height * scale}px` } : undefined}
          >
            <canvas
              ref={display}
              id={d ? inputId : undefined}
              aria-label="Drawing canvas"
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
            />
            {crop && d ? <CropOverlay crop={crop} width={d.width} height={d.height} /> : null}
          </div>
        </div>
        {showTools && layerOps && !editor.layerProps.disabled ? (
          <LayerPanel
            layers={d.layers}
            selected={d.selected}
            canAdd={editor.layerProps.allow_additional_layers !== false}
            {...layerOps}
          />
        ) : null}
      </div>
      {!d && interactive && !editor.value ? (
        <UploadZone id={inputId} fileTypes={["image"]} state={state} onFiles={onBackground} />
      ) : null}
      {!d && !interactive ? <div class="media-empty">No image</div> : null}
    </div>
  );
}
