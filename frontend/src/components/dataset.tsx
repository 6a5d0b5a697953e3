// gr.Dataset (and so gr.Examples): a table of samples, a page at a time. Clicking a row makes its
// index the value and fires `click` and `select`. Values are shown as text (never as HTML).

import { useState } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import "./dataset.css";

/** A short text for one sample value, whatever component it belongs to. */
export function sampleText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(sampleText).join(", ");
  if (typeof value === "object") {
    const file = value as { orig_name?: unknown; path?: unknown };
    if (typeof file.orig_name === "string") return file.orig_name;
    if (typeof file.path === "string") return file.path.split("/").pop() ?? file.path;
    return JSON.stringify(value);
  }
  return String(value);
}

function Cell({ type, value }: { type: string; value: unknown }) {
  if (type === "colorpicker" && typeof value === "string") {
    return <span class="sample-swatch" style={{ background: /^#[0-9a-f]{3,8}$/i.test(value) ? value : "none" }} />;
  }
  const text = sampleText(value);
  return <span title={text.length > 80 ? text : undefined}>{text.length > 80 ? `${text.slice(0, 77)}…` : text}</span>;
}

export default function Dataset({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const samples = Array.isArray(props.samples) ? (props.samples as unknown[][]) : [];
  const types = Array.isArray(props.components) ? props.components.map((t) => str(t)) : [];
  const headers = Array.isArray(props.headers) ? props.headers.map((h) => str(h)) : [];
  const labels = Array.isArray(props.sample_labels) ? props.sample_labels.map((l) => str(l)) : null;
  const perPage = Math.max(1, num(props.samples_per_page) ?? 10);
  const pages = Math.max(1, Math.ceil(samples.length / perPage));
  const [page, setPage] = useState(0);
  const current = Math.min(page, pages - 1);
  const start = current * perPage;
  const shown = samples.slice(start, start + perPage);
  const choose = (index: number) => {
    if (props.interactive === false) return;
    setValue(index);
    fire("click", { index, value: samples[index] });
    fire("select", { index, value: samples[index], selected: true });
  };
  const showHeaders = !labels && headers.some((h) => h !== "") && types.length > 1;
  return (
    <div class="dataset">
      <BlockTitle id={`${inputId}-label`} props={props} />
      <table class="dataset-table" aria-labelledby={`${inputId}-label`}>
        {showHeaders ? (
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {shown.map((row, i) => {
            const index = start + i;
            return (
              <tr
                key={index}
                class={props.value === index ? "sample selected" : "sample"}
                tabIndex={interactive || props.interactive !== false ? 0 : -1}
                onClick={() => choose(index)}
                onKeyDown={(event) => {
                  if (event.key === "Enter" || event.key === " ") {
                    event.preventDefault();
                    choose(index);
                  }
                }}
              >
                {labels ? (
                  <td>{labels[index] ?? ""}</td>
                ) : (
                  (Array.isArray(row) ? row : [row]).map((value, col) => (
                    <td key={col}>
                      <Cell type={types[col] ?? ""} value={value} />
                    </td>
                  ))
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav class="dataset-pages" aria-label="Pages of samples">
          {Array.from({ length: pages }, (_, p) => (
            <button
              key={p}
              type="button"
              class={p === current ? "page current" : "page"}
              aria-current={p === current ? "page" : undefined}
              onClick={() => setPage(p)}
            >
              {p + 1}
            </button>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
