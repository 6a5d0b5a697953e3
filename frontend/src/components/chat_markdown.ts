// Markdown for chat messages, rendered incrementally: a message is cut into top-level blocks
// (paragraphs, lists, fenced code, ...), each rendered once and cached by its source, so while a
// reply streams only its last, still-growing block is parsed and sanitised again. Code blocks get
// a copy button (wired by the chatbot through event delegation). Math between the
// `latex_delimiters` is kept as text for KaTeX, which the message row loads only for blocks that
// have math (and the highlighter only for blocks with a fenced language).

import type { Delimiter } from "./markdown_math";
import { renderMarkdown } from "./markdown_full";
import { renderSimple } from "./markdown_simple";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d+[.)])\s/;
const CACHE_LIMIT = 2000;

/** Split markdown into top-level blocks at blank lines outside fenced code. Indented lines and
 * list items that follow a list stay with it, so a list with blank lines is one block. */
export function splitBlocks(source: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  let sawBlank = false;
  const flush = () => {
    if (current.length) blocks.push(current.join("\n"));
    current = [];
  };
  for (const line of source.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      current.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (line.trim() === "") {
      sawBlank = current.length > 0;
      continue;
    }
    if (sawBlank) {
      const continuesList = LIST_ITEM.test(current[0]) && (/^\s/.test(line) || LIST_ITEM.test(line));
      if (continuesList) current.push("");
      else flush();
      sawBlank = false;
    }
    if (marker) fence = marker;
    current.push(line);
  }
  flush();
  return blocks;
}

export interface RenderOptions {
  breaks: boolean;
  sanitize: boolean;
  delimiters: Delimiter[];
}

/** One rendered block, and what it needs typeset after it is in the page. */
export interface RenderedBlock {
  html: string;
  hasMath: boolean;
  hasCode: boolean;
}

const cache = new Map<string, RenderedBlock>();

function cacheKey(block: string, options: RenderOptions): string {
  const math = options.delimiters.map((d) => `${d.left}\u0000${d.right}${d.display ? 1 : 0}`).join("\u0001");
  return `${options.breaks ? 1 : 0}${options.sanitize ? 1 : 0}${math}\u0002${block}`;
}

/** Give every code block a copy button; the chatbot handles its clicks. */
function withCopyButtons(html: string): string {
  if (!html.includes("<pre")) return html;
  return html.replace(
    /<pre>/g,
    '<pre class="has-copy"><button type="button" class="copy-code" aria-label="Copy code">Copy</button>',
  );
}

/** Whether the block may hold math: the simple renderer must not see it then. */
function mayHaveMath(block: string, delimiters: Delimiter[]): boolean {
  return delimiters.some((d) => block.includes(d.left));
}

const CODE_LANGUAGE = /<code class="language-/;

function render(block: string, options: RenderOptions): RenderedBlock {
  const simple = mayHaveMath(block, options.delimiters) ? null : renderSimple(block, options.breaks);
  const rendered =
    simple === null
      ? renderMarkdown(block, options.breaks, options.sanitize, options.delimiters)
      : { html: simple, hasMath: false };
  const html = withCopyButtons(rendered.html);
  return { html, hasMath: rendered.hasMath, hasCode: CODE_LANGUAGE.test(html) };
}

/** The HTML of one finished block, cached by source and options. */
export function renderBlock(block: string, options: RenderOptions): RenderedBlock {
  const key = cacheKey(block, options);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = render(block, options);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}

/**
 * The HTML of each block of `source`. Earlier blocks come from the cache; the last one may still
 * be growing (a streamed reply), so it is rendered afresh and not cached.
 */
export function renderBlocks(source: string, options: RenderOptions): RenderedBlock[] {
  const blocks = splitBlocks(source);
  return blocks.map((block, i) => (i === blocks.length - 1 ? render(block, options) : renderBlock(block, options)));
}
