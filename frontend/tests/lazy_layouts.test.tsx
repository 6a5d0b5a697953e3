import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App, type AppServices } from "../src/app";
import type { AppConfig } from "../src/config";
import { dependencyRoles } from "../src/dependencies";
import { Dispatcher } from "../src/events";
import { load } from "../src/registry";
import { Store } from "../src/store";
import { appConfig, component, FakeApi, settle } from "./fakes";

// Tabs draw a panel's blocks only once it is chosen, and a closed accordion its blocks only
// once it opens; values written meanwhile must show when they are drawn.
const CONFIG: AppConfig = appConfig({
  components: [
    component(1, "tabs", {}),
    component(2, "tabitem", { label: "First" }),
    component(3, "textbox", { label: "One", value: "a" }),
    component(4, "tabitem", { label: "Second" }),
    component(5, "textbox", { label: "Two", value: "b" }),
    component(6, "accordion", { label: "More", open: false }),
    component(7, "textbox", { label: "Three", value: "c" }),
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
    ],
  },
});

let host: HTMLElement;
let store: Store;

const box = (id: number) =>
  host.querySelector<HTMLTextAreaElement>(`[data-block="${id}"] textarea, [data-block="${id}"] input`);

beforeEach(async () => {
  await Promise.all(["tabs", "accordion", "textbox"].map(load));
  host = document.createElement("div");
  document.body.append(host);
  store = new Store(CONFIG.components);
  const dispatcher = new Dispatcher(CONFIG.dependencies, store, new FakeApi(), { notify: () => undefined });
  const services: AppServices = { config: CONFIG, store, dispatcher, roles: dependencyRoles(CONFIG.dependencies) };
  act(() => render(<App services={services} />, host));
  await settle();
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe("lazy layouts", () => {
  it("draws only the chosen tab, and a hidden tab with its latest values when chosen", async () => {
    expect(box(3)?.value).toBe("a");
    expect(host.querySelector('[data-block="5"]')).toBeNull();
    expect(host.querySelectorAll('[role="tabpanel"]')).toHaveLength(2);
    act(() => void store.update(5, { value: "set while hidden" }));
    act(() => host.querySelector<HTMLButtonElement>("#tab-4")!.click());
    await settle();
    expect(box(5)?.value).toBe("set while hidden");
  });

  it("keeps a tab drawn once it was shown", async () => {
    act(() => host.querySelector<HTMLButtonElement>("#tab-4")!.click());
    await settle();
    act(() => host.querySelector<HTMLButtonElement>("#tab-2")!.click());
    await settle();
    const second = host.querySelector<HTMLElement>('[data-block="5"]')!;
    expect(second).not.toBeNull();
    expect(second.closest<HTMLElement>('[role="tabpanel"]')!.hidden).toBe(true);
  });

  it("draws a closed accordion's blocks when it first opens", async () => {
    expect(host.querySelector('[data-block="7"]')).toBeNull();
    act(() => void store.update(7, { value: "new" }));
    act(() => host.querySelector<HTMLButtonElement>(".accordion-header")!.click());
    await settle();
    expect(box(7)?.value).toBe("new");
    act(() => host.querySelector<HTMLButtonElement>(".accordion-header")!.click());
    await settle();
    expect(host.querySelector('[data-block="7"]')).not.toBeNull();
  });
});

describe("a component whose module loads after the first render", () => {
  it("shows a placeholder, then the component", async () => {
    const config: AppConfig = appConfig({
      components: [component(1, "colorpicker", { label: "Colour", value: "#ff0000" })],
      dependencies: [],
      layout: { id: 0, children: [{ id: 1 }] },
    });
    const late = document.createElement("div");
    document.body.append(late);
    const lateStore = new Store(config.components);
    const dispatcher = new Dispatcher([], lateStore, new FakeApi(), { notify: () => undefined });
    const services: AppServices = { config, store: lateStore, dispatcher, roles: dependencyRoles([]) };
    act(() => render(<App services={services} />, late));
    expect(late.querySelector(".block-loading")).not.toBeNull();
    await load("colorpicker");
    await settle();
    await settle();
    expect(late.querySelector(".block-loading")).toBeNull();
    expect(late.querySelector("input")).not.toBeNull();
    render(null, late);
    late.remove();
  });
});
