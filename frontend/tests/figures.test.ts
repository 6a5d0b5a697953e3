import { describe, expect, it } from "vitest";
import { cartesianOnly, themedLayout } from "../src/components/figures";

describe("cartesianOnly", () => {
  it("takes the small bundle for what plotly express draws most", () => {
    expect(cartesianOnly([{ type: "scatter" }, { type: "bar" }, {}])).toBe(true);
    expect(cartesianOnly([{ type: "histogram" }, { type: "box" }, { type: "pie" }])).toBe(true);
  });
  it("needs the full bundle for 3D, maps and hierarchies", () => {
    expect(cartesianOnly([{ type: "scatter" }, { type: "scatter3d" }])).toBe(false);
    expect(cartesianOnly([{ type: "sunburst" }])).toBe(false);
    expect(cartesianOnly([{ type: "scattergl" }])).toBe(false);
  });
});

describe("themedLayout", () => {
  it("only clears the paper in light mode", () => {
    expect(themedLayout({ title: "t" }, false, "#fff")).toEqual({ title: "t", paper_bgcolor: "rgba(0,0,0,0)" });
  });
  it("lightens text and grids in dark mode but keeps what the figure sets", () => {
    const themed = themedLayout({ plot_bgcolor: "#123", xaxis2: { gridcolor: "red" } }, true, "#eee");
    expect(themed.plot_bgcolor).toBe("#123");
    expect(themed.font).toEqual({ color: "#eee" });
    expect((themed.xaxis2 as Record<string, unknown>).gridcolor).toBe("red");
    expect(themed.xaxis).toBeUndefined();
  });
});
