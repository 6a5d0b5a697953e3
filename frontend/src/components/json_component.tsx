// gr.JSON: any JSON value as a collapsible tree (native <details>, so it works from the keyboard).

import { BlockTitle, str, type ComponentProps } from "../block";

const OPEN_DEPTH = 2;

function Leaf({ value }: { value: unknown }) {
  const kind = value === null ? "null" : typeof value;
  return <span class={`json-${kind}`}>{JSON.stringify(value) ?? "undefined"}</span>;
}

function Key({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return <span class="json-key">{typeof name === "number" ? `${name}: ` : `"${name}": `}</span>;
}

function Tree({
  name,
  value,
  depth,
  openAll,
}: {
  name: string | number | null;
  value: unknown;
  depth: number;
  openAll: boolean;
}) {
  if (value === null || typeof value !== "object") {
    return (
      <div class="json-line">
        <Key name={name} />
        <Leaf value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = isArray
    ? value.map((item, i): [number, unknown] => [i, item])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div class="json-line">
        <Key name={name} />
        {open}
        {close}
      </div>
    );
  }
  return (
    <details class="json-node" open={openAll || depth < OPEN_DEPTH}>
      <summary>
        <Key name={name} />
        {open}
        <span class="json-count">
          {entries.length} {entries.length === 1 ? "item" : "items"}
        </span>
      </summary>
      <div class="json-children">
        {entries.map(([key, item]) => (
          <Tree key={key} name={key} value={item} depth={depth + 1} openAll={openAll} />
        ))}
      </div>
      <div class="json-line">{close}</div>
    </details>
  );
}

export default function Json({ inputId, props }: ComponentProps) {
  const value = props.value;
  const copy = () => void navigator.clipboard?.writeText(JSON.stringify(value, null, 2));
  return (
    <div class="json" aria-labelledby={props.label ? `${inputId}-label` : undefined} role="group">
      <div class="json-head">
        <BlockTitle id={`${inputId}-label`} props={props} />
        {value !== null && value !== undefined ? (
          <button type="button" class="link json-copy" onClick={copy} aria-label={`Copy ${str(props.label, "JSON")}`}>
            Copy
          </button>
        ) : null}
      </div>
      <div class="json-tree">
        {value === null || value === undefined ? null : (
          <Tree name={null} value={value} depth={0} openAll={props.open === true} />
        )}
      </div>
    </div>
  );
}
