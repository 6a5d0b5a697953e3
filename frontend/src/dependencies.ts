// What a listener's config says, read the same way wherever the page needs it: what it chains on,
// its browser-side code, how its inputs are sent, and which blocks are inputs and outputs.

import type { DependencyConfig } from "./config";

/** Whether a chained dependency runs only when its upstream ends in `result`. */
export function chainsOn(dep: DependencyConfig, result: "success" | "failure"): boolean {
  const flag = result === "success" ? dep.trigger_only_on_success : dep.trigger_only_on_failure;
  return Boolean(flag) || dep.targets.some(([blockId, event]) => blockId === null && event === result);
}

/** A listener's `js=` source (`js=True`, Python run as JavaScript, is not supported: ignored). */
export function jsOf(dep: DependencyConfig): string | null {
  return typeof dep.js === "string" && dep.js.trim() !== "" ? dep.js : null;
}

/** Which blocks are inputs and which are outputs of some dependency (for default interactivity). */
export function dependencyRoles(deps: DependencyConfig[]): { inputs: Set<number>; outputs: Set<number> } {
  return {
    inputs: new Set(deps.flatMap((d) => d.inputs)),
    outputs: new Set(deps.flatMap((d) => d.outputs)),
  };
}

/** The inputs a function takes as component arguments (`x: gr.Image`) are sent, as in
 * Gradio, as `{value}` (the server keeps the props). */
export function asArguments(dep: DependencyConfig, data: unknown[]): unknown[] {
  const wrapped = new Set(dep.component_prop_inputs ?? []);
  return wrapped.size ? data.map((value, i) => (wrapped.has(i) ? { value } : value)) : data;
}
