// The general markdown path: marked (GitHub-flavoured) plus DOMPurify, in a chunk of its own
// that only pages with markdown beyond the simple subset download.

import { Marked } from "marked";
import { protectMath, restoreMath, type Delimiter } from "./markdown_math";
import { sanitize } from "./sanitize";

const marked = new Marked({ gfm: true });

export interface Rendered {
  html: string;
  /** Whether any math span was found (the caller then loads KaTeX). */
  hasMath: boolean;
}

/** Markdown to HTML, sanitised unless `sanitizeHtml` is false. */
export function renderFull(source: string, breaks: boolean, sanitizeHtml: boolean): string {
  return renderMarkdown(source, breaks, sanitizeHtml, []).html;
}

/** Like `renderFull`, keeping the math between `delimiters` as text for KaTeX. */
export function renderMarkdown(
  source: string,
  breaks: boolean,
  sanitizeHtml: boolean,
  delimiters: Delimiter[],
): Rendered {
  const { source: text, spans } = protectMath(source, delimiters);
  const html = marked.parse(text, { async: false, breaks });
  const safe = sanitizeHtml ? sanitize(html) : html;
  return { html: restoreMath(safe, spans), hasMath: spans.length > 0 };
}
