import { describe, expect, it } from "vitest";
import { acceptAttr, accepts, fileUrl, formatSize } from "../src/media";

const META = { _type: "gradio.FileData" };

describe("media helpers", () => {
  it("prefers a file's url and falls back to the file= route", () => {
    expect(fileUrl({ path: "/c/x.png", url: "http://h/gradio_api/file=/c/x.png", is_stream: false, meta: META })).toBe(
      "http://h/gradio_api/file=/c/x.png",
    );
    expect(fileUrl({ path: "/c/a b.png", is_stream: false, meta: META })).toMatch(
      /\/gradio_api\/file=\/c\/a%20b\.png$/,
    );
    expect(fileUrl(null)).toBeNull();
  });

  it("matches file types by extension and category", () => {
    const png = new File(["x"], "a.PNG", { type: "image/png" });
    expect(accepts(png, [".png"])).toBe(true);
    expect(accepts(png, ["image"])).toBe(true);
    expect(accepts(png, ["audio", ".wav"])).toBe(false);
    expect(accepts(png, undefined)).toBe(true);
    expect(acceptAttr([".csv", "image"])).toBe(".csv,image/*");
  });

  it("formats sizes", () => {
    expect(formatSize(999)).toBe("999 B");
    expect(formatSize(1500000)).toBe("1.5 MB");
    expect(formatSize(null)).toBe("");
  });
});
