// A Dataframe cell of datatype "markdown" or "html": rendered, always sanitised. Simple markdown
// is drawn by the built-in escaping renderer; anything else waits for marked + DOMPurify (html
// cells for DOMPurify alone), loaded once, on first use, and shown as plain text meanwhile.

import { useEffect, useState } from "preact/hooks";
import { renderSimple } from "./markdown_simple";

type Full = typeof import("./markdown_full");
type Sanitizer = typeof import("./sanitize");

let full: Full | null = null;
let sanitizer: Sanitizer | null = null;
let loading: Promise<unknown> | null = null;

function load(): Promise<unknown> {
  loading ??= Promise.all([import("./markdown_full"), import("./sanitize")]).then(([f, s]) => {
    full = f;
    sanitizer = s;
  });
  return loading;
}

function rendered(text: string, kind: string): string | null {
  if (kind === "markdown") return renderSimple(text, false) ?? full?.renderFull(text, false, true) ?? null;
  return sanitizer?.sanitize(text) ?? null;
}

export function RichCell({ text, kind }: { text: string; kind: string }) {
  const [, setReady] = useState(sanitizer !== null);
  const html = rendered(text, kind);
  useEffect(() => {
    if (html === null)
      load().then(
        () => setReady(true),
        () => undefined,
      );
  }, [html]);
  if (html === null) return <span>{text}</span>;
  return <span class="df-rich" dangerouslySetInnerHTML={{ __html: html }} />;
}
