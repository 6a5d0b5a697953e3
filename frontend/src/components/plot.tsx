// gr.Plot: a figure. A matplotlib figure arrives as an image `data:` URL rendered by the server
// and is shown as an <img> (so an SVG's scripts never run). plotly figures and altair charts
// arrive as JSON specs and are drawn interactively in the browser (`figures.ts`, which loads
// plotly.js or vega only when such a figure arrives). Anything else (bokeh) is offered as a
// download of its spec.

import { useEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, str, type ComponentProps } from "../block";
import { drawPlotly, drawVega, isDark } from "./figures";
import "./plot.css";

const IMAGE_URL = /^data:image\/(png|jpeg|webp|gif|svg\+xml);base64,[A-Za-z0-9+/=]+$/;
const DRAWERS = { plotly: drawPlotly, altair: drawVega } as const;

function parsed(spec: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(spec);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A plotly or altair figure, drawn once its library has loaded; redrawn when the theme flips. */
function Interactive({ id, kind, spec }: { id: number; kind: keyof typeof DRAWERS; spec: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState("");
  const [dark, setDark] = useState(isDark);
  useEffect(() => {
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const flip = () => setDark(isDark());
    media?.addEventListener("change", flip);
    return () => media?.removeEventListener("change", flip);
  }, []);
  useEffect(() => {
    const el = host.current;
    const figure = parsed(spec);
    if (!el) return;
    if (!figure) return void setError(`This ${kind} figure is not valid JSON.`);
    setError("");
    let free: (() => void) | null = null;
    let cancelled = false;
    DRAWERS[kind](el, figure, dark).then(
      (release) => (cancelled ? release() : (free = release)),
      (reason: unknown) => !cancelled && setError(`This ${kind} figure cannot be drawn: ${str(reason)}`),
    );
    return () => {
      cancelled = true;
      free?.();
      el.replaceChildren();
    };
  }, [kind, spec, dark]);
  return (
    <>
      <div class={`plot-figure plot-${kind}`} ref={host} data-testid={`plot-${id}`} />
      {error ? <div class="plot-empty">{error}</div> : null}
    </>
  );
}

function Download({ kind, plot }: { kind: string; plot: string }) {
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(plot)}`;
  return (
    <div class="plot-empty">
      This {kind || "unknown"} figure cannot be drawn here.{" "}
      <a href={href} download={`${kind || "plot"}.json`}>
        Download its spec
      </a>
    </div>
  );
}

export default function Plot({ id, inputId, props }: ComponentProps) {
  const v = (props.value ?? null) as { type?: unknown; plot?: unknown } | null;
  const kind = str(v?.type);
  const plot = str(v?.plot);
  let body;
  if (!v) body = <div class="plot-empty">No plot</div>;
  else if (kind === "matplotlib" && IMAGE_URL.test(plot)) {
    body = <img class="plot-image" src={plot} alt={str(props.label, "Plot")} data-testid={`plot-${id}`} />;
  } else if (kind === "plotly" || kind === "altair") body = <Interactive id={id} kind={kind} spec={plot} />;
  else body = <Download kind={kind} plot={plot} />;
  return (
    <div class="plot-block">
      <BlockTitle id={inputId} props={props} />
      {body}
    </div>
  );
}
