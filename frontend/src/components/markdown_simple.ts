// A fast path for the markdown most apps show (a title, a line of description): headings and
// paragraphs with **bold**, *italic*, `code` and [links](https://…). It builds HTML only from
// escaped text, so it needs no sanitiser, and it declines (returns null) anything else, which then
// goes to marked + DOMPurify. Its output matches theirs exactly (tests compare the two), so a page
// looks the same whichever path drew it; the point is that most pages never download them.

/** Block syntax this renderer leaves to marked: lists, quotes, fences, indented code, rules,
 * setext underlines, over-long ATX markers and hard line breaks. */
const COMPLEX_BLOCK =
  /^ {0,3}(?:[-+*](?:\s|$)|\d+[.)](?:\s|$)|>|#{7,}|`{3}|~{3})|^ {4}|^ {0,3}(?:=+|-+|(?:[*_] *){3,})\s*$| {2,}$|\t/m;
/** Inline syntax (raw HTML, entities, escapes, tables, strikethrough, autolinks, images, …). */
const COMPLEX_TEXT = /[<&\\|~_[\]@^$]|https?:|www\./i;
const LINK = /\[([^[\]]+)\]\(([\w\-.~:/?#@!$+,;=%]+)\)/g;
const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/|\.{1,2}\/|[\w-]+(?:[./#?]|$))/i;
const ALNUM = "[\\p{L}\\p{N}]";
const STRONG = new RegExp(`\\*\\*(?=${ALNUM})([^*]*?${ALNUM})\\*\\*`, "gu");
const EM = new RegExp(`\\*(?=${ALNUM})([^*]*?${ALNUM})\\*`, "gu");

class Declined extends Error {}

/** Escape text the way the sanitiser serialises it (`<` and `&` never get this far). */
function escape(text: string): string {
  return text.replace(/>/g, "&gt;");
}

/** Emphasis in a run of plain text (no code, no links). */
function emphasis(text: string): string {
  if (COMPLEX_TEXT.test(text)) throw new Declined();
  const out = escape(text).replace(STRONG, "<strong>$1</strong>").replace(EM, "<em>$1</em>");
  if (out.replace(/<\/?(?:strong|em)>/g, "").includes("*")) throw new Declined();
  return out;
}

/** Code spans and emphasis in text without links. */
function codeAndEmphasis(text: string): string {
  const parts = text.split("`");
  if (parts.length % 2 === 0) throw new Declined(); // an unclosed backtick
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return emphasis(part);
      if (part === "" || /^ | $|\n/.test(part) || /[&<]/.test(part)) throw new Declined();
      return `<code>${escape(part)}</code>`;
    })
    .join("");
}

function inline(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [whole, label, url] = match;
    const before = text.slice(last, match.index);
    if (!SAFE_URL.test(url) || /[*`]/.test(label) || before.endsWith("!")) throw new Declined(); // "![": an image
    out += codeAndEmphasis(before);
    const attrs = url.startsWith("#") ? "" : ' target="_blank" rel="noopener noreferrer"';
    out += `<a href="${url}"${attrs}>${emphasis(label)}</a>`;
    last = match.index + whole.length;
  }
  return out + codeAndEmphasis(text.slice(last));
}

function heading(line: string): string | null {
  const match = /^ {0,3}(#{1,6})(?:[ ]+(.*?))?(?:[ ]+#+)?[ ]*$/.exec(line);
  if (!match) return null;
  const level = match[1].length;
  return `<h${level}>${inline(match[2] ?? "")}</h${level}>\n`;
}

/**
 * HTML for markdown made only of headings and paragraphs with simple inline markup, exactly as
 * marked (GFM) would render it; null when the source uses anything else.
 */
export function renderSimple(source: string, breaks: boolean): string | null {
  if (COMPLEX_BLOCK.test(source)) return null;
  try {
    let html = "";
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      html += `<p>${paragraph.map(inline).join(breaks ? "<br>" : "\n")}</p>\n`;
      paragraph = [];
    };
    for (const raw of source.split(/\r?\n/)) {
      // Like marked, paragraph lines keep their own spaces (the browser collapses them anyway).
      const h = raw.trimStart().startsWith("#") ? heading(raw) : null;
      if (raw.trim() === "" || h !== null) {
        flush();
        html += h ?? "";
      } else {
        paragraph.push(raw);
      }
    }
    flush();
    return html;
  } catch (error) {
    if (error instanceof Declined) return null;
    throw error;
  }
}
