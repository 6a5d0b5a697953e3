// The image editor's pure logic, kept apart from the canvas so that it is tested without one:
// the undo history, the layer list, crop rectangles and zoom steps.

/** Snapshots of a document with a cursor: `push` after each edit, `undo`/`redo` move along. */
export class History<T> {
  private states: T[];
  private at = 0;

  constructor(
    first: T,
    private readonly limit = 50,
  ) {
    this.states = [first];
  }

  get current(): T {
    return this.states[this.at];
  }
  get canUndo(): boolean {
    return this.at > 0;
  }
  get canRedo(): boolean {
    return this.at < this.states.length - 1;
  }

  /** A new state: what could be redone is dropped, and the oldest beyond `limit` too. */
  push(state: T): void {
    this.states = [...this.states.slice(0, this.at + 1), state].slice(-this.limit);
    this.at = this.states.length - 1;
  }
  undo(): T {
    if (this.canUndo) this.at -= 1;
    return this.current;
  }
  redo(): T {
    if (this.canRedo) this.at += 1;
    return this.current;
  }
}

/** A drawing layer: its name, whether it is shown, and its pixels (a canvas in the page). */
export interface Layer<P> {
  name: string;
  visible: boolean;
  pixels: P;
}

/** The layers' names when the editor opens: the given ones, or one "Layer 1". */
export function initialNames(names: unknown): string[] {
  const given = Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
  return given.length ? given : ["Layer 1"];
}

/** A name for a new layer that none of `layers` has: "Layer N" with the first free N. */
export function nextLayerName(layers: readonly Layer<unknown>[]): string {
  const taken = new Set(layers.map((l) => l.name));
  let n = layers.length + 1;
  while (taken.has(`Layer ${n}`)) n += 1;
  return `Layer ${n}`;
}

/** `layers` without the one at `index`, and the index selected after (the one before it). */
export function removeLayer<P>(layers: readonly Layer<P>[], index: number): [Layer<P>[], number] {
  if (layers.length <= 1 || index < 0 || index >= layers.length) return [[...layers], index];
  const rest = layers.filter((_, i) => i !== index);
  return [rest, Math.min(Math.max(0, index - 1), rest.length - 1)];
}

/** `layers` with the one at `index` shown or hidden. */
export function toggleLayer<P>(layers: readonly Layer<P>[], index: number): Layer<P>[] {
  return layers.map((l, i) => (i === index ? { ...l, visible: !l.visible } : l));
}

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The crop rectangle dragged from `a` to `b` inside a `width` x `height` image, in whole
 * pixels; with `ratio` (width / height) it keeps that shape, as large as the drag allows. */
export function cropRect(a: Point, b: Point, width: number, height: number, ratio: number | null = null): Rect {
  const ax = clamp(Math.round(a.x), 0, width);
  const ay = clamp(Math.round(a.y), 0, height);
  let w = clamp(Math.round(b.x), 0, width) - ax;
  let h = clamp(Math.round(b.y), 0, height) - ay;
  if (ratio && ratio > 0) {
    // The shape's size is bounded by the drag and by the room left on the side dragged to.
    const roomW = w < 0 ? ax : width - ax;
    const roomH = h < 0 ? ay : height - ay;
    const size = Math.min(Math.abs(w), Math.abs(h) * ratio, roomW, roomH * ratio);
    [w, h] = [Math.sign(w || 1) * Math.round(size), Math.sign(h || 1) * Math.round(size / ratio)];
  }
  return { x: Math.min(ax, ax + w), y: Math.min(ay, ay + h), width: Math.abs(w), height: Math.abs(h) };
}

/** The zoom levels the buttons step through. */
export const ZOOMS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

/** The next zoom level in `direction` (1: in, -1: out) from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOMS.find((z) => z > zoom + 1e-9) ?? ZOOMS[ZOOMS.length - 1];
  return [...ZOOMS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOMS[0];
}

/** The zoom that fits a `width` x `height` image in a `boxWidth` x `boxHeight` view, never
 * enlarging it. */
export function fitZoom(width: number, height: number, boxWidth: number, boxHeight: number): number {
  if (width <= 0 || height <= 0 || boxWidth <= 0 || boxHeight <= 0) return 1;
  return Math.min(1, boxWidth / width, boxHeight / height);
}

/** A size typed by the user, as whole pixels from 1 to 10,000, or null when it is not one. */
export function pixelSize(text: string): number | null {
  const n = Math.round(Number(text));
  return Number.isFinite(n) && n >= 1 && n <= 10_000 ? n : null;
}

/** Where a `width` x `height` image goes, scaled up or down to fit and centred, in a
 * `boxWidth` x `boxHeight` canvas (`fixed_canvas=True`). */
export function containRect(width: number, height: number, boxWidth: number, boxHeight: number): Rect {
  const scale = Math.min(boxWidth / width, boxHeight / height);
  const [w, h] = [Math.round(width * scale), Math.round(height * scale)];
  return { x: Math.round((boxWidth - w) / 2), y: Math.round((boxHeight - h) / 2), width: w, height: h };
}
