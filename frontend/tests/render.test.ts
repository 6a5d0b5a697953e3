import { describe, expect, it, vi } from "vitest";
import type { DependencyConfig, RenderConfig } from "../src/config";
import { Dispatcher } from "../src/events";
import { isRenderConfig, Renderer } from "../src/render";
import { Store } from "../src/store";
import { component, dependency, FakeApi, settle, WAIT } from "./fakes";

const CONTAINER = 10;
const RENDER_DEP = dependency(0, { targets: [[1, "change"]], inputs: [1], outputs: [], render_id: CONTAINER });

/** A render of the split demo: one keyed textbox and one button per letter. */
function renderOf(letters: string, firstId: number): RenderConfig {
  const components = [];
  const dependencies = [];
  const rows = [];
  for (const [i, letter] of [...letters].entries()) {
    const [row, box, button] = [firstId + 3 * i, 100 + i, firstId + 3 * i + 2];
    components.push(
      component(row, "row"),
      component(box, "textbox", { value: letter, key: `letter-${i}` }),
      component(button, "button", { value: "up" }),
    );
    dependencies.push(
      dependency(1000 + firstId + i, {
        targets: [[button, "click"]],
        inputs: [box],
        outputs: [box],
        rendered_in: CONTAINER,
      }),
    );
    rows.push({ id: row, children: [{ id: box }, { id: button }] });
  }
  return { id: CONTAINER, layout: { id: CONTAINER, children: rows }, components, dependencies };
}

function setup(): { api: FakeApi; store: Store; dispatcher: Dispatcher } {
  const api = new FakeApi();
  const store = new Store([component(1, "textbox", { value: "" }), component(CONTAINER, "column")]);
  const dispatcher = new Dispatcher([RENDER_DEP], store, api, { notify: () => undefined, now: () => 0 });
  return { api, store, dispatcher };
}

async function rerender(api: FakeApi, dispatcher: Dispatcher, config: RenderConfig): Promise<void> {
  dispatcher.userInput(1, "x");
  await settle();
  api.complete(api.joins.length - 1, [], { render_config: config });
  await vi.waitFor(() => expect(dispatcher.isRunning(0)).toBe(false), WAIT);
}

describe("render_config", () => {
  it("recognises a render config", () => {
    expect(isRenderConfig(renderOf("ab", 20))).toBe(true);
    expect(isRenderConfig({ id: 1 })).toBe(false);
    expect(isRenderConfig(null)).toBe(false);
  });

  it("draws the new layout and components into the container", async () => {
    const { api, store, dispatcher } = setup();
    await rerender(api, dispatcher, renderOf("ab", 20));
    expect(store.layout(CONTAINER).value?.children?.map((c) => c.id)).toEqual([20, 23]);
    expect(store.types.get(100)).toBe("textbox");
    expect(store.value(101)).toBe("b");
  });

  it("wires the rendered listeners, with their own fn_index", async () => {
    const { api, dispatcher } = setup();
    await rerender(api, dispatcher, renderOf("ab", 20));
    dispatcher.trigger(25, "click");
    await settle();
    expect(api.joins.at(-1)?.body).toMatchObject({ fn_index: 1021, data: ["b"], trigger_id: 25 });
  });

  it("keeps the value of a component drawn again under the same id, and takes its other props", async () => {
    const { api, store, dispatcher } = setup();
    await rerender(api, dispatcher, renderOf("ab", 20));
    store.update(100, { value: "typed" });
    const next = renderOf("abc", 40);
    next.components[1].props.label = "First";
    await rerender(api, dispatcher, next);
    expect(store.value(100)).toBe("typed");
    expect(store.props(100).value.label).toBe("First");
    expect(store.value(102)).toBe("c");
  });

  it("drops the previous render's blocks and listeners", async () => {
    const { api, store, dispatcher } = setup();
    await rerender(api, dispatcher, renderOf("abc", 20));
    await rerender(api, dispatcher, renderOf("a", 40));
    expect(store.types.has(20)).toBe(false);
    expect(store.types.has(101)).toBe(false);
    expect(store.types.has(100)).toBe(true);
    const joins = api.joins.length;
    dispatcher.trigger(22, "click"); // the first render's button
    await settle();
    expect(api.joins).toHaveLength(joins);
    dispatcher.trigger(42, "click");
    await settle();
    expect(api.joins.at(-1)?.body.fn_index).toBe(1040);
  });

  it("forgets what a nested render drew when its container goes", () => {
    const store = new Store([]);
    const replaced: Array<[number[], number[]]> = [];
    const renderer = new Renderer(store, {
      replaceRendered: (containers, added) =>
        replaced.push([[...containers], added.map((d: DependencyConfig) => d.id)]),
    });
    renderer.apply({
      id: 1,
      layout: { id: 1, children: [{ id: 2 }] },
      components: [component(2, "column")],
      dependencies: [],
    });
    renderer.apply({
      id: 2,
      layout: { id: 2, children: [{ id: 3 }] },
      components: [component(3, "textbox")],
      dependencies: [],
    });
    renderer.apply({ id: 1, layout: { id: 1, children: [] }, components: [], dependencies: [] });
    expect(store.types.has(2)).toBe(false);
    expect(store.types.has(3)).toBe(false);
    expect(replaced.at(-1)?.[0].sort()).toEqual([1, 2]);
  });

  it("runs the chain after a render", async () => {
    const api = new FakeApi();
    const store = new Store([component(1, "textbox", { value: "" }), component(CONTAINER, "column")]);
    const then = dependency(1, { targets: [[null, "then"]], trigger_after: 0 });
    const dispatcher = new Dispatcher([RENDER_DEP, then], store, api, { notify: () => undefined });
    dispatcher.trigger(1, "change");
    await settle();
    api.complete(0, [], { render_config: renderOf("a", 20) });
    await vi.waitFor(() => expect(api.joins.map((j) => j.body.fn_index)).toEqual([0, 1]), WAIT);
    expect(store.types.get(20)).toBe("row");
  });
});
