// The image editor's document on canvases: a background and drawing layers of one size, copied
// whole for each undo step, cropped, resized, flattened and exported as PNG files.

import type { Layer, Rect } from "./image_editor_model";

/** The editor's picture. A blank canvas has a white background; a value of layers alone has
 * none (drawn white, sent as null). */
export interface EditorDoc {
  width: number;
  height: number;
  background: HTMLCanvasElement | null;
  layers: Layer<HTMLCanvasElement>[];
  selected: number;
}

/** A new canvas of that size, with `source` drawn into it (scaled to fill it) if given. */
export function canvasOf(width: number, height: number, source?: CanvasImageSource): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  [canvas.width, canvas.height] = [width, height];
  if (source) canvas.getContext("2d")?.drawImage(source, 0, 0, width, height);
  return canvas;
}

/** Every canvas of `doc` passed through `map` into a new document of the new size. */
function remap(doc: EditorDoc, width: number, height: number, map: (c: HTMLCanvasElement) => HTMLCanvasElement) {
  return {
    ...doc,
    width,
    height,
    background: doc.background && map(doc.background),
    layers: doc.layers.map((l) => ({ ...l, pixels: map(l.pixels) })),
  };
}

/** A copy of `doc` whose canvases are its own, so later strokes leave `doc` as it was. */
export function cloneDoc(doc: EditorDoc): EditorDoc {
  return remap(doc, doc.width, doc.height, (c) => canvasOf(c.width, c.height, c));
}

/** `doc` cut to `rect`. */
export function cropDoc(doc: EditorDoc, rect: Rect): EditorDoc {
  return remap(doc, rect.width, rect.height, (c) => {
    const out = canvasOf(rect.width, rect.height);
    out.getContext("2d")?.drawImage(c, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
    return out;
  });
}

/** `doc` scaled to `width` x `height`. */
export function resizeDoc(doc: EditorDoc, width: number, height: number): EditorDoc {
  return remap(doc, width, height, (c) => canvasOf(width, height, c));
}

/** The background (white when blank) with the shown layers over it, onto `target`. */
export function drawComposite(doc: EditorDoc, target: HTMLCanvasElement): void {
  if (target.width !== doc.width || target.height !== doc.height) {
    [target.width, target.height] = [doc.width, doc.height];
  }
  const ctx = target.getContext("2d");
  if (!ctx) return;
  ctx.globalCompositeOperation = "source-over";
  ctx.globalAlpha = 1;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, doc.width, doc.height);
  if (doc.background) ctx.drawImage(doc.background, 0, 0);
  for (const layer of doc.layers) if (layer.visible) ctx.drawImage(layer.pixels, 0, 0);
}

function pngFile(canvas: HTMLCanvasElement, name: string): Promise<File> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(new File([blob], name)) : reject(new Error("No PNG"))), "image/png"),
  );
}

/** The files of the editor value, in order: background (if any), each layer, the composite. */
export function docFiles(doc: EditorDoc): Promise<File[]> {
  const composite = canvasOf(doc.width, doc.height);
  drawComposite(doc, composite);
  return Promise.all([
    ...(doc.background ? [pngFile(doc.background, "background.png")] : []),
    ...doc.layers.map((l, i) => pngFile(l.pixels, `layer_${i + 1}.png`)),
    pngFile(composite, "composite.png"),
  ]);
}

/** A white canvas: a blank editor's background, sent as its `background` as Gradio does. */
export function whiteCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = canvasOf(width, height);
  const ctx = canvas.getContext("2d");
  if (ctx) ctx.fillStyle = "#ffffff";
  ctx?.fillRect(0, 0, width, height);
  return canvas;
}

/** A blank document of that size with one empty layer per name. */
export function blankDoc(width: number, height: number, names: string[], background: HTMLCanvasElement | null) {
  const layers = names.map((name) => ({ name, visible: true, pixels: canvasOf(width, height) }));
  return { width, height, background, layers, selected: 0 };
}

/** An image file, loaded. */
export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`Cannot load ${url}`));
    img.src = url;
  });
}
