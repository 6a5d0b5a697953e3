// Draws the interactive figures gr.Plot receives as JSON specs: plotly figures with plotly.js and
// altair charts with vega-embed. Each library is imported on first use only, so it lands in a
// chunk of its own that a page downloads only when such a figure arrives. plotly comes in two
// bundles: the cartesian one (bar, box, contour, heatmap, histogram(2d), image, pie, scatter,
// violin: what plotly express draws most) is a third of the full one, which is fetched only for
// figures with other traces (3D, maps, sunburst, WebGL scatter, ...).

type Json = Record<string, unknown>;

/** What the Plot component needs from plotly.js. */
export interface PlotlyApi {
  newPlot(el: HTMLElement, data: unknown[], layout: Json, config: Json): Promise<unknown>;
  purge(el: HTMLElement): void;
  Plots: { resize(el: HTMLElement): void };
}

/** Trace types the cartesian bundle registers (its README lists them). */
const CARTESIAN = new Set([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);

/** Whether every trace of a figure can be drawn by the cartesian bundle (no type = scatter). */
export function cartesianOnly(data: unknown[]): boolean {
  return data.every((trace) => {
    const type = (trace as Json | null)?.type;
    return type === undefined || (typeof type === "string" && CARTESIAN.has(type));
  });
}

/** Whether the page is in dark mode: `?__theme=` pins a class on <html>, else the OS decides. */
export function isDark(): boolean {
  const root = document.documentElement.classList;
  if (root.contains("dark")) return true;
  if (root.contains("light")) return false;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

const AXES = /^(xaxis|yaxis)\d*$/;

/** In dark mode, see-through backgrounds and light text and grids, where the figure sets none. */
export function themedLayout(layout: Json, dark: boolean, text: string): Json {
  const themed: Json = { ...layout, paper_bgcolor: layout.paper_bgcolor ?? "rgba(0,0,0,0)" };
  if (!dark) return themed;
  themed.plot_bgcolor = layout.plot_bgcolor ?? "rgba(0,0,0,0)";
  themed.font = { color: text, ...(layout.font as Json | undefined) };
  const axes = Object.keys(layout).filter((k) => AXES.test(k));
  for (const key of axes.length ? axes : ["xaxis", "yaxis"]) {
    const axis = (layout[key] as Json | undefined) ?? {};
    themed[key] = {
      gridcolor: "rgba(128,128,128,0.3)",
      zerolinecolor: "rgba(128,128,128,0.5)",
      linecolor: "rgba(128,128,128,0.5)",
      ...axis,
    };
  }
  return themed;
}

/** Draw a plotly figure into `el`; the returned function frees it. */
export async function drawPlotly(el: HTMLElement, figure: Json, dark: boolean): Promise<() => void> {
  const data = Array.isArray(figure.data) ? figure.data : [];
  const Plotly = cartesianOnly(data)
    ? (await import("plotly.js-cartesian-dist-min")).default
    : (await import("plotly.js-dist-min")).default;
  const text = getComputedStyle(el).color || "#ddd";
  const layout = themedLayout((figure.layout as Json | undefined) ?? {}, dark, text);
  await Plotly.newPlot(el, data, layout, { responsive: true, displaylogo: false });
  // `responsive` follows the window only; a figure drawn in a hidden tab must follow its box.
  const resize = new ResizeObserver(() => el.clientWidth > 0 && Plotly.Plots.resize(el));
  resize.observe(el);
  return () => {
    resize.disconnect();
    Plotly.purge(el);
  };
}

/** Draw an altair chart (a Vega-Lite spec) into `el`; the returned function frees it. */
export async function drawVega(el: HTMLElement, spec: Json, dark: boolean): Promise<() => void> {
  const { default: embed } = await import("vega-embed");
  const result = await embed(el, spec as never, {
    actions: false,
    renderer: "svg",
    ...(dark ? { theme: "dark" as const } : {}),
    config: { background: "transparent" },
  });
  return () => result.finalize();
}
