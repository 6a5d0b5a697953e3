// `@gr.render` in the page: when a render event completes, its `render_config` replaces the
// children of the render's container, adds the blocks it drew and wires its listeners; whatever
// the previous run of that container drew and this one did not is forgotten.

import { batch } from "@preact/signals";
import type { DependencyConfig, RenderConfig } from "./config";
import type { Store } from "./store";

/** Whether `value` is what the server sends as `output.render_config` when a render function has run. */
export function isRenderConfig(value: unknown): value is RenderConfig {
  if (typeof value !== "object" || value === null) return false;
  const config = value as Partial<RenderConfig>;
  return (
    typeof config.id === "number" &&
    typeof config.layout === "object" &&
    config.layout !== null &&
    Array.isArray(config.components) &&
    Array.isArray(config.dependencies)
  );
}

/** The dispatcher's side of a render: its table of listeners. */
export interface RenderedListeners {
  /** Forget the listeners rendered into any of `containers`, then add `added`. */
  replaceRendered(containers: Set<number>, added: DependencyConfig[]): void;
}

export class Renderer {
  /** For each render container, the blocks its latest render drew. */
  private readonly drawn = new Map<number, number[]>();

  constructor(
    private readonly store: Store,
    private readonly listeners: RenderedListeners,
  ) {}

  /** Draw a `render_config` (anything else is ignored). */
  apply(config: unknown): void {
    if (!isRenderConfig(config)) return;
    const kept = new Set(config.components.map((c) => c.id));
    const emptied = new Set<number>([config.id]);
    batch(() => {
      this.forget(config.id, kept, emptied);
      for (const c of config.components) this.store.add(c);
      this.store.layout(config.id).value = config.layout;
    });
    this.drawn.set(config.id, [...kept]);
    this.listeners.replaceRendered(emptied, config.dependencies);
  }

  /** Drop what `container` drew that is not in `kept`, and whatever dropped containers drew. */
  private forget(container: number, kept: Set<number>, emptied: Set<number>): void {
    for (const id of this.drawn.get(container) ?? []) {
      if (kept.has(id)) continue;
      if (this.drawn.has(id)) {
        emptied.add(id);
        this.forget(id, new Set(), emptied);
        this.drawn.delete(id);
      }
      this.store.remove(id);
    }
  }
}
