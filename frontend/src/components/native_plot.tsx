// gr.LinePlot, gr.ScatterPlot and gr.BarPlot, drawn with uPlot (a small canvas charting library,
// in this chunk only). Rows are binned, aggregated and stacked first (`plotdata.ts`). Dragging
// across the chart fires `select` with the x range; a double click fires `double_click`.
// Hovering shows the values under the cursor in a tooltip.

import { useEffect, useMemo, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { chartOf, payloadOf, selection, type Chart } from "./plotdata";
import "./native_plot.css";

const PALETTE = [
  "#4c78a8",
  "#f58518",
  "#e45756",
  "#72b7b2",
  "#54a24b",
  "#eeca3b",
  "#b279a2",
  "#ff9da6",
  "#9d755d",
  "#bab0ac",
];

/**
 * A scale's range: `x_lim`/`y_lim` where given, else the data's (from zero for bars; up to the
 * end of the last bin when x values are bin starts).
 */
function limits(
  value: unknown,
  fromZero = false,
  binWidth = 0,
): (u: uPlot, min: number, max: number) => uPlot.Range.MinMax {
  const lim = Array.isArray(value) ? value : [];
  return (_u, min, max) => {
    const lo = num(lim[0]) ?? (fromZero ? Math.min(0, min) : min);
    const hi = num(lim[1]) ?? (fromZero ? Math.max(0, max) : max + binWidth);
    // A flat series (every y the same) would give uPlot an empty range, which it cannot tick.
    if (lo !== hi) return [lo, hi];
    const pad = Math.abs(lo) / 10 || 1;
    return [lo - pad, hi + pad];
  };
}

/** The series in drawing order: stacked bars draw the tallest stack first, the bottom one last. */
function drawOrder(chart: Chart): { name: string; ys: (number | null)[]; color: number }[] {
  const series = chart.series.map((s, i) => ({ name: s.name, ys: chart.stacked?.[i] ?? s.ys, color: i }));
  return chart.stacked ? series.reverse() : series;
}

function formatX(chart: Chart, value: number): string {
  if (chart.xKind === "nominal") return chart.categories[Math.round(value)] ?? "";
  if (chart.xKind === "temporal") return new Date(value).toLocaleString();
  return String(Math.round(value * 1e6) / 1e6);
}

/** A floating box with the x value and every series' y at the cursor. */
function tooltipPlugin(chart: Chart, props: Record<string, unknown>): uPlot.Plugin {
  const box = document.createElement("div");
  box.className = "plot-tooltip";
  const fields = Array.isArray(props.tooltip) ? props.tooltip.map(String) : null;
  const show = (u: uPlot) => {
    const idx = u.cursor.idx;
    if (idx === null || idx === undefined || props.tooltip === "none") return void (box.style.display = "none");
    const lines = [`${str(props.x_title) || str(props.x, "x")}: ${formatX(chart, chart.xs[idx])}`];
    const row = chart.rows[idx];
    if (fields && row) for (const f of fields) lines.push(`${f}: ${str(row[chart.columns.indexOf(f)])}`);
    else for (const s of chart.series) if (s.ys[idx] !== null) lines.push(`${s.name}: ${s.ys[idx]}`);
    box.textContent = lines.join("\n");
    box.style.display = "block";
    box.style.left = `${(u.cursor.left ?? 0) + 12}px`;
    box.style.top = `${(u.cursor.top ?? 0) + 12}px`;
  };
  return {
    hooks: {
      init: (u) => void u.over.appendChild(box),
      setCursor: show,
    },
  };
}

function optionsFor(chart: Chart, props: Record<string, unknown>, width: number, mark: string): uPlot.Options {
  const text = getComputedStyle(document.body).color || "#333";
  const grid = { stroke: "rgba(128,128,128,0.18)", width: 1 };
  const colorMap = (props.color_map ?? {}) as Record<string, string>;
  const nominal = chart.xKind === "nominal";
  const binned = chart.binWidth !== null;
  // Binned bars fill their bin from its start (x is the bin's start); others centre on x.
  const bars =
    mark === "bar"
      ? uPlot.paths.bars?.(binned ? { size: [0.96, Infinity], align: 1 } : { size: [0.6, 64] })
      : undefined;
  return {
    width,
    height: num(props.height) ?? 300,
    ms: 1,
    legend: { show: chart.series.length > 1 },
    cursor: { drag: { x: true, y: false, setScale: false } },
    scales: {
      x: nominal
        ? { time: false, range: () => [-0.5, chart.categories.length - 0.5] }
        : { time: chart.xKind === "temporal", range: limits(props.x_lim, false, chart.binWidth ?? 0) },
      y: { range: limits(props.y_lim, mark === "bar") },
    },
    axes: [
      {
        label: str(props.x_title) || str(props.x) || undefined,
        stroke: text,
        grid,
        rotate: num(props.x_label_angle) ?? 0,
        ...(nominal
          ? {
              splits: () => chart.categories.map((_, i) => i),
              values: (_u: uPlot, ticks: number[]) => ticks.map((t) => formatX(chart, t)),
            }
          : {}),
        ...(props.x_axis_labels_visible === false
          ? { values: (_u: uPlot, ticks: number[]) => ticks.map(() => "") }
          : {}),
      },
      { label: str(props.y_title) || str(props.y) || undefined, stroke: text, grid },
    ],
    series: [
      {
        label: str(props.x_title) || str(props.x, "x"),
        value: (_u: uPlot, v: number | null) => (v === null ? "--" : formatX(chart, v)),
      },
      ...drawOrder(chart).map((s) => {
        const color = colorMap[s.name] ?? PALETTE[s.color % PALETTE.length];
        if (mark === "bar") return { label: s.name, stroke: color, fill: color, paths: bars, points: { show: false } };
        if (mark === "point")
          return { label: s.name, stroke: color, paths: () => null, points: { show: true, size: 7, fill: color } };
        return { label: s.name, stroke: color, width: 2, spanGaps: true, points: { show: false } };
      }),
    ],
    plugins: [tooltipPlugin(chart, props)],
  };
}

export default function NativePlot({ id, inputId, props, fire }: ComponentProps) {
  const host = useRef<HTMLDivElement>(null);
  const payload = useMemo(() => payloadOf(props.value), [props.value]);
  const chart = useMemo(
    () => (payload ? chartOf(payload, props) : null),
    [payload, props.x, props.y, props.color, props.sort, props.x_bin, props.y_aggregate],
  );
  useEffect(() => {
    const el = host.current;
    if (!el || !chart || !payload) return;
    const opts = optionsFor(chart, props, el.clientWidth || 600, payload.mark);
    const u = new uPlot(opts, [chart.xs, ...drawOrder(chart).map((s) => s.ys)] as uPlot.AlignedData, el);
    u.hooks.setSelect = [
      (plot: uPlot) => {
        if (plot.select.width <= 0) return;
        const lo = plot.posToVal(plot.select.left, "x");
        const hi = plot.posToVal(plot.select.left + plot.select.width, "x");
        fire("select", selection(chart, lo, hi));
      },
    ];
    const dbl = () => fire("double_click");
    u.over.addEventListener("dblclick", dbl);
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: num(props.height) ?? 300 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [
    chart,
    payload,
    props.title,
    props.x_title,
    props.y_title,
    props.x_lim,
    props.y_lim,
    props.height,
    props.color_map,
    props.tooltip,
  ]);
  return (
    <div class="nativeplot">
      <BlockTitle id={inputId} props={props} />
      {props.title ? <div class="plot-title">{str(props.title)}</div> : null}
      {chart ? <div class="plot-host" ref={host} data-testid={`plot-${id}`} /> : <div class="plot-empty">No data</div>}
      {props.caption ? <div class="plot-caption">{str(props.caption)}</div> : null}
    </div>
  );
}
