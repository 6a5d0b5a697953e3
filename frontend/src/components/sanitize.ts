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

/** Remove scripts, event handlers and other active content from an HTML string. */
export function sanitize(html: string): string {
  configure();
  return DOMPurify.sanitize(html, { FORBID_TAGS });
}
