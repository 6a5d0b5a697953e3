import { describe, expect, it } from "vitest";
import { isSplatPly, rendererFor } from "../src/components/model3d_formats";
import { splatOrbit } from "../src/components/model3d_splat";

function ply(properties: string[], faces = false): ArrayBuffer {
  const header = [
    "ply",
    "format binary_little_endian 1.0",
    "element vertex 1",
    ...properties.map((name) => `property float ${name}`),
    ...(faces ? ["element face 1", "property list uchar int vertex_indices"] : []),
    "end_header",
    "",
  ].join("\n");
  return new TextEncoder().encode(header).buffer as ArrayBuffer;
}

const SPLAT = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2"].concat([
  "rot_0",
  "rot_1",
  "rot_2",
  "rot_3",
]);

describe("model3d formats", () => {
  it("tells a PLY file holding a Gaussian splat from a mesh or point cloud by its header", () => {
    expect(isSplatPly(ply(SPLAT))).toBe(true);
    expect(isSplatPly(ply(["x", "y", "z", "red", "green", "blue"]))).toBe(false);
    expect(isSplatPly(ply(["x", "y", "z"], true))).toBe(false);
    expect(isSplatPly(new TextEncoder().encode("solid triangle\n").buffer as ArrayBuffer)).toBe(false);
  });

  it("gives splats to gsplat, meshes to three.js and other files to no viewer", () => {
    expect(rendererFor("splat", null)).toBe("splat");
    expect(rendererFor("ply", ply(SPLAT))).toBe("splat");
    expect(rendererFor("ply", ply(["x", "y", "z"], true))).toBe("three");
    expect(rendererFor("glb", null)).toBe("three");
    expect(rendererFor("fbx", null)).toBeNull();
  });

  it("turns camera_position's degrees into gsplat's orbit, with gsplat's defaults where unset", () => {
    expect(splatOrbit([null, null, null])).toEqual([0.5, 0.5, 5]);
    const [turn, raise, radius] = splatOrbit([-90, 90, 12]);
    expect([turn, raise, radius]).toEqual([0, 0, 12]);
    expect(splatOrbit([0, 0, null])[1]).toBeCloseTo(Math.PI / 2);
  });
});
