import { describe, expect, it } from "vitest";
import { isKnownComponent, isLayout, load, peekComponent, peekLayout } from "../src/registry";

const COMPONENTS = [
  "textbox",
  "number",
  "slider",
  "checkbox",
  "radio",
  "dropdown",
  "button",
  "markdown",
  "json",
  "label",
  "state",
  "html",
];

describe("registry", () => {
  it("knows every component the frontend ships", () => {
    for (const type of COMPONENTS) expect(isKnownComponent(type), type).toBe(true);
    expect(isKnownComponent("nonexistent")).toBe(false);
  });

  it("tells layouts from components", () => {
    for (const type of ["row", "column", "group", "form", "tabs", "tabitem", "accordion"]) {
      expect(isLayout(type), type).toBe(true);
    }
    expect(isLayout("textbox")).toBe(false);
  });

  it("has the plain layouts without loading anything", () => {
    for (const type of ["row", "column", "group", "form"]) expect(peekLayout(type)).toBeTypeOf("function");
    expect(peekLayout("tabs")).toBeUndefined();
  });

  it("loads each component module lazily, once", async () => {
    for (const type of COMPONENTS) {
      const first = load(type);
      expect(load(type)).toBe(first);
      await first;
      expect(peekComponent(type), type).toBeTypeOf("function");
    }
  });

  it("loads the lazy layouts", async () => {
    await load("tabs");
    await load("accordion");
    expect(peekLayout("tabs")).toBeTypeOf("function");
    expect(peekLayout("accordion")).toBeTypeOf("function");
  });

  it("falls back to the unknown-component module", async () => {
    await load("video_player_3000");
    const Unknown = peekComponent("video_player_3000");
    const fallback = (await import("../src/components/unknown")).default;
    expect(Unknown).toBe(fallback);
  });
});
