import { describe, expect, it } from "vitest";
import { chartOf, payloadOf, type PlotPayload } from "../src/components/plotdata";

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
