// `js=`: JavaScript written by the app's author, run in the page. A listener's `js` is a
// function (arrow function or function expression) called with the inputs' current values;
// `gr.Blocks(js=...)` is one called once when the page has loaded.

import type { Notify } from "./toasts";

export type JsFunction = (...args: unknown[]) => unknown;

const compiled = new Map<string, JsFunction>();

/**
 * Turn `js=` source into a function. Source that is not an expression is taken as the body of
 * a function, so a bare statement list (as older apps pass to `gr.Blocks(js=...)`) also runs.
 * Throws a `SyntaxError` for source that is neither, a `TypeError` for a non-function value.
 */
export function compileJs(source: string): JsFunction {
  const known = compiled.get(source);
  if (known) return known;
  let value: unknown;
  try {
    // The app's author wrote this code for this page: running it is the point of `js=`.
    value = new Function(`return (${source}\n);`)();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    value = new Function(source);
  }
  if (typeof value !== "function") throw new TypeError("js= must be a JavaScript function");
  const fn = value as JsFunction;
  compiled.set(source, fn);
  return fn;
}

/** Call `js=` source with `args`, awaiting a returned promise. */
export async function runJs(source: string, args: unknown[]): Promise<unknown> {
  return await compileJs(source)(...args);
}

/**
 * What a `js=` function returned, as one value per input or output: an array is one value per
 * slot, anything else the value of the only slot. `undefined` (no return) gives null: nothing
 * to change.
 */
export function jsValues(result: unknown): unknown[] | null {
  if (result === undefined) return null;
  return Array.isArray(result) ? result : [result];
}

/** A `js=` failure as toast text. */
export function jsErrorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `The page's JavaScript (js=) failed: ${text}`;
}

/** What running `js=` gave: its values (see `jsValues`), or a failure already shown. */
export type JsResult = { ok: true; values: unknown[] | null } | { ok: false };

/** Run `js=` source with `args`; a failure is shown as an error toast. */
export async function callJs(source: string, args: unknown[], notify: Notify): Promise<JsResult> {
  try {
    return { ok: true, values: jsValues(await runJs(source, args)) };
  } catch (error) {
    notify({ level: "error", title: "JavaScript error", message: jsErrorMessage(error) });
    return { ok: false };
  }
}
