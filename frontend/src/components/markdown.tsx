// gr.Markdown. Simple markdown (headings, paragraphs, emphasis, code, links) is drawn by a small
// built-in renderer; anything else loads marked + DOMPurify on first use. KaTeX is loaded only
// when the text has math, and the highlighter only when it has a fenced block with a language.

import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { num, str, type ComponentProps } from "../block";
import { delimitersOf } from "./markdown_math";
import { renderSimple } from "./markdown_simple";

type FullRenderer = typeof import("./markdown_full");

let full: FullRenderer | null = null;
let loadingFull: Promise<FullRenderer> | null = null;

function loadFull(): Promise<FullRenderer> {
  loadingFull ??= import("./markdown_full").then((module) => (full = module));
  return loadingFull;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s+/g, "-");
}

/** Give each heading an id and a "#" link to itself. */
function addHeaderLinks(root: HTMLElement): void {
  for (const heading of root.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6")) {
    const id = heading.id || slug(heading.textContent ?? "");
    if (!id) continue;
    heading.id = id;
    const link = document.createElement("a");
    link.href = `#${id}`;
    link.className = "header-link";
    link.setAttribute("aria-label", `Link to this section: ${heading.textContent ?? ""}`);
    link.textContent = "#";
    heading.append(link);
  }
}

function size(value: unknown): string | undefined {
  const n = num(value);
  if (n !== null) return `${n}px`;
  return typeof value === "string" && value ? value : undefined;
}

export default function Markdown({ props, fire }: ComponentProps) {
  const source = str(props.value);
  const breaks = props.line_breaks === true;
  const sanitizeHtml = props.sanitize_html !== false;
  const [fullLoaded, setFullLoaded] = useState(full !== null);
  const simple = useMemo(() => renderSimple(source, breaks), [source, breaks]);
  const delimiters = delimitersOf(props.latex_delimiters);
  const rendered = useMemo(
    () =>
      simple !== null
        ? { html: simple, hasMath: false }
        : full
          ? full.renderMarkdown(source, breaks, sanitizeHtml, delimiters)
          : { html: "", hasMath: false },
    [simple, source, breaks, sanitizeHtml, fullLoaded, JSON.stringify(delimiters)],
  );
  const html = rendered.html;
  const needsFull = simple === null && full === null;

  useLayoutEffect(() => {
    if (needsFull) void loadFull().then(() => setFullLoaded(true));
  }, [needsFull]);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (props.header_links === true) addHeaderLinks(root);
    if (rendered.hasMath) void import("./math").then((math) => math.renderMath(root, delimiters));
    if (root.querySelector("pre code[class*='language-']")) {
      void import("./highlight").then((hl) => hl.highlightBlocks(root));
    }
  }, [html, props.header_links]);
  const body = (
    <div
      ref={ref}
      class="prose markdown"
      dir={props.rtl === true ? "rtl" : undefined}
      style={{ height: size(props.height), maxHeight: size(props.max_height), minHeight: size(props.min_height) }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (!(Array.isArray(props.buttons) && props.buttons.includes("copy"))) return body;
  const copy = () => {
    void navigator.clipboard?.writeText(source).catch(() => undefined);
    fire("copy", { value: source });
  };
  return (
    <div class="markdown-block">
      <button type="button" class="icon-btn markdown-copy" aria-label="Copy" onClick={copy}>
        ⧉
      </button>
      {body}
    </div>
  );
}
