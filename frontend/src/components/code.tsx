// gr.Code: code with syntax highlighting. Editable code is a transparent <textarea> laid over the
// highlighted copy, so typing stays native (undo, IME, selection) while colours follow along.
// The highlighter is its own chunk, loaded on first use.

import { useEffect, useState } from "preact/hooks";
import { FieldLabel, num, str, type ComponentProps } from "../block";
import "./code.css";

type Highlighter = typeof import("./highlight");

let highlighter: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("./highlight").then((module) => (highlighter = module));
  return loading;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export default function Code({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const code = str(props.value);
  const language = typeof props.language === "string" ? props.language : null;
  const lines = Math.max(1, num(props.lines) ?? 5);
  const maxLines = Math.max(lines, num(props.max_lines) ?? 40);
  const [, setReady] = useState(highlighter !== null);
  useEffect(() => {
    if (!highlighter && language) void loadHighlighter().then(() => setReady(true));
  }, [language]);
  // A trailing newline keeps the overlay's last line as tall as the textarea's.
  const html = (highlighter && language ? highlighter.highlight(code, language) : escapeHtml(code)) + "\n";
  const count = code.split("\n").length;
  const wrap = props.wrap_lines === true;
  const copy = () => void navigator.clipboard?.writeText(code);
  return (
    <div class="code">
      <FieldLabel forId={inputId} props={props} fallback="Code" />
      <div
        class={`code-box${wrap ? " wrap" : ""}`}
        style={{ "--lines": String(lines), "--max-lines": String(maxLines) }}
        data-language={language ?? undefined}
      >
        <button type="button" class="code-copy" aria-label="Copy code" onClick={copy}>
          Copy
        </button>
        {props.show_line_numbers !== false ? (
          <div class="code-gutter" aria-hidden="true">
            {Array.from({ length: count }, (_, i) => (
              <div key={i}>{i + 1}</div>
            ))}
          </div>
        ) : null}
        <div class="code-area">
          <pre class="code-highlight hljs" aria-hidden={interactive ? true : undefined}>
            <code dangerouslySetInnerHTML={{ __html: html }} />
          </pre>
          {interactive ? (
            <textarea
              id={inputId}
              class="code-input"
              value={code}
              spellcheck={false}
              autoCapitalize="off"
              autoComplete="off"
              wrap={wrap ? "soft" : "off"}
              onInput={(event) => setValue((event.currentTarget as HTMLTextAreaElement).value)}
              onKeyDown={(event) => {
                if (event.key !== "Tab" || event.shiftKey) return;
                event.preventDefault();
                document.execCommand("insertText", false, "    ");
              }}
              onFocus={() => fire("focus")}
              onBlur={() => fire("blur")}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
