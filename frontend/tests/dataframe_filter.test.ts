import { describe, expect, it } from "vitest";
import { cellTest, describe as describeFilter, operators, rowTest } from "../src/components/dataframe_filter";

const kept = (cells: unknown[], op: Parameters<typeof cellTest>[0]["op"], value = "") =>
  cells.filter(cellTest({ col: 0, op, value }));

describe("text filters", () => {
  const names = ["apple", "Apricot", "banana", "", null];
  it("match case-sensitively, as Gradio's do", () => {
    expect(kept(names, "contains", "ap")).toEqual(["apple"]);
    expect(kept(names, "not_contains", "an")).toEqual(["apple", "Apricot", "", null]);
    expect(kept(names, "starts_with", "A")).toEqual(["Apricot"]);
    expect(kept(names, "ends_with", "na")).toEqual(["banana"]);
    expect(kept(names, "is", "banana")).toEqual(["banana"]);
    expect(kept(names, "is_not", "banana")).toEqual(["apple", "Apricot", "", null]);
  });
  it("find empty and filled cells", () => {
    expect(kept(names, "empty")).toEqual(["", null]);
    expect(kept(names, "not_empty")).toEqual(["apple", "Apricot", "banana"]);
  });
});

describe("number filters", () => {
  const values = [1, 2.5, 10, null, "7"];
  it("compare numbers, reading numeric strings", () => {
    expect(kept(values, ">", "2")).toEqual([2.5, 10, "7"]);
    expect(kept(values, "≤", "2.5")).toEqual([1, 2.5]);
    expect(kept(values, "=", "10")).toEqual([10]);
    expect(kept(values, "≠", "10")).toEqual([1, 2.5, null, "7"]);
    expect(kept(values, "≥", "7")).toEqual([10, "7"]);
    expect(kept(values, "<", "1")).toEqual([]);
  });
  it("match nothing while the value is not a number yet", () => {
    expect(kept(values, ">", "")).toEqual([]);
    expect(kept(values, ">", "abc")).toEqual([]);
  });
});

describe("rowTest", () => {
  it("keeps rows that meet every column's filter", () => {
    const rows = [
      ["apple", 3],
      ["avocado", 9],
      ["banana", 12],
    ];
    const keep = rowTest([
      { col: 0, op: "starts_with", value: "a" },
      { col: 1, op: ">", value: "5" },
    ]);
    expect(rows.filter(keep)).toEqual([["avocado", 9]]);
    expect(rows.filter(rowTest([]))).toEqual(rows);
  });
});

describe("operators and chips", () => {
  it("offers each kind of column its own operators", () => {
    expect(operators(true).map(([op]) => op)).toEqual(["=", "≠", ">", "<", "≥", "≤", "empty", "not_empty"]);
    expect(operators(false).map(([, label]) => label)).toContain("does not contain");
  });
  it("describes a filter for its chip", () => {
    expect(describeFilter({ col: 0, op: ">", value: "3" }, "price")).toBe("price > 3");
    expect(describeFilter({ col: 0, op: "contains", value: "ap" }, "name")).toBe('name contains "ap"');
    expect(describeFilter({ col: 0, op: "empty", value: "" }, "name")).toBe("name is empty");
  });
});
