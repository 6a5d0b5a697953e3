import { describe, expect, it } from "vitest";
import { binWidth, stacked } from "../src/components/plotagg";
import { chartOf, payloadOf, selection, type PlotPayload } from "../src/components/plotdata";

const payload = (mark: string): PlotPayload => ({
  columns: ["fruit", "n", "shop"],
  data: [
    ["apple", 3, "a"],
    ["pear", 1, "b"],
    ["apple", 2, "a"],
    ["fig", 5, "b"],
  ],
  datatypes: { fruit: "nominal", n: "quantitative", shop: "nominal" },
  mark,
});

describe("chartOf", () => {
  it("sums bars per category and series, in the order `sort` asks", () => {
    const chart = chartOf(payload("bar"), { x: "fruit", y: "n", color: "shop", sort: "-y" });
    expect(chart.categories).toEqual(["apple", "fig", "pear"]);
    expect(chart.xs).toEqual([0, 1, 2]);
    expect(chart.series).toEqual([
      { name: "a", ys: [5, null, null] },
      { name: "b", ys: [null, 5, 1] },
    ]);
  });

  it("keeps every row of a scatter plot, sorted by a numeric x, with its source row", () => {
    const chart = chartOf(payload("point"), { x: "n", y: "n" });
    expect(chart.xs).toEqual([1, 2, 3, 5]);
    expect(chart.series[0].ys).toEqual([1, 2, 3, 5]);
    expect(chart.rows[0]).toEqual(["pear", 1, "b"]);
  });

  it("drops rows whose x is missing and reads a bad payload as none", () => {
    const p = { ...payload("line"), data: [["kiwi", null, "a"], ...payload("line").data] };
    expect(chartOf(p, { x: "n", y: "n" }).xs).toHaveLength(4);
    expect(payloadOf(null)).toBeNull();
    expect(payloadOf({ columns: "x" })).toBeNull();
  });
});

describe("x_bin and y_aggregate", () => {
  const numbers: PlotPayload = {
    columns: ["x", "y", "c"],
    data: [
      [1, 1, "a"],
      [2, 2, "b"],
      [3, 3, "a"],
      [7, 4, "b"],
      [8, 5, "a"],
      [15, null, "b"],
    ],
    datatypes: { x: "quantitative", y: "quantitative", c: "nominal" },
    mark: "bar",
  };

  it("bins numeric x and sums each bin by default", () => {
    const chart = chartOf(numbers, { x: "x", y: "y", x_bin: 5 });
    expect(chart.xs).toEqual([0, 5, 15]);
    expect(chart.series[0].ys).toEqual([6, 9, null]);
    expect(chart.binWidth).toBe(5);
    expect(chart.stacked).toBeNull();
  });

  it.each([
    ["mean", [2, 4.5, null]],
    ["median", [2, 4.5, null]],
    ["min", [1, 4, null]],
    ["max", [3, 5, null]],
    ["count", [3, 2, 1]],
  ])("aggregates each bin with %s", (how, expected) => {
    const chart = chartOf({ ...numbers, mark: "line" }, { x: "x", y: "y", x_bin: 5, y_aggregate: how });
    expect(chart.series[0].ys).toEqual(expected);
  });

  it("bins dates by a duration such as 1h or 30m", () => {
    const hour = 3600e3;
    const temporal: PlotPayload = {
      columns: ["t", "y"],
      data: [
        [0.1 * hour, 1],
        [0.9 * hour, 2],
        [1.5 * hour, 4],
      ],
      datatypes: { t: "temporal", y: "quantitative" },
      mark: "line",
    };
    expect(chartOf(temporal, { x: "t", y: "y", x_bin: "1h" }).xs).toEqual([0, hour]);
    expect(chartOf(temporal, { x: "t", y: "y", x_bin: "30m" }).xs).toEqual([0, 0.5 * hour, 1.5 * hour]);
    expect(chartOf(temporal, { x: "t", y: "y", x_bin: "1h", y_aggregate: "mean" }).series[0].ys).toEqual([1.5, 4]);
    // A line without a bin keeps every point.
    expect(chartOf(temporal, { x: "t", y: "y" }).xs).toHaveLength(3);
  });

  it("stacks the colour groups of a bar chart", () => {
    const chart = chartOf(numbers, { x: "x", y: "y", x_bin: 5, color: "c" });
    expect(chart.series.map((s) => s.name)).toEqual(["a", "b"]);
    expect(chart.series[0].ys).toEqual([4, 5, null]);
    expect(chart.series[1].ys).toEqual([2, 4, null]);
    expect(chart.stacked).toEqual([
      [4, 5, null],
      [6, 9, null],
    ]);
  });

  it("stacks negative values downwards", () => {
    expect(
      stacked([
        [2, -1],
        [3, -2],
      ]),
    ).toEqual([
      [2, -1],
      [5, -3],
    ]);
  });

  it("reads x_bin by the kind of x", () => {
    expect(binWidth("1.5h", true)).toBe(5.4e6);
    expect(binWidth("10s", true)).toBe(1e4);
    expect(binWidth("1d", true)).toBe(86.4e6);
    expect(binWidth("1w", true)).toBeNull();
    expect(binWidth(5, false)).toBe(5);
    expect(binWidth(-1, false)).toBeNull();
    expect(binWidth("1h", false)).toBeNull();
  });

  it("aggregates a category axis with y_aggregate", () => {
    const chart = chartOf(payload("line"), { x: "fruit", y: "n", y_aggregate: "max" });
    expect(chart.categories).toEqual(["apple", "pear", "fig"]);
    expect(chart.series[0].ys).toEqual([3, 1, 5]);
  });
});

describe("selection", () => {
  const chart = (kind: "quantitative" | "nominal" | "temporal") =>
    chartOf(
      {
        columns: ["x", "y"],
        data:
          kind === "nominal"
            ? [
                ["a", 1],
                ["b", 2],
                ["c", 3],
              ]
            : [
                [1000, 1],
                [5000, 2],
              ],
        datatypes: { x: kind, y: "quantitative" },
        mark: "line",
      },
      { x: "x", y: "y" },
    );

  it("gives a brushed time range in seconds, as Gradio does", () => {
    expect(selection(chart("temporal"), 2000, 4000)).toEqual({ index: [2, 4], value: [2, 4], selected: true });
  });

  it("gives the categories inside a brushed range of a category axis", () => {
    expect(selection(chart("nominal"), 0.5, 2.2)).toEqual({ index: ["b", "c"], value: ["b", "c"], selected: true });
  });

  it("gives a numeric range as it is", () => {
    expect(selection(chart("quantitative"), 1.5, 3)).toEqual({ index: [1.5, 3], value: [1.5, 3], selected: true });
  });
});
