// gr.ParamViewer: one row per parameter, showing its name and type; a row opens to show the
// description and default. The value is `{name: {type, description, default}}`. Text is shown
// as plain text (never as HTML); `linkify` types become links to their `#anchor`.

import { str, type ComponentProps } from "../block";
import "./param_viewer.css";

interface Param {
  name: string;
  type: string;
  description: string;
  default: string | null;
}

function paramsOf(value: unknown): Param[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, raw]) => {
    const info = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    return {
      name,
      type: str(info.type),
      description: str(info.description),
      default: info.default == null ? null : str(info.default),
    };
  });
}

function TypeText({ text, links }: { text: string; links: string[] }) {
  if (!links.length) return <>{text}</>;
  const parts = text.split(/(\w+)/);
  return (
    <>
      {parts.map((p, i) =>
        links.includes(p) ? (
          <a key={i} href={`#${p.toLowerCase()}`}>
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </>
  );
}

export default function ParamViewer({ props }: ComponentProps) {
  const params = paramsOf(props.value);
  const links = Array.isArray(props.linkify) ? props.linkify.map(String) : [];
  const anchors = props.anchor_links;
  const prefix = typeof anchors === "string" ? anchors : "";
  const maxHeight = typeof props.max_height === "number" ? `${props.max_height}px` : str(props.max_height) || undefined;
  return (
    <div class="paramviewer" style={{ maxHeight }}>
      {props.header ? <div class="paramviewer-header">{str(props.header)}</div> : null}
      {params.map((p) => (
        <details key={p.name} class="paramviewer-row" id={anchors ? `${prefix}param-${p.name}` : undefined}>
          <summary>
            <code class="paramviewer-name">{p.name}</code>
            {p.type ? (
              <code class="paramviewer-type">
                {": "}
                <TypeText text={p.type} links={links} />
              </code>
            ) : null}
          </summary>
          {p.default !== null ? (
            <div class="paramviewer-default">
              default <code>= {p.default}</code>
            </div>
          ) : null}
          {p.description ? <div class="paramviewer-description">{p.description}</div> : null}
        </details>
      ))}
    </div>
  );
}
