// The general markdown path: marked (GitHub-flavoured) plus DOMPurify, in a chunk of its own
// that only pages with markdown beyond the simple subset download.

import { Marked } from "marked";
import { sanitize } from "./sanitize";

const marked = new Marked({ gfm: true });

export function renderFull(source: string, breaks: boolean, sanitizeHtml: boolean): string {
  const html = marked.parse(source, { async: false, breaks });
  return sanitizeHtml ? sanitize(html) : html;
}
