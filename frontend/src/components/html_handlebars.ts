// The Handlebars tags of gr.HTML templates, filled by the `handlebars` library (its full build:
// templates arrive with the page, so they are compiled in it). The library is a chunk of its
// own, downloaded the first time a template has a tag; until it has arrived, nothing renders.

import type { TemplateDelegate } from "handlebars";

type Engine = typeof import("handlebars");

let engine: Engine | null = null;
let loading: Promise<void> | null = null;
const compiled = new Map<string, TemplateDelegate>();

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
  "`": "&#x60;",
  "=": "&#x3D;",
};

/** Text made safe to place in HTML content or a quoted attribute (errors shown before loading). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c] ?? c);
}

/** Whether a template uses Handlebars tags at all. */
export function hasHandlebars(template: string): boolean {
  return template.includes("{{");
}

/** Download the library once; resolves when `renderHandlebars` can fill templates. */
export function loadHandlebars(): Promise<void> {
  loading ??= import("handlebars").then(
    (module) => {
      // An environment of our own: helpers registered on the shared instance never reach it.
      engine = module.default.create();
    },
    (error: unknown) => {
      loading = null; // the next redraw tries again
      throw error;
    },
  );
  return loading;
}

/** Whether the library has arrived. */
export function handlebarsLoaded(): boolean {
  return engine !== null;
}

/**
 * Fill a template's Handlebars tags from `context`; throws the library's error for a malformed
 * one. Call only once `handlebarsLoaded()`.
 */
export function renderHandlebars(template: string, context: Record<string, unknown>): string {
  if (!engine) throw new Error("Handlebars has not loaded yet");
  let fill = compiled.get(template);
  if (!fill) {
    fill = engine.compile(template);
    compiled.set(template, fill);
  }
  return fill(context);
}
