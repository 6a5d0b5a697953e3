// HTML sanitising shared by the markdown and html components (and only loaded with them).

import DOMPurify from "dompurify";

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
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
