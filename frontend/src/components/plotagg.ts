// How native plots group rows before drawing, as Gradio's LinePlot/ScatterPlot/BarPlot do in the
// browser (the payload carries the raw rows): `x_bin` puts numeric x values into bins of that
// width, or dates into bins of a duration ("10s", "15m", "1h", "1d"); `y_aggregate` combines the
// y values of a bin or category; bars of several colours stack. Pure, so it is unit-tested.

export type Aggregate = "sum" | "mean" | "median" | "min" | "max" | "count";

const AGGREGATES = new Set<string>(["sum", "mean", "median", "min", "max", "count"]);
const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 };

/** The aggregate a plot asks for, "sum" when it names none or an unknown one. */
export function aggregateOf(value: unknown): Aggregate {
  return typeof value === "string" && AGGREGATES.has(value) ? (value as Aggregate) : "sum";
}

/**
 * The width of an `x_bin` in x units: a positive number for numeric x, a duration string
 * ("30m", "1.5h") in milliseconds for dates. Null when there is no (usable) bin.
 */
export function binWidth(xBin: unknown, temporal: boolean): number | null {
  if (temporal && typeof xBin === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/.exec(xBin);
    return match ? Number(match[1]) * UNIT_MS[match[2]] : null;
  }
  if (!temporal && typeof xBin === "number" && Number.isFinite(xBin) && xBin > 0) return xBin;
  return null;
}

/** The start of the bin `x` falls in (bins are anchored at 0, the epoch for dates). */
export function binStart(x: number, width: number): number {
  return Math.floor(x / width) * width;
}

/** Combine one group's y values; a group whose y values are all missing has none (but a count). */
export function combine(values: (number | null)[], how: Aggregate): number | null {
  if (how === "count") return values.length;
  const ys = values.filter((v): v is number => v !== null);
  if (ys.length === 0) return null;
  switch (how) {
    case "sum":
      return ys.reduce((a, b) => a + b, 0);
    case "mean":
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    case "min":
      return Math.min(...ys);
    case "max":
      return Math.max(...ys);
    case "median": {
      const sorted = [...ys].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
  }
}

/** Points with the same x and series combined into one. */
export function grouped<P extends { x: number; s: string; y: number | null }>(
  points: P[],
  how: Aggregate,
): { x: number; s: string; y: number | null }[] {
  const groups = new Map<string, { x: number; s: string; ys: (number | null)[] }>();
  for (const p of points) {
    const key = `${p.x}\u0000${p.s}`;
    const group = groups.get(key);
    if (group) group.ys.push(p.y);
    else groups.set(key, { x: p.x, s: p.s, ys: [p.y] });
  }
  return [...groups.values()].map((g) => ({ x: g.x, s: g.s, y: combine(g.ys, how) }));
}

/**
 * Series stacked on top of one another, positives upwards and negatives downwards: series `i`
 * reaches the sum of itself and the series before it. Drawn last-to-first from zero, the bars
 * then look stacked.
 */
export function stacked(series: (number | null)[][]): (number | null)[][] {
  const length = series[0]?.length ?? 0;
  const up = new Array<number>(length).fill(0);
  const down = new Array<number>(length).fill(0);
  return series.map((ys) =>
    ys.map((y, i) => {
      if (y === null) return null;
      if (y >= 0) return (up[i] += y);
      return (down[i] += y);
    }),
  );
}
