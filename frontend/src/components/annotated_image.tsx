// gr.AnnotatedImage: an image with coloured mask images stacked over it and a legend of labels.
// Hovering a label brings its masks forward; clicking it fires `select` with the annotation's
// index and label. The value is `{image: FileData, annotations: [{image: FileData, label}]}`.

import { useState } from "preact/hooks";
import { BlockTitle, str, type ComponentProps } from "../block";
import { fileUrl, isFileData } from "../media";
import type { FileData } from "../wire";
import "./annotated_image.css";

// The server's palette (components/annotated_image.py), for labels the color_map does not name.
const PALETTE = [
  "#f97316",
  "#3b82f6",
  "#22c55e",
  "#eab308",
  "#a855f7",
  "#ef4444",
  "#14b8a6",
  "#ec4899",
  "#84cc16",
  "#6366f1",
];

interface Annotation {
  file: FileData;
  label: string;
}

function valueOf(value: unknown): { image: FileData; annotations: Annotation[] } | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { image?: unknown; annotations?: unknown };
  if (!isFileData(v.image)) return null;
  const annotations: Annotation[] = [];
  for (const raw of Array.isArray(v.annotations) ? v.annotations : []) {
    const a = raw as { image?: unknown; label?: unknown } | null;
    if (a && isFileData(a.image)) annotations.push({ file: a.image, label: str(a.label) });
  }
  return { image: v.image, annotations };
}

function size(value: unknown): string | undefined {
  return typeof value === "number" ? `${value}px` : typeof value === "string" ? value : undefined;
}

export default function AnnotatedImage({ inputId, props, fire }: ComponentProps) {
  const value = valueOf(props.value);
  const [active, setActive] = useState<string | null>(null);
  const colorMap = (props.color_map ?? {}) as Record<string, string>;
  const labels = value ? [...new Set(value.annotations.map((a) => a.label))] : [];
  const colorOf = (label: string) => colorMap[label] ?? PALETTE[labels.indexOf(label) % PALETTE.length];
  const style = { maxHeight: size(props.height), maxWidth: size(props.width) ?? "100%" };
  return (
    <div class="annotated-block">
      <BlockTitle id={inputId} props={props} />
      {value ? (
        <div class="annotated-frame">
          <img class="annotated-base" style={style} src={fileUrl(value.image) ?? undefined} alt={str(props.label)} />
          {value.annotations.map((a, i) => (
            <img
              key={`${a.file.path}-${i}`}
              class={`annotated-mask${active === null ? "" : active === a.label ? " active" : " dimmed"}`}
              src={fileUrl(a.file) ?? undefined}
              alt=""
            />
          ))}
        </div>
      ) : (
        <div class="media-empty">No image</div>
      )}
      {value && props.show_legend !== false && value.annotations.length ? (
        <div class="annotated-legend">
          {value.annotations.map((a, i) =>
            value.annotations.findIndex((b) => b.label === a.label) === i ? (
              <button
                type="button"
                key={a.label}
                class="annotated-label"
                style={{ borderColor: colorOf(a.label), background: `${colorOf(a.label)}33` }}
                onMouseEnter={() => setActive(a.label)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(a.label)}
                onBlur={() => setActive(null)}
                onClick={() => fire("select", { index: i, value: a.label, selected: true })}
              >
                {a.label}
              </button>
            ) : null,
          )}
        </div>
      ) : null}
    </div>
  );
}
