// Which of gr.Model3D's viewers draws a file. A .splat file is a Gaussian splat; a .ply file is
// either a mesh or point cloud (three.js draws it) or a Gaussian splat (gsplat draws it), and
// only its header tells which, so the component reads the file before it picks a chunk to load.

/** The viewer for a file: three.js (model3d_scene.ts), gsplat (model3d_splat.ts) or none. */
export type Renderer = "three" | "splat" | null;

/** The extensions model3d_scene.ts has a loader for. */
const MESHES = ["glb", "gltf", "obj", "stl", "ply"];

// The vertex properties of a 3D Gaussian splatting PLY file that a mesh never has.
const SPLAT_PROPERTIES = ["scale_0", "scale_1", "scale_2", "opacity", "rot_0", "rot_1", "rot_2", "rot_3"];

// A PLY header is ASCII and short; a splat file's is well under this.
const HEADER_LIMIT = 4096;

/** A file's extension, lower-cased. */
export function extension(name: string): string {
  return name.toLowerCase().split(".").pop() ?? "";
}

/** Whether the file's content must be read to choose its viewer (see `rendererFor`). */
export function needsContent(kind: string): boolean {
  return kind === "ply" || kind === "splat";
}

/** Whether `data` is a PLY file whose vertices carry a Gaussian splat's properties. */
export function isSplatPly(data: ArrayBuffer): boolean {
  const head = new TextDecoder("latin1").decode(data.slice(0, HEADER_LIMIT));
  const end = head.indexOf("end_header");
  if (!head.startsWith("ply") || end < 0) return false;
  const properties = new Set<string>();
  let inVertex = false;
  for (const line of head.slice(0, end).split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    if (words[0] === "element") inVertex = words[1] === "vertex";
    else if (inVertex && words[0] === "property") properties.add(words[words.length - 1]);
  }
  return SPLAT_PROPERTIES.every((name) => properties.has(name));
}

/** The viewer for a file of type `kind`, given its content where `needsContent(kind)`. */
export function rendererFor(kind: string, data: ArrayBuffer | null): Renderer {
  if (kind === "splat") return "splat";
  if (kind === "ply" && data && isSplatPly(data)) return "splat";
  return MESHES.includes(kind) ? "three" : null;
}
