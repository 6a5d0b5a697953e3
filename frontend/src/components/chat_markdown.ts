// Markdown for chat messages, rendered incrementally: a message is cut into top-level blocks
// (paragraphs, lists, fenced code, ...) by marked's block lexer, each rendered once, so while a
// reply streams only its last, still-growing block is lexed, parsed and sanitised again. A growing
// message keeps what the previous render found (`RenderedMessage`): the blocks before its last
// one are final once a later block has started, so a token costs the same at the 2,000th token
// as at the 20th (frontend/bench/chat_markdown.bench.ts). Code blocks get a copy button (wired by
// the chatbot through event delegation). Math between the `latex_delimiters` is kept as text for
// KaTeX, which the message row loads only for blocks that have math (and the highlighter only for
// blocks with a fenced language).

import { Lexer, type Links, type Token } from "marked";
import type { Delimiter } from "./markdown_math";
import { renderMarkdown } from "./markdown_full";
import { renderSimple } from "./markdown_simple";

const CACHE_LIMIT = 2000;

/** A message cut into blocks; everything before `tailStart` (where the last block starts) is final. */
export interface Split {
  source: string;
  blocks: string[];
  tailStart: number;
  /** The message's reference-link definitions (`[label]: url`), for blocks that cite them:
   * `finishedLinks` those of its finished blocks, `links` those and the last block's (each the
   * same object until a definition is added or changes), `linksKey` `links` as a cache key
   * ("" for none). */
  finishedLinks: Links;
  links: Links;
  linksKey: string;
}

const NO_LINKS: Links = Object.create(null) as Links;

/** The top-level blocks of `text` and where the last one starts (relative to `text`). */
function lexBlocks(text: string): { tokens: Token[]; lastStart: number } {
  const all = new Lexer({ gfm: true }).blockTokens(text, []);
  const tokens: Token[] = [];
  let offset = 0;
  let lastStart = 0;
  for (const token of all) {
    if (token.type !== "space") {
      tokens.push(token);
      lastStart = offset;
    }
    offset += token.raw.length;
  }
  // marked's tokens cover the text exactly; were that ever not so, lex all of it next time.
  return { tokens, lastStart: offset === text.length ? lastStart : 0 };
}

/** `links` with the definitions among `tokens` added (the first of a label wins, as in marked). */
function withDefinitions(links: Links, tokens: Token[]): Links {
  let out = links;
  for (const token of tokens) {
    if (token.type !== "def" || Object.hasOwn(out, token.tag)) continue;
    if (out === links) out = Object.assign(Object.create(null) as Links, links);
    out[token.tag] = { href: token.href, title: token.title };
  }
  return out;
}

/** Where the `normalized`th character of `text` with its line ends made `\n` is in `text`. */
function rawOffset(text: string, normalized: number): number {
  if (!text.includes("\r")) return normalized;
  let at = 0;
  for (let n = 0; n < normalized; n++) at += text.startsWith("\r\n", at) ? 2 : 1;
  return at;
}

/**
 * Split markdown into top-level blocks as marked reads them. Given the split of a message this
 * one extends (a streamed reply), only its last block and the new text are lexed again.
 */
export function splitBlocks(source: string, previous?: Split): Split {
  if (previous !== undefined && previous.source === source) return previous;
  const grows = previous !== undefined && source.startsWith(previous.source);
  const start = grows ? previous.tailStart : 0;
  const text = source.slice(start);
  const tail = lexBlocks(text.replace(/\r\n?/g, "\n"));
  const last = tail.tokens.at(-1);
  const finishedLinks = withDefinitions(grows ? previous.finishedLinks : NO_LINKS, tail.tokens.slice(0, -1));
  const links = last?.type === "def" ? withDefinitions(finishedLinks, [last]) : finishedLinks;
  const same = previous !== undefined && sameLinks(links, previous.links);
  return {
    source,
    blocks: (grows ? previous.blocks.slice(0, -1) : []).concat(tail.tokens.map((t) => t.raw.replace(/\n+$/, ""))),
    tailStart: last === undefined ? start : start + rawOffset(text, tail.lastStart),
    finishedLinks,
    links: same ? previous.links : links,
    linksKey: same ? previous.linksKey : Object.keys(links).length ? JSON.stringify(links) : "",
  };
}

function sameLinks(a: Links, b: Links): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.hasOwn(b, k) && a[k].href === b[k].href && a[k].title === b[k].title)
  );
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

/** A message's blocks, rendered; pass it back to `renderBlocks` when the message grows. */
export interface RenderedMessage {
  split: Split;
  options: string;
  blocks: RenderedBlock[];
}

const cache = new Map<string, RenderedBlock>();

function optionsKey(options: RenderOptions): string {
  const math = options.delimiters.map((d) => `${d.left}\u0000${d.right}${d.display ? 1 : 0}`).join("\u0001");
  return `${options.breaks ? 1 : 0}${options.sanitize ? 1 : 0}${math}\u0002`;
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

function render(block: string, options: RenderOptions, links?: Links): RenderedBlock {
  const simple = mayHaveMath(block, options.delimiters) ? null : renderSimple(block, options.breaks);
  const rendered =
    simple === null
      ? renderMarkdown(block, options.breaks, options.sanitize, options.delimiters, links)
      : { html: simple, hasMath: false };
  const html = withCopyButtons(rendered.html);
  return { html, hasMath: rendered.hasMath, hasCode: CODE_LANGUAGE.test(html) };
}

/** The message's link definitions if `block` may cite one (renderSimple declines any `[`
 * that is not an inline link, so it needs none). */
function linksFor(block: string, split: Split): Links | undefined {
  return split.linksKey !== "" && block.includes("[") ? split.links : undefined;
}

/** The HTML of one finished block, cached by source and options (a history drawn again). */
function renderFinished(block: string, options: RenderOptions, key: string, split: Split): RenderedBlock {
  const links = linksFor(block, split);
  const cacheKey = `${key}${links ? split.linksKey : ""}\u0003${block}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const html = render(block, options, links);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, html);
  return html;
}

/** The labels defined differently in `after` than in `before` (added, changed or gone). */
function changedLabels(before: Links, after: Links): string[] {
  if (before === after) return [];
  const labels = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...labels].filter((l) => before[l]?.href !== after[l]?.href || before[l]?.title !== after[l]?.title);
}

/** Whether `block` may cite one of `labels` (`[text][label]`, `[label][]` or `[label]`). */
function cites(block: string, labels: string[]): boolean {
  if (labels.length === 0 || !block.includes("[")) return false;
  const text = block.toLowerCase().replace(/\s+/g, " ");
  return labels.some((label) => text.includes(`[${label}]`));
}

/**
 * The HTML of each block of `source`. Given the previous render of a message this one extends,
 * its finished blocks are reused and only the rest is rendered (and the blocks citing a link
 * definition that changed); the last block may still be growing, so it is rendered afresh and
 * not cached.
 */
export function renderBlocks(source: string, options: RenderOptions, previous?: RenderedMessage): RenderedMessage {
  const key = optionsKey(options);
  const before = previous?.options === key ? previous : undefined;
  const split = splitBlocks(source, before?.split);
  if (before !== undefined && split === before.split) return before;
  // The previous render's blocks before its last one were final: those still here are reused.
  const rendered = before?.blocks ?? [];
  const sources = before?.split.blocks ?? [];
  const changed = before === undefined ? [] : changedLabels(before.split.links, split.links);
  const last = split.blocks.length - 1;
  const blocks = split.blocks.map((block, i) => {
    if (i === last) return render(block, options, linksFor(block, split));
    const reusable = i < rendered.length - 1 && block === sources[i] && !cites(block, changed);
    return reusable ? rendered[i] : renderFinished(block, options, key, split);
  });
  return { split, options: key, blocks };
}
