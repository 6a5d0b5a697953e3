import { describe, expect, it } from "vitest";
import { editorValue } from "../src/components/imageeditor";

const file = (path: string) => ({ path, url: null, meta: { _type: "gradio.FileData" } });

describe("imageeditor", () => {
  it("reads an editor value and treats an empty one as no value", () => {
    const value = editorValue({ background: file("bg.png"), layers: [file("l.png"), 3], composite: null });
    expect(value?.background?.path).toBe("bg.png");
    expect(value?.layers.map((l) => l.path)).toEqual(["l.png"]);
    expect(editorValue({ background: null, layers: [], composite: null })).toBeNull();
    expect(editorValue("bg.png")).toBeNull();
  });
});
