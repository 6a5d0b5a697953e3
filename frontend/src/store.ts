// The page's state: every block's props as a signal, and the loading status shown on outputs.
// Components read `store.props(id).value` while rendering, so only the blocks whose props change
// re-render when an output arrives.

import { signal, type Signal } from "@preact/signals";
import type { ComponentConfig, LayoutNode, Props, ShowProgress } from "./config";
import type { ProgressUnit } from "./wire";

/** What an output shows while an event that writes to it is queued or running. */
export interface LoadingStatus {
  /** Identifies the run that set this status, so an older run cannot clear a newer one's. */
  token: number;
  phase: "queued" | "running";
  mode: ShowProgress;
  /** 0-based queue position and queue length while queued. */
  rank: number | null;
  queueSize: number | null;
  /** Seconds the server expects the run to take. */
  eta: number | null;
  /** `performance.now()` when the run started (or was queued). */
  since: number;
  progress: ProgressUnit[] | null;
}

/** Structural equality for JSON values: decides whether an output changed a value. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((key) => key in rb && jsonEqual((a as Record<string, unknown>)[key], rb[key]));
}

/** `{"__type__": "update", ...}`: an output that sets props rather than only the value. */
export function isUpdate(value: unknown): value is Props & { __type__: "update" } {
  return typeof value === "object" && value !== null && (value as Props).__type__ === "update";
}

function preservedProps(props: Props): string[] {
  const names = props.preserved_by_key ?? "value";
  if (typeof names === "string") return [names];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
}

export class Store {
  readonly types = new Map<number, string>();
  private readonly propSignals = new Map<number, Signal<Props>>();
  private readonly statusSignals = new Map<number, Signal<LoadingStatus | null>>();
  private readonly layoutSignals = new Map<number, Signal<LayoutNode | null>>();

  constructor(components: ComponentConfig[]) {
    for (const c of components) this.add(c);
  }

  /**
   * Declare a block. A block already known (a keyed component drawn again by `@gr.render`)
   * keeps the props named in its `preserved_by_key` (its `value` by default) and takes the rest.
   */
  add(c: ComponentConfig): void {
    this.types.set(c.id, c.type);
    const existing = this.propSignals.get(c.id);
    if (!existing) {
      this.propSignals.set(c.id, signal({ ...c.props }));
      return;
    }
    const kept: Props = {};
    const before = existing.peek();
    for (const name of preservedProps(c.props)) if (name in before) kept[name] = before[name];
    existing.value = { ...c.props, ...kept };
  }

  /** Forget a block that a re-render dropped. */
  remove(id: number): void {
    this.types.delete(id);
    this.propSignals.delete(id);
    this.statusSignals.delete(id);
    this.layoutSignals.delete(id);
  }

  /** A container's children as last drawn by `@gr.render` (null: as in the page config). */
  layout(id: number): Signal<LayoutNode | null> {
    let s = this.layoutSignals.get(id);
    if (!s) {
      s = signal(null);
      this.layoutSignals.set(id, s);
    }
    return s;
  }

  /** The props signal of a block (an empty one for ids the config did not declare). */
  props(id: number): Signal<Props> {
    let s = this.propSignals.get(id);
    if (!s) {
      s = signal({});
      this.propSignals.set(id, s);
    }
    return s;
  }

  value(id: number): unknown {
    return this.props(id).peek().value;
  }

  /** Merge `patch` into a block's props; returns whether its `value` changed. */
  update(id: number, patch: Props): boolean {
    const s = this.props(id);
    const before = s.peek();
    const changed = "value" in patch && !jsonEqual(before.value, patch.value);
    s.value = { ...before, ...patch };
    return changed;
  }

  /**
   * Apply one entry of an output's `data`: a plain value, or an update object whose keys replace
   * props. Returns whether the value changed (which fires the block's `change` event).
   */
  applyOutput(id: number, data: unknown): boolean {
    if (isUpdate(data)) {
      const { __type__: _ignored, ...patch } = data;
      return this.update(id, patch);
    }
    return this.update(id, { value: data });
  }

  status(id: number): Signal<LoadingStatus | null> {
    let s = this.statusSignals.get(id);
    if (!s) {
      s = signal(null);
      this.statusSignals.set(id, s);
    }
    return s;
  }

  /** Set or patch the status of a block, owned by the run `token`. */
  setStatus(id: number, status: LoadingStatus): void {
    this.status(id).value = status;
  }

  patchStatus(id: number, token: number, patch: Partial<LoadingStatus>): void {
    const s = this.status(id);
    const current = s.peek();
    if (current && current.token === token) s.value = { ...current, ...patch };
  }

  clearStatus(id: number, token: number): void {
    const s = this.status(id);
    if (s.peek()?.token === token) s.value = null;
  }
}
