import { describe, expect, it } from "vitest";
import type { AppConfig } from "../src/config";
import { firstScreenTypes } from "../src/first_screen";
import { appConfig, component } from "./fakes";

function config(tabsProps: Record<string, unknown>): AppConfig {
  return appConfig({
    components: [
      component(1, "tabs", tabsProps),
      component(2, "tabitem", { label: "A" }),
      component(3, "textbox", {}),
      component(4, "tabitem", { label: "B", id: "b" }),
      component(5, "chatbot", {}),
      component(6, "accordion", { open: false }),
      component(7, "gallery", {}),
      component(8, "accordion", {}),
      component(9, "number", {}),
      component(10, "image", { visible: false }),
    ],
    dependencies: [],
    layout: {
      id: 0,
      children: [
        {
          id: 1,
          children: [
            { id: 2, children: [{ id: 3 }] },
            { id: 4, children: [{ id: 5 }] },
          ],
        },
        { id: 6, children: [{ id: 7 }] },
        { id: 8, children: [{ id: 9 }] },
        { id: 10 },
      ],
    },
  });
}

describe("firstScreenTypes", () => {
  it("takes the first tab, open accordions, and no hidden block", () => {
    expect([...firstScreenTypes(config({}))].sort()).toEqual(["accordion", "number", "tabitem", "tabs", "textbox"]);
  });

  it("takes the tab that `selected` names", () => {
    const types = firstScreenTypes(config({ selected: "b" }));
    expect(types.has("chatbot")).toBe(true);
    expect(types.has("textbox")).toBe(false);
  });

  it("takes the step a walkthrough opens on, by id or by position", () => {
    const walkthrough = (selected: unknown): AppConfig =>
      appConfig({
        components: [
          component(1, "walkthrough", { selected }),
          component(2, "walkthroughstep", { label: "One", id: 5 }),
          component(3, "textbox", {}),
          component(4, "walkthroughstep", { label: "Two" }),
          component(6, "chatbot", {}),
        ],
        dependencies: [],
        layout: {
          id: 0,
          children: [
            {
              id: 1,
              children: [
                { id: 2, children: [{ id: 3 }] },
                { id: 4, children: [{ id: 6 }] },
              ],
            },
          ],
        },
      });
    expect(firstScreenTypes(walkthrough(5)).has("textbox")).toBe(true);
    expect(firstScreenTypes(walkthrough(1)).has("chatbot")).toBe(true);
    expect(firstScreenTypes(walkthrough(1)).has("textbox")).toBe(false);
    expect(firstScreenTypes(walkthrough(null)).has("chatbot")).toBe(false);
  });
});
