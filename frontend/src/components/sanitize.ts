// HTML sanitising shared by the markdown and html components (and only loaded with them).

import DOMPurify from "dompurify";

let configured = false;

/** One CSS escape: up to six hex digits and an optional space, or any other character. */
const CSS_ESCAPE = /\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n\r\f0-9a-fA-F]))/g;
/** `url(...)` and `src(...)`, quoted or not. */
const URL_FUNCTION = /\b(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/gi;
/** Constructs that load a resource named by a plain string: `@import "x"`, `image-set("x" 1x)`. */
const STRING_LOADERS = /@import\b|(?:-webkit-)?image-set\(/gi;

/** CSS text with its escapes decoded (`\75 rl(` is `url(` to the browser). */
function unescapeCss(css: string): string {
  return css.replace(CSS_ESCAPE, (_, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? "";
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** Whether a CSS `url()` target is fetched from another site: anything but a `data:` URL or a
 * path on this one. Tabs and newlines go first, as the URL parser drops them; a backslash is
 * a slash to it (`/\\evil.com` is `//evil.com`). */
function loadsFromOutside(target: string): boolean {
  const url = target
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+/, "")
    .toLowerCase();
  if (url.startsWith("data:")) return false;
  return /^[a-z][a-z0-9+.-]*:/.test(url) || url.startsWith("//") || url.includes("\\");
}

/** `css` without what would load a resource from another site (docs/security.md #23): such a
 * `url()` becomes `none`, `@import` and `image-set()` are broken. A value's CSS could
 * otherwise track whoever views it, or (with attribute selectors) send the page's contents
 * away. CSS that loads nothing from outside comes back unchanged. */
export function stripCssUrls(css: string): string {
  let text = unescapeCss(css);
  let outside = false;
  for (let round = 0; round < 5; round++) {
    const before = text;
    text = text.replace(URL_FUNCTION, (whole: string, double?: string, single?: string, bare?: string) => {
      if (!loadsFromOutside(double ?? single ?? bare ?? "")) return whole;
      outside = true;
      return "none";
    });
    text = text.replace(STRING_LOADERS, () => {
      outside = true;
      return "none(";
    });
    if (text === before) break;
  }
  return outside ? text : css;
}

function configure(): void {
  if (configured) return;
  configured = true;
  DOMPurify.addHook("uponSanitizeAttribute", (_node, data) => {
    if (data.attrName === "style") data.attrValue = stripCssUrls(data.attrValue);
  });
  DOMPurify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && node.textContent) node.textContent = stripCssUrls(node.textContent);
  });
  // Links out of the app open in a new tab, and cannot reach back into this page.
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.getAttribute("href") && !node.getAttribute("href")?.startsWith("#")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });
}

/** Tags that load or restyle things beyond their own box: a value may not bring them in. */
const FORBID_TAGS = ["style", "link", "iframe", "frame", "object", "embed", "base", "meta", "form"];

/** The same, less `style`: gr.HTML shows a value's `<style>` blocks, as Gradio does. */
const FORBID_TAGS_KEEPING_STYLE = FORBID_TAGS.filter((tag) => tag !== "style");

/** Remove scripts, event handlers and other active content from an HTML string; with
 * `keepStyle`, `<style>` blocks stay (wherever they are: FORCE_BODY keeps a leading one,
 * which the parser would otherwise move into a dropped `<head>`). */
export function sanitize(html: string, keepStyle = false): string {
  configure();
  if (!keepStyle) return DOMPurify.sanitize(html, { FORBID_TAGS });
  return DOMPurify.sanitize(html, { FORBID_TAGS: FORBID_TAGS_KEEPING_STYLE, FORCE_BODY: true });
}
