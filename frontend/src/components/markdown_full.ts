// The general markdown path: marked (GitHub-flavoured) plus DOMPurify, in a chunk of its own
// that only pages with markdown beyond the simple subset download.

import { Lexer, Marked, type Links } from "marked";
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

/** Markdown to HTML with reference links defined elsewhere (another block of a chat message). */
function parseWithLinks(text: string, breaks: boolean, links: Links): string {
  const options = { ...marked.defaults, breaks };
  const lexer = new Lexer(options);
  Object.assign(lexer.tokens.links, links);
  return marked.parser(lexer.lex(text), options);
}

/** Like `renderFull`, keeping the math between `delimiters` as text for KaTeX; `links` resolves
 * `[text][label]` references whose definitions are outside `source`. */
export function renderMarkdown(
  source: string,
  breaks: boolean,
  sanitizeHtml: boolean,
  delimiters: Delimiter[],
  links?: Links,
): Rendered {
  const { source: text, spans } = protectMath(source, delimiters);
  const html = links === undefined ? marked.parse(text, { async: false, breaks }) : parseWithLinks(text, breaks, links);
  const safe = sanitizeHtml ? sanitize(html) : html;
  return { html: restoreMath(safe, spans), hasMath: spans.length > 0 };
}
