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

/** Remove scripts, event handlers and other active content from an HTML string. */
export function sanitize(html: string): string {
  configure();
  return DOMPurify.sanitize(html);
}
