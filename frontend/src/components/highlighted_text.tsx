// gr.HighlightedText: spans of text marked with a category (a colour per category, from
// `color_map` or a fixed palette) or a score in [-1, 1] (shaded by sign and size).

import { BlockTitle, str, type ComponentProps } from "../block";
import "./highlighted_text.css";

interface Span {
  token: string;
  label: string | number | null;
}

const PALETTE = ["#f97316", "#22c55e", "#3b82f6", "#a855f7", "#eab308", "#ec4899", "#14b8a6", "#ef4444"];

function spansOf(value: unknown): Span[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const entry = (item ?? {}) as { token?: unknown; class_or_confidence?: unknown };
    const label = entry.class_or_confidence;
    return {
      token: str(entry.token),
      label: typeof label === "number" || typeof label === "string" ? label : null,
    };
  });
}

/** Only plain colour names and hex/rgb values reach the style attribute. */
function safeColor(color: unknown): string | null {
  return typeof color === "string" && /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i.test(color) ? color : null;
}

function scoreColor(score: number): string {
  const alpha = Math.min(1, Math.abs(score)) * 0.6;
  return score >= 0 ? `rgb(34 197 94 / ${alpha})` : `rgb(239 68 68 / ${alpha})`;
}

export default function HighlightedText({ inputId, props, fire }: ComponentProps) {
  const spans = spansOf(props.value);
  const map = (props.color_map ?? {}) as Record<string, unknown>;
  const categories = [...new Set(spans.map((s) => s.label).filter((l): l is string => typeof l === "string"))];
  const colorOf = (label: string) => safeColor(map[label]) ?? PALETTE[categories.indexOf(label) % PALETTE.length];
  const inline = props.show_inline_category !== false;
  return (
    <div class="highlighted-text">
      <BlockTitle id={`${inputId}-label`} props={props} />
      {props.show_legend === true && categories.length ? (
        <div class="ht-legend">
          {categories.map((c) => (
            <span key={c} class="ht-legend-item" style={{ background: colorOf(c) }}>
              {c}
            </span>
          ))}
        </div>
      ) : null}
      <div class="ht-text" aria-labelledby={`${inputId}-label`}>
        {spans.map((span, index) => {
          if (span.label === null) return <span key={index}>{span.token}</span>;
          const color = typeof span.label === "number" ? scoreColor(span.label) : colorOf(span.label);
          return (
            <mark
              key={index}
              class="ht-span"
              style={{ "--ht-color": color }}
              onClick={() => fire("select", { index, value: [span.token, span.label], selected: true })}
            >
              {span.token}
              {inline && typeof span.label === "string" ? <span class="ht-category">{span.label}</span> : null}
            </mark>
          );
        })}
      </div>
    </div>
  );
}
