// Syntax highlighting for the Code component and markdown code blocks: highlight.js's core with
// the common languages, in a chunk of its own that only pages showing code download.

import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import latex from "highlight.js/lib/languages/latex";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import r from "highlight.js/lib/languages/r";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import "./highlight.css";

const LANGUAGES = {
  bash,
  c,
  cpp,
  css,
  dockerfile,
  go,
  java,
  javascript,
  json,
  latex,
  markdown,
  python,
  r,
  rust,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, definition] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, definition);

const ALIASES: Record<string, string> = {
  html: "xml",
  shell: "bash",
  sh: "bash",
  py: "python",
  js: "javascript",
  ts: "typescript",
  yml: "yaml",
  jinja2: "xml",
};

/** The registered language for a Gradio language name (`sql-pgSQL` is SQL), or null. */
export function languageOf(name: string): string | null {
  const key = name.toLowerCase();
  const resolved = key.startsWith("sql") ? "sql" : (ALIASES[key] ?? key);
  return hljs.getLanguage(resolved) ? resolved : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `code` as HTML with highlight spans; highlight.js escapes the text itself. */
export function highlight(code: string, language: string | null): string {
  const lang = language ? languageOf(language) : null;
  return lang ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : escapeHtml(code);
}

/** Highlight the `<pre><code class="language-…">` blocks under `root` in place. */
export function highlightBlocks(root: HTMLElement): void {
  for (const block of root.querySelectorAll<HTMLElement>("pre code")) {
    const match = /language-([\w-]+)/.exec(block.className);
    const lang = match ? languageOf(match[1]) : null;
    if (!lang || block.dataset.highlighted) continue;
    block.innerHTML = hljs.highlight(block.textContent ?? "", { language: lang, ignoreIllegals: true }).value;
    block.dataset.highlighted = "yes";
    block.classList.add("hljs");
  }
}
