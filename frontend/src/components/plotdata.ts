// Turns a native plot's payload (`{columns, data, datatypes, mark}`, as Gradio sends it) and its
// props (x, y, color, sort) into the column arrays uPlot draws: one x array, one y array per
// colour series, with nulls where a row belongs to another series. Pure, so it is unit-tested.

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
  /** The source row of each x position (bars, which are summed, have none). */
  rows: (unknown[] | null)[];
  columns: string[];
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

/** Sum y per (x, series), as a bar chart shows it. */
function summed(points: { x: number; s: string; y: number | null }[]): { x: number; s: string; y: number | null }[] {
  const sums = new Map<string, { x: number; s: string; y: number | null }>();
  for (const p of points) {
    const key = `${p.x}\u0000${p.s}`;
    const prev = sums.get(key);
    if (prev) prev.y = (prev.y ?? 0) + (p.y ?? 0);
    else sums.set(key, { ...p });
  }
  return [...sums.values()];
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
  let points = data
    .map((row, r) => ({
      x: xKind === "nominal" ? (position.get(String(row[xi])) ?? NaN) : (numeric(row[xi]) ?? NaN),
      s: ci >= 0 ? String(row[ci]) : yName,
      y: yi >= 0 ? numeric(row[yi]) : null,
      r,
    }))
    .filter((p) => Number.isFinite(p.x));
  const bars = payload.mark === "bar";
  if (bars) points = summed(points).map((p) => ({ ...p, r: -1 }));
  points.sort((a, b) => a.x - b.x);
  const names = [...new Set(points.map((p) => p.s))];
  return {
    xKind,
    categories,
    xs: points.map((p) => p.x),
    series: names.map((name) => ({ name, ys: points.map((p) => (p.s === name ? p.y : null)) })),
    rows: points.map((p) => (p.r >= 0 ? data[p.r] : null)),
    columns,
  };
}
