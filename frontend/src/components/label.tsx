// gr.Label: a classification result, `{"label": str|null, "confidences": [{label, confidence}]}`:
// the top label in large type, then one bar per class.

import { BlockTitle, num, str, type ComponentProps } from "../block";

interface Confidence {
  label: unknown;
  confidence: number;
}

function parseValue(value: unknown): { label: string | null; confidences: Confidence[] } {
  if (value === null || value === undefined) return { label: null, confidences: [] };
  if (typeof value !== "object") return { label: str(value), confidences: [] };
  const v = value as { label?: unknown; confidences?: unknown };
  const confidences = Array.isArray(v.confidences)
    ? v.confidences
        .filter(
          (c): c is Confidence =>
            typeof c === "object" && c !== null && typeof (c as Confidence).confidence === "number",
        )
        .sort((a, b) => b.confidence - a.confidence)
    : [];
  return { label: v.label === null || v.label === undefined ? null : str(v.label), confidences };
}

export default function Label({ inputId, props, fire }: ComponentProps) {
  const { label, confidences } = parseValue(props.value);
  const top = num(props.num_top_classes);
  const rows = top !== null ? confidences.slice(0, top) : confidences;
  return (
    <div class="label" role="group" aria-labelledby={props.label ? `${inputId}-label` : undefined}>
      <BlockTitle id={`${inputId}-label`} props={props} />
      {props.show_heading !== false && label !== null ? <div class="label-top">{label}</div> : null}
      {rows.length > 0 ? (
        <ul class="confidences">
          {rows.map((c, index) => {
            const percent = Math.round(c.confidence * 100);
            return (
              <li key={index}>
                <button
                  type="button"
                  class="confidence"
                  onClick={() => fire("select", { value: c.label, index, selected: true })}
                >
                  <span class="confidence-text">
                    <span>{str(c.label)}</span>
                    <span>{percent}%</span>
                  </span>
                  <span class="confidence-track" aria-hidden="true">
                    <span
                      class="confidence-fill"
                      style={{ width: `${Math.max(0, Math.min(100, c.confidence * 100))}%` }}
                    />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
