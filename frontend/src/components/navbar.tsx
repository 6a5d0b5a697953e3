// gr.Navbar: a bar of links, the main page (`main_page_name`, absent when false) then the
// value's `[text, url]` pairs. Only http(s) and relative URLs become links; others are text.

import { str, type ComponentProps } from "../block";

function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function linksOf(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is unknown[] => Array.isArray(p) && p.length === 2).map((p) => [str(p[0]), str(p[1])]);
}

export default function Navbar({ props }: ComponentProps) {
  const main = props.main_page_name === false ? null : str(props.main_page_name, "Home");
  return (
    <nav class="navbar" aria-label="Pages" style={{ display: "flex", gap: "16px", padding: "8px 0" }}>
      {main ? (
        <a href={window.location.pathname} aria-current="page">
          {main}
        </a>
      ) : null}
      {linksOf(props.value).map(([text, url], i) => {
        const href = safeHref(url);
        return href ? (
          <a key={i} href={href}>
            {text}
          </a>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </nav>
  );
}
