import { beforeEach, describe, expect, it } from "vitest";
import { loadBrowserStates, saveBrowserState, storageKey } from "../src/storage";
import { Store } from "../src/store";
import { component } from "./fakes";

beforeEach(() => localStorage.clear());

describe("BrowserState storage", () => {
  it("uses storage_key, else a key made of the page path and block id", () => {
    expect(storageKey(3, { storage_key: "mine" })).toBe("mine");
    expect(storageKey(3, {})).toBe(`limelight:${location.pathname}:browserstate:3`);
  });

  it("reads stored values over the defaults, leaving other components alone", () => {
    localStorage.setItem("kept", JSON.stringify({ n: 2 }));
    localStorage.setItem("broken", "{not json");
    const components = [
      component(1, "browserstate", { value: { n: 0 }, storage_key: "kept" }),
      component(2, "browserstate", { value: "default", storage_key: "broken" }),
      component(3, "browserstate", { value: "fresh" }),
      component(4, "textbox", { value: "x", storage_key: "kept" }),
    ];
    loadBrowserStates(components);
    expect(components.map((c) => c.props.value)).toEqual([{ n: 2 }, "default", "fresh", "x"]);
  });

  it("saves BrowserState values only", () => {
    const store = new Store([
      component(1, "browserstate", { value: [1, 2], storage_key: "list" }),
      component(2, "textbox", { value: "x", storage_key: "text" }),
    ]);
    saveBrowserState(store, 1);
    saveBrowserState(store, 2);
    expect(localStorage.getItem("list")).toBe("[1,2]");
    expect(localStorage.getItem("text")).toBeNull();
  });
});
