import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App, type AppServices } from "../src/app";
import type { AppConfig } from "../src/config";
import { dependencyRoles } from "../src/dependencies";
import { Dispatcher } from "../src/events";
import { load } from "../src/registry";
import { Store } from "../src/store";
import { appConfig, component, dependency, FakeApi, settle } from "./fakes";

const CONFIG: AppConfig = appConfig({
  api_prefix: "/gradio_api",
  components: [
    component(1, "row", { equal_height: false }),
    component(2, "column", { scale: 2, min_width: 320 }),
    component(3, "textbox", {
      label: "Name",
      value: "World",
      elem_id: "name-box",
      elem_classes: ["big"],
      container: true,
    }),
    component(4, "textbox", { label: "Greeting", value: "", container: true }),
    component(5, "button", { value: "Greet", variant: "primary" }),
    component(6, "markdown", { value: "hidden", visible: false }),
    component(7, "mystery", {}),
  ],
  dependencies: [dependency(0, { targets: [[5, "click"]], inputs: [3], outputs: [4] })],
  layout: {
    id: 0,
    children: [{ id: 1, children: [{ id: 2, children: [{ id: 3 }, { id: 4 }] }, { id: 5 }] }, { id: 6 }, { id: 7 }],
  },
});

let host: HTMLElement;
let api: FakeApi;
let store: Store;

beforeEach(async () => {
  await Promise.all(["textbox", "button", "mystery"].map(load));
  host = document.createElement("div");
  document.body.append(host);
  api = new FakeApi();
  store = new Store(CONFIG.components);
  const dispatcher = new Dispatcher(CONFIG.dependencies, store, api, { notify: () => undefined });
  const services: AppServices = { config: CONFIG, store, dispatcher, roles: dependencyRoles(CONFIG.dependencies) };
  act(() => render(<App services={services} />, host));
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe("App", () => {
  it("draws the layout tree with block ids, classes and sizes", () => {
    const row = host.querySelector(".row")!;
    const column = row.querySelector(":scope > .column") as HTMLElement;
    expect(column.style.getPropertyValue("--scale")).toBe("2");
    const name = host.querySelector("#name-box")!;
    expect(name.className).toContain("big");
    expect(name.className).toContain("container");
    expect(row.querySelector(":scope > .block-button")).not.toBeNull();
  });

  it("leaves out invisible blocks and names unknown components", () => {
    expect(host.querySelector(".block-markdown")).toBeNull();
    expect(host.textContent).toContain("Unknown component mystery");
  });

  it("makes outputs read-only and inputs editable by default", () => {
    const [input, output] = host.querySelectorAll<HTMLInputElement>("input");
    expect(input.readOnly).toBe(false);
    expect(output.readOnly).toBe(true);
  });

  it("runs the event on click and shows the result", async () => {
    act(() => host.querySelector<HTMLButtonElement>(".btn")!.click());
    await settle();
    expect(api.joins[0].body.data).toEqual(["World"]);
    act(() => api.complete(0, ["Hello World!"]));
    await settle();
    expect(host.querySelectorAll<HTMLInputElement>("input")[1].value).toBe("Hello World!");
  });

  it("marks outputs as pending while the event runs", async () => {
    act(() => host.querySelector<HTMLButtonElement>(".btn")!.click());
    await settle();
    const output = host.querySelectorAll(".block-textbox")[1];
    expect(output.className).toContain("pending");
    expect(output.querySelector(".status-full")).not.toBeNull();
    act(() => api.send(0, { msg: "estimation", rank: 1, queue_size: 4 }));
    expect(output.textContent).toContain("queue: 2/4");
    act(() => api.complete(0, ["done"]));
    await settle();
    expect(output.className).not.toContain("pending");
  });

  it("applies visibility updates", async () => {
    act(() => void store.update(6, { visible: true }));
    await load("markdown");
    await settle();
    act(() => void store.update(6, { value: "shown" }));
    expect(host.querySelector(".block-markdown")).not.toBeNull();
  });

  it("has the footer", () => {
    expect(host.querySelector(".footer")!.textContent).toContain("Built with limelight");
  });
});
