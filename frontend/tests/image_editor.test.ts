import { describe, expect, it } from "vitest";
import { editorValue, paint, palette } from "../src/components/image_editor";
import {
  History,
  containRect,
  cropRect,
  fitZoom,
  initialNames,
  nextLayerName,
  pixelSize,
  removeLayer,
  stepZoom,
  toggleLayer,
} from "../src/components/image_editor_model";

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

describe("imageeditor model", () => {
  const layer = (name: string, visible = true) => ({ name, visible, pixels: name });

  it("undoes and redoes, and a new edit drops what could be redone", () => {
    const h = new History("a");
    expect([h.canUndo, h.canRedo]).toEqual([false, false]);
    h.push("b");
    h.push("c");
    expect(h.undo()).toBe("b");
    expect(h.undo()).toBe("a");
    expect(h.undo()).toBe("a");
    expect(h.redo()).toBe("b");
    h.push("d");
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe("b");
    expect(h.redo()).toBe("d");
  });

  it("keeps at most `limit` states", () => {
    const h = new History(0, 3);
    for (const n of [1, 2, 3, 4]) h.push(n);
    expect([h.undo(), h.undo(), h.undo()]).toEqual([3, 2, 2]);
  });

  it("names, removes and hides layers", () => {
    expect(initialNames(null)).toEqual(["Layer 1"]);
    expect(initialNames(["Mask", 3, "Sky"])).toEqual(["Mask", "Sky"]);
    expect(nextLayerName([layer("Layer 1"), layer("Layer 3")])).toBe("Layer 4");
    expect(nextLayerName([layer("Mask")])).toBe("Layer 2");
    const three = [layer("a"), layer("b"), layer("c")];
    const [rest, selected] = removeLayer(three, 1);
    expect([rest.map((l) => l.name), selected]).toEqual([["a", "c"], 0]);
    expect(removeLayer(three, 0)[1]).toBe(0);
    expect(removeLayer([layer("only")], 0)[0]).toHaveLength(1);
    expect(toggleLayer(three, 2).map((l) => l.visible)).toEqual([true, true, false]);
    expect(three[2].visible).toBe(true);
  });

  it("crops to the dragged rectangle, inside the image, in any direction", () => {
    expect(cropRect({ x: 10.4, y: 20 }, { x: 50, y: 60.6 }, 100, 100)).toEqual({ x: 10, y: 20, width: 40, height: 41 });
    expect(cropRect({ x: 50, y: 60 }, { x: -5, y: 10 }, 100, 100)).toEqual({ x: 0, y: 10, width: 50, height: 50 });
    expect(cropRect({ x: 90, y: 90 }, { x: 150, y: 120 }, 100, 100)).toEqual({ x: 90, y: 90, width: 10, height: 10 });
  });

  it("keeps a fixed crop shape within the drag and the image", () => {
    expect(cropRect({ x: 0, y: 0 }, { x: 80, y: 30 }, 100, 100, 1)).toEqual({ x: 0, y: 0, width: 30, height: 30 });
    expect(cropRect({ x: 0, y: 0 }, { x: 100, y: 100 }, 100, 100, 16 / 9)).toEqual({
      x: 0,
      y: 0,
      width: 100,
      height: 56,
    });
    expect(cropRect({ x: 60, y: 60 }, { x: 0, y: 50 }, 100, 100, 4 / 3)).toEqual({
      x: 47,
      y: 50,
      width: 13,
      height: 10,
    });
  });

  it("steps zoom levels and fits without enlarging", () => {
    expect(stepZoom(1, 1)).toBe(1.5);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(0.6, 1)).toBe(0.75);
    expect(stepZoom(8, 1)).toBe(8);
    expect(stepZoom(0.1, -1)).toBe(0.1);
    expect(fitZoom(800, 400, 400, 1000)).toBe(0.5);
    expect(fitZoom(100, 100, 400, 400)).toBe(1);
    expect(fitZoom(100, 100, 0, 400)).toBe(1);
  });

  it("fits an image into a fixed canvas, centred, up or down", () => {
    expect(containRect(200, 100, 100, 100)).toEqual({ x: 0, y: 25, width: 100, height: 50 });
    expect(containRect(10, 20, 100, 100)).toEqual({ x: 25, y: 0, width: 50, height: 100 });
  });

  it("reads typed sizes", () => {
    expect(pixelSize("120")).toBe(120);
    expect(pixelSize("0")).toBeNull();
    expect(pixelSize("abc")).toBeNull();
  });
});
