import { describe, expect, it } from "vitest";
import { editorValue, paint, palette } from "../src/components/image_editor";

const file = (path: string) => ({ path, url: null, meta: { _type: "gradio.FileData" } });

describe("imageeditor", () => {
  it("reads an editor value and treats an empty one as no value", () => {
    const value = editorValue({ background: file("bg.png"), layers: [file("l.png"), 3], composite: null });
    expect(value?.background?.path).toBe("bg.png");
    expect(value?.layers.map((l) => l.path)).toEqual(["l.png"]);
    expect(editorValue({ background: null, layers: [], composite: null })).toBeNull();
    expect(editorValue("bg.png")).toBeNull();
  });

  it("reads colours with an opacity, and one colour as a palette", () => {
    expect(paint(["#00FF00", 0.5])).toEqual({ css: "#00FF00", alpha: 0.5 });
    expect(paint("pink")).toEqual({ css: "pink", alpha: 1 });
    expect(palette(["red", ["crimson", 0.5], 3])).toEqual([
      { css: "red", alpha: 1 },
      { css: "crimson", alpha: 0.5 },
    ]);
    expect(palette(["red", "blue"])).toHaveLength(2);
    expect(palette(["red", 0.2])).toEqual([{ css: "red", alpha: 0.2 }]);
  });
});
