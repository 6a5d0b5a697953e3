import { describe, expect, it } from "vitest";
import { applyEdit, applyEdits, applyOutputDiffs, type Edit } from "../src/diff";

describe("applyEdit", () => {
  it("replaces the whole value for an empty path", () => {
    expect(applyEdit("step 0", ["replace", [], "step 1"])).toBe("step 1");
  });

  it("replaces a nested value", () => {
    expect(applyEdit({ a: [1, 2] }, ["replace", ["a", 1], 5])).toEqual({ a: [1, 5] });
  });

  it("appends to a string at a path", () => {
    const chat = [
      { role: "user", content: [{ text: "Hi", type: "text" }] },
      { role: "assistant", content: [{ text: "Hello", type: "text" }] },
    ];
    const next = applyEdit(chat, ["append", [1, "content", 0, "text"], " there"]) as typeof chat;
    expect(next[1].content[0].text).toBe("Hello there");
    expect(next[0]).toBe(chat[0]); // untouched branches are shared
  });

  it("appends to the root string and to lists", () => {
    expect(applyEdit("ab", ["append", [], "c"])).toBe("abc");
    expect(applyEdit([1], ["append", [], [2, 3]])).toEqual([1, 2, 3]);
  });

  it("adds list items and dict keys", () => {
    expect(applyEdit([1, 3], ["add", [1], 2])).toEqual([1, 2, 3]);
    expect(applyEdit([1], ["add", [1], 2])).toEqual([1, 2]);
    expect(applyEdit({ a: 1 }, ["add", ["b"], 2])).toEqual({ a: 1, b: 2 });
  });

  it("deletes list items and dict keys", () => {
    expect(applyEdit([1, 2, 3], ["delete", [1], null])).toEqual([1, 3]);
    expect(applyEdit({ a: 1, b: 2 }, ["delete", ["a"], null])).toEqual({ b: 2 });
  });

  it("does not mutate its input", () => {
    const before = { list: [1, 2], text: "x" };
    const frozen = JSON.stringify(before);
    applyEdit(before, ["append", ["text"], "y"]);
    applyEdit(before, ["add", ["list", 0], 0]);
    applyEdit(before, ["delete", ["list", 0], null]);
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it("ignores paths that do not exist", () => {
    expect(applyEdit("text", ["replace", ["a", "b"], 1])).toBe("text");
    expect(applyEdit([1], ["delete", [5], null])).toEqual([1]);
  });
});

describe("applyEdits", () => {
  it("applies edits in order", () => {
    const edits: Edit[] = [
      ["append", [0, "text"], "b"],
      ["add", [1], { text: "new" }],
    ];
    expect(applyEdits([{ text: "a" }], edits)).toEqual([{ text: "ab" }, { text: "new" }]);
  });

  it("removes trailing list items listed by ascending index", () => {
    const edits: Edit[] = [
      ["delete", [2], null],
      ["delete", [3], null],
    ];
    expect(applyEdits(["a", "b", "c", "d"], edits)).toEqual(["a", "b"]);
  });

  it("leaves the value alone for an empty edit list", () => {
    const value = { a: 1 };
    expect(applyEdits(value, [])).toBe(value);
  });
});

describe("applyOutputDiffs", () => {
  it("applies one edit list per output", () => {
    const previous = ["step 0", [1], "same"];
    const diffs = [[["replace", [], "step 1"]], [["add", [1], 2]], []];
    expect(applyOutputDiffs(previous, diffs)).toEqual(["step 1", [1, 2], "same"]);
  });
});
