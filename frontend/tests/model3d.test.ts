import { describe, expect, it } from "vitest";
import { parseObj } from "../src/components/model3d";

describe("model3d", () => {
  it("reads vertices and the edges of faces, with texture and negative indices", () => {
    const model = parseObj("# corner\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/1 2/1 -1/1\nf 1 2 9\n");
    expect(model.vertices).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(model.edges.slice(0, 3)).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    expect(model.edges.every(([a, b]) => a < 3 && b < 3)).toBe(true); // index 9 does not exist
  });
});
