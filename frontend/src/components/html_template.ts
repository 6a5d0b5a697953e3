// gr.HTML templates: `${expression}` parts are a JavaScript template literal written by the
// app's author (trusted like `js=`), evaluated with `value` and every prop in scope; then the
// template's Handlebars tags are filled (see html_handlebars.ts). JavaScript runs first, so text
// from a value can never become template code, and the text it gives is shielded from
// Handlebars. Also: scoping `css_template` to one component, and patching the rendered markup
// into the page without replacing unchanged elements (listeners that `js_on_load` attached stay
// on them; what a user typed stays in its field).

import morphdom from "morphdom";
import { handlebarsLoaded, hasHandlebars, renderHandlebars } from "./html_handlebars";

type TemplateFn = (...args: unknown[]) => string;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(["default", "class", "function", "new", "this", "delete", "in", "var", "let", "const"]);

/**
 * The template's text as the body of a template literal: backticks and backslashes outside
 * `${...}` are escaped; inside an expression (which may hold nested literals) nothing changes.
 */
export function literalBody(template: string): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const c = template[i] ?? "";
    if (c === "$" && template[i + 1] === "{") {
      const end = expressionEnd(template, i + 2);
      out += template.slice(i, end);
      i = end;
    } else {
      out += c === "`" || c === "\\" ? `\\${c}` : c;
      i += 1;
    }
  }
  return out;
}

/** The index just past the `}` that closes the expression starting at `start`. */
function expressionEnd(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length && depth > 0) {
    const c = text[i];
    if (c === "'" || c === '"') i = stringEnd(text, i, c);
    else if (c === "`") i = backtickEnd(text, i + 1);
    else {
      if (c === "{") depth += 1;
      else if (c === "}") depth -= 1;
      i += 1;
    }
  }
  return i;
}

function stringEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function backtickEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== "`") {
    if (text[i] === "\\") i += 2;
    else if (text[i] === "$" && text[i + 1] === "{") i = expressionEnd(text, i + 2);
    else i += 1;
  }
  return i + 1;
}

const compiled = new Map<string, TemplateFn>();

/** The name the compiled template calls its tag function by. */
const TAG = "__limelight_join";

function compile(template: string, names: string[]): TemplateFn {
  const key = `${names.join(",")}\u0000${template}`;
  let fn = compiled.get(key);
  if (!fn) {
    // The app's author wrote this template for this page, as with `js=`. A tagged literal, so
    // that the text each expression gives can be kept out of Handlebars' reach.
    fn = new Function(...names, TAG, `return ${TAG}\`${literalBody(template)}\`;`) as TemplateFn;
    compiled.set(key, fn);
  }
  return fn;
}

/** Private-use stand-ins for the characters that could open or escape a Handlebars tag. */
const SHIELDS: Record<string, string> = { "{": "\uE000", "}": "\uE001", "\\": "\uE002" };
const UNSHIELDS: Record<string, string> = { "\uE000": "{", "\uE001": "}", "\uE002": "\\" };

function joiner(shield: boolean): (strings: TemplateStringsArray, ...values: unknown[]) => string {
  return (strings, ...values) => {
    let out = strings[0] ?? "";
    values.forEach((value, i) => {
      const text = String(value);
      out += (shield ? text.replace(/[{}\\]/g, (c) => SHIELDS[c] ?? c) : text) + (strings[i + 1] ?? "");
    });
    return out;
  };
}

const plain = joiner(false);
const shielded = joiner(true);

/**
 * Fill `template` from `scope` (value and props); throws what the template's code throws.
 * Answers null while a template with Handlebars tags waits for the library (`loadHandlebars`).
 */
export function renderTemplate(template: string, scope: Record<string, unknown>): string | null {
  const tags = hasHandlebars(template);
  if (tags && !handlebarsLoaded()) return null;
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name) && !RESERVED.has(name) && name !== TAG);
  let html = template;
  if (template.includes("${")) {
    const values = names.map((name) => scope[name]);
    html = compile(template, [...names, "props"])(...values, scope, tags ? shielded : plain);
  }
  // Only the template's own tags are filled: what `${}` gave is shown as it is.
  return tags ? renderHandlebars(html, scope).replace(/[\uE000-\uE002]/g, (c) => UNSHIELDS[c] ?? c) : html;
}

/**
 * `css` confined to the element with class `scope`: top-level declarations style that element
 * and rules apply inside it (CSS nesting does the scoping). Ends of blocks cannot escape it.
 */
export function scopeCss(css: string, scope: string): string {
  if (!css.trim()) return "";
  let depth = 0;
  for (const c of css) {
    if (c === "{") depth += 1;
    else if (c === "}") depth -= 1;
    // An unbalanced `}` would close the scope block and let later rules style the whole page.
    if (depth < 0) return "";
  }
  return `.${scope} {\n${css}\n${"}".repeat(depth)}\n}`;
}

/** The text the template last gave each live textarea (its text node then holds the user's). */
const drawnText = new WeakMap<HTMLTextAreaElement, string>();
/** The option the template last chose in each live select. */
const drawnChoice = new WeakMap<HTMLSelectElement, string>();

/**
 * Before morphdom updates `from` to `to`: unchanged markup is left alone, and a form field keeps
 * what the user entered while the template leaves that field's own default unchanged.
 */
function keepEntered(from: HTMLElement, to: HTMLElement): boolean {
  if (from.isEqualNode(to)) return false;
  if (from instanceof HTMLInputElement && to instanceof HTMLInputElement) {
    if (from.getAttribute("value") === to.getAttribute("value")) to.value = from.value;
    if (from.hasAttribute("checked") === to.hasAttribute("checked")) to.checked = from.checked;
  } else if (from instanceof HTMLTextAreaElement && to instanceof HTMLTextAreaElement) {
    const before = drawnText.get(from) ?? from.defaultValue;
    drawnText.set(from, to.defaultValue);
    if (before === to.defaultValue) to.value = from.value;
  } else if (from instanceof HTMLSelectElement && to instanceof HTMLSelectElement && !to.multiple) {
    const before = drawnChoice.get(from) ?? to.value;
    drawnChoice.set(from, to.value);
    // morphdom selects the option whose `selected` attribute is set, so the choice goes there.
    const options = Array.from(to.options);
    if (before === to.value && options.some((option) => option.value === from.value)) {
      for (const option of options) option.toggleAttribute("selected", option.value === from.value);
    }
  }
  return true;
}

/**
 * Make `root`'s children match `html`, changing only what differs (morphdom): unchanged
 * elements, their listeners (`js_on_load`'s) and elements matched by `id` stay in place.
 */
export function patchHtml(root: HTMLElement, html: string): void {
  const template = document.createElement("template");
  template.innerHTML = html;
  // Moved, not parsed again: a `<tr>` at the top stays one, as the template element parsed it.
  const next = document.createElement("div");
  next.append(template.content);
  morphdom(root, next, { childrenOnly: true, onBeforeElUpdated: keepEntered });
}
