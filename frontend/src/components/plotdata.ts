// Turns a native plot's payload (`{columns, data, datatypes, mark}`, as Gradio sends it) and its
// props (x, y, color, sort, x_bin, y_aggregate) into the column arrays uPlot draws: one x array,
// one y array per colour series, with nulls where a row belongs to another series. Rows are
// grouped per bin or category first (`plotagg.ts`). Pure, so it is unit-tested.

import { aggregateOf, binStart, binWidth, grouped, stacked } from "./plotagg";

export type Kind = "quantitative" | "nominal" | "temporal";

export interface PlotPayload {
  columns: string[];
  data: unknown[][];
  datatypes: Record<string, Kind>;
  mark: string;
}

export interface Chart {
  xKind: Kind;
  /** Category names when x is nominal (x values are then their indices). */
  categories: string[];
  xs: number[];
  series: { name: string; ys: (number | null)[] }[];
  /** The source row of each x position (grouped points have none). */
  rows: (unknown[] | null)[];
  columns: string[];
  /** The width of the bins x values were put in (each x is then a bin's start), if any. */
  binWidth: number | null;
  /** For stacked bars: where each series' bar reaches (`series` keeps the plain values). */
  stacked: (number | null)[][] | null;
}

export function payloadOf(value: unknown): PlotPayload | null {
  const v = value as Partial<PlotPayload> | null;
  if (!v || !Array.isArray(v.columns) || !Array.isArray(v.data)) return null;
  return {
    columns: v.columns.map(String),
    data: v.data.filter(Array.isArray),
    datatypes: (v.datatypes ?? {}) as Record<string, Kind>,
    mark: typeof v.mark === "string" ? v.mark : "line",
  };
}

function numeric(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function categoryOrder(rows: unknown[][], xi: number, yi: number, sort: unknown): string[] {
  const seen: string[] = [];
  const totals = new Map<string, number>();
  for (const row of rows) {
    const name = String(row[xi]);
    if (!totals.has(name)) seen.push(name);
    totals.set(name, (totals.get(name) ?? 0) + (numeric(row[yi]) ?? 0));
  }
  if (Array.isArray(sort))
    return [...sort.map(String).filter((s) => totals.has(s)), ...seen.filter((s) => !sort.includes(s))];
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  const byTotal = (a: string, b: string) => (totals.get(a) ?? 0) - (totals.get(b) ?? 0);
  if (sort === "x") return seen.sort(byName);
  if (sort === "-x") return seen.sort((a, b) => byName(b, a));
  if (sort === "y") return seen.sort(byTotal);
  if (sort === "-y") return seen.sort((a, b) => byTotal(b, a));
  return seen;
}

/** Whether rows are grouped: binned x, a category x, or bars (which sum rows with the same x). */
function aggregates(kind: Kind, width: number | null, mark: string): boolean {
  return width !== null || kind === "nominal" || mark === "bar";
}

export function chartOf(payload: PlotPayload, props: Record<string, unknown>): Chart {
  const { columns, data, datatypes } = payload;
  const xName = typeof props.x === "string" ? props.x : columns[0];
  const yName = typeof props.y === "string" ? props.y : columns[1];
  const xi = columns.indexOf(xName);
  const yi = columns.indexOf(yName);
  const ci = typeof props.color === "string" ? columns.indexOf(props.color) : -1;
  const xKind: Kind = datatypes[xName] ?? "quantitative";
  const categories = xKind === "nominal" && xi >= 0 ? categoryOrder(data, xi, yi, props.sort) : [];
  const position = new Map(categories.map((c, i) => [c, i]));
  const width = xKind === "nominal" ? null : binWidth(props.x_bin, xKind === "temporal");
  const xOf = (row: unknown[]): number => {
    if (xKind === "nominal") return position.get(String(row[xi])) ?? NaN;
    const x = numeric(row[xi]) ?? NaN;
    return width === null ? x : binStart(x, width);
  };
  let points = data
    .map((row, r) => ({
      x: xOf(row),
      s: ci >= 0 ? String(row[ci]) : yName,
      y: yi >= 0 ? numeric(row[yi]) : null,
      r,
    }))
    .filter((p) => Number.isFinite(p.x));
  const names = [...new Set(points.map((p) => p.s))];
  if (!aggregates(xKind, width, payload.mark)) {
    points.sort((a, b) => a.x - b.x);
    return {
      xKind,
      categories,
      xs: points.map((p) => p.x),
      series: names.map((name) => ({ name, ys: points.map((p) => (p.s === name ? p.y : null)) })),
      rows: points.map((p) => data[p.r]),
      columns,
      binWidth: null,
      stacked: null,
    };
  }
  points = grouped(points, aggregateOf(props.y_aggregate)).map((p) => ({ ...p, r: -1 }));
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  const series = names.map((name) => ({ name, ys: xs.map((): number | null => null) }));
  const index = new Map(names.map((name, i) => [name, i]));
  for (const p of points) series[index.get(p.s) ?? 0].ys[at.get(p.x) ?? 0] = p.y;
  const stack = payload.mark === "bar" && ci >= 0 && series.length > 1;
  return {
    xKind,
    categories,
    xs,
    series,
    rows: xs.map(() => null),
    columns,
    binWidth: width,
    stacked: stack ? stacked(series.map((s) => s.ys)) : null,
  };
}

/** Gradio's SelectData of a brushed x range: the categories inside it on a nominal axis, the
 * ends in seconds on a time axis (the chart keeps milliseconds), else the ends themselves. */
export function selection(chart: Chart, lo: number, hi: number): { index: unknown; value: unknown; selected: true } {
  if (chart.xKind === "nominal") {
    const inside = chart.categories.filter((_, i) => i >= lo && i <= hi);
    return { index: inside, value: inside, selected: true };
  }
  const range = chart.xKind === "temporal" ? [lo / 1000, hi / 1000] : [lo, hi];
  return { index: range, value: range, selected: true };
}
