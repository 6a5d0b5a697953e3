// The contract between the page and a component or layout module, plus the small pieces every
// component shares (label, prop readers, status overlay). This module is part of the entry chunk,
// so component chunks import it for free.

import type { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { LayoutNode, Props } from "./config";
import type { LoadingStatus } from "./store";
import type { ProgressUnit } from "./wire";

/** A component's media input stream (present when some event listens to its `stream`). */
export interface StreamControl {
  /** Seconds between chunks (the listener's `stream_every`). */
  every: number;
  /** Send a chunk as the component's value; false once the server ended the stream (time limit). */
  send: (value: unknown) => boolean;
  /** The user stopped streaming. */
  end: () => void;
}

/** What a component module's default export receives. */
export interface ComponentProps {
  id: number;
  type: string;
  /** The DOM id of the component's main control; its `<label for>` points here. */
  inputId: string;
  props: Props;
  /** Whether the user may edit the value (`interactive`, or inferred from the app's events). */
  interactive: boolean;
  /** A user edit: stores the value and fires `input` then `change`. */
  setValue: (value: unknown) => void;
  /** Fire any other event (`click`, `submit`, `select`, `release`, `focus`, `blur`, ...). */
  fire: (event: string, data?: unknown) => void;
  stream?: StreamControl;
  /** Whether an event that writes to this block is queued or running (e.g. to show a stop button). */
  busy?: boolean;
  /** The blocks created inside a component used as a context (`with gr.HTML(...):`), drawn. */
  children?: VNode[];
  /** Call one of the component's server functions (`server_fns`, e.g. a FileExplorer's `ls`). */
  callServer?: (fnName: string, data: unknown) => Promise<unknown>;
}

/** What a layout module's default export receives. */
export interface LayoutProps {
  id: number;
  props: Props;
  node: LayoutNode;
  renderChild: (child: LayoutNode) => VNode;
  fire: (blockId: number, event: string, data?: unknown) => void;
  /** Read another block's props (tabs read their tab items' labels). */
  propsOf: (blockId: number) => Props;
}

export function str(value: unknown, fallback = ""): string {
  if (value === null || value === undefined) return fallback;
  return typeof value === "string" ? value : String(value);
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A `visible` of false (or 6.x's "hidden") hides a block. */
export function isHidden(props: Props): boolean {
  return props.visible === false || props.visible === "hidden";
}

/** `visible` false takes a block off the page; 6.x's "hidden" keeps it in the DOM, undrawn
 * (scripts and tests still find it, and it keeps its own state). */
export function isRemoved(props: Props): boolean {
  return props.visible === false;
}

/** Class list of a block: its own classes plus `elem_classes`. */
export function blockClass(base: string, props: Props): string {
  const extra = props.elem_classes;
  const list = Array.isArray(extra) ? extra : typeof extra === "string" ? [extra] : [];
  return [base, ...list].join(" ");
}

/** `scale` and `min_width` as CSS variables that rows turn into flex sizing. */
export function sizeStyle(props: Props): Record<string, string> {
  const style: Record<string, string> = {};
  const scale = num(props.scale);
  const minWidth = num(props.min_width);
  if (scale !== null) style["--scale"] = String(scale);
  if (scale === 0) style["--basis"] = "auto";
  if (minWidth !== null) style["--min-w"] = `min(${minWidth}px, 100%)`;
  return style;
}

function cssLength(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  return typeof value === "string" && value ? value : null;
}

/** `height`, `max_height` and `min_height` (a number is pixels, a string any CSS length); a
 * bounded height scrolls. */
export function heightStyle(props: Props): Record<string, string> {
  const style: Record<string, string> = {};
  const height = cssLength(props.height);
  const max = cssLength(props.max_height);
  const min = cssLength(props.min_height);
  if (height) style.height = height;
  if (max) style.maxHeight = max;
  if (min) style.minHeight = min;
  if (height || max) style.overflowY = "auto";
  return style;
}

/** A block's DOM id: its `elem_id`, else one derived from its block id. */
export function domId(id: number, props: Props): string {
  return str(props.elem_id) || `component-${id}`;
}

interface FieldLabelProps {
  forId: string;
  props: Props;
  /** Text used when the block has no label (keeps the control named for screen readers). */
  fallback?: string;
}

/**
 * A component's `<label>` and `info` line. Without a `label` prop the component's kind is shown
 * (as Gradio does); with `show_label` false the label is kept for screen readers only.
 */
export function FieldLabel({ forId, props, fallback = "" }: FieldLabelProps) {
  const label = str(props.label) || fallback;
  const visible = props.show_label !== false && label !== "";
  return (
    <>
      <label for={forId} class={visible ? "field-label" : "sr-only"}>
        {label}
      </label>
      {props.info ? <div class="field-info">{str(props.info)}</div> : null}
    </>
  );
}

function Elapsed({ since, eta }: { since: number; eta: number | null }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - since) / 1000);
  return (
    <span class="status-timer" aria-hidden="true">
      {seconds.toFixed(1)}
      {eta ? `/${eta.toFixed(1)}` : ""}s
    </span>
  );
}

function fraction(unit: ProgressUnit): number | null {
  if (typeof unit.progress === "number") return unit.progress;
  if (typeof unit.index === "number" && typeof unit.length === "number" && unit.length > 0) {
    return unit.index / unit.length;
  }
  return null;
}

function ProgressBars({ units }: { units: ProgressUnit[] }) {
  return (
    <div class="status-progress">
      {units.map((unit, i) => {
        const f = fraction(unit);
        const count = typeof unit.length === "number" ? `${unit.index ?? 0}/${unit.length}` : `${unit.index ?? 0}`;
        return (
          <div class="progress-row" key={i}>
            <div class="progress-text">
              {unit.desc ? `${unit.desc} ` : ""}
              {f !== null && unit.progress != null ? `${Math.round(f * 100)}%` : `${count} ${unit.unit ?? ""}`}
            </div>
            {f !== null ? (
              <div
                class="progress-track"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(f * 100)}
              >
                <div class="progress-fill" style={{ width: `${Math.min(100, f * 100)}%` }} />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The queue position, timer and progress shown over a block while an event writes to it. */
export function StatusView({ status }: { status: LoadingStatus | null }) {
  if (!status || status.mode === "hidden") return null;
  const queued = status.phase === "queued" && status.rank !== null;
  const label = queued ? (
    <span class="status-queue">
      queue: {(status.rank ?? 0) + 1}/{status.queueSize ?? "?"}
    </span>
  ) : (
    <Elapsed since={status.since} eta={status.eta} />
  );
  if (status.mode === "minimal") {
    return <div class="status status-minimal">{label}</div>;
  }
  return (
    <div class="status status-full">
      <div class="status-box">
        {label}
        {status.progress?.length ? <ProgressBars units={status.progress} /> : null}
      </div>
    </div>
  );
}

/** A `[display, value]` choice; Gradio sends choices as pairs, older configs as bare values. */
export type Choice = [display: string, value: unknown];

export function choicesOf(props: Props): Choice[] {
  const raw = Array.isArray(props.choices) ? props.choices : [];
  return raw.map((c): Choice => (Array.isArray(c) ? [str(c[0]), c.length > 1 ? c[1] : c[0]] : [str(c), c]));
}

/** The title of an output-only component (no form control to point a `<label for>` at). */
export function BlockTitle({ id, props }: { id: string; props: Props }) {
  const label = str(props.label);
  if (!label) return null;
  return (
    <div id={id} class={props.show_label === false ? "sr-only" : "field-label block-label"}>
      {label}
    </div>
  );
}
