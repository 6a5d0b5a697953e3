import { describe, expect, it, vi } from "vitest";
import { Dispatcher } from "../src/events";
import { compileJs, jsValues, runJs } from "../src/js";
import { Store } from "../src/store";
import type { ToastInput } from "../src/toasts";
import { component, dependency, FakeApi, settle, WAIT } from "./fakes";

describe("compileJs", () => {
  it("takes arrow functions, function expressions and async functions", async () => {
    expect(await runJs("(a, b) => a + b", [1, 2])).toBe(3);
    expect(await runJs("function (x) { return x * 2; }", [4])).toBe(8);
    expect(await runJs("async (x) => x.toUpperCase()", ["hi"])).toBe("HI");
  });

  it("runs a bare list of statements as a function body", async () => {
    expect(await runJs("const x = 2; return x * 3;", [])).toBe(6);
  });

  it("refuses source that is not a function or does not parse", () => {
    expect(() => compileJs("42")).toThrow(TypeError);
    expect(() => compileJs("(x) => {")).toThrow(SyntaxError);
  });
});

describe("jsValues", () => {
  it("reads an array as one value per slot and anything else as the only one", () => {
    expect(jsValues(["a", "b"])).toEqual(["a", "b"]);
    expect(jsValues("a")).toEqual(["a"]);
    expect(jsValues(null)).toEqual([null]);
    expect(jsValues(undefined)).toBeNull();
  });
});

function setup(js: string, backendFn: boolean) {
  const api = new FakeApi();
  const store = new Store([component(1, "textbox", { value: "abc" }), component(2, "textbox", { value: "" })]);
  const toasts: ToastInput[] = [];
  const then = dependency(1, { targets: [[null, "then"]], trigger_after: 0, inputs: [2] });
  const dep = dependency(0, { targets: [[3, "click"]], inputs: [1], outputs: [2], js, backend_fn: backendFn });
  const dispatcher = new Dispatcher([dep, then], store, api, { notify: (t) => toasts.push(t) });
  return { api, store, toasts, dispatcher };
}

describe("js= listeners", () => {
  it("without a Python function, sets the outputs from the return value and runs the chain", async () => {
    const { api, store, dispatcher } = setup("(x) => x.split('').reverse().join('')", false);
    dispatcher.trigger(3, "click");
    await vi.waitFor(() => expect(store.value(2)).toBe("cba"), WAIT);
    await vi.waitFor(() => expect(api.joins.map((j) => j.body.data)).toEqual([["cba"]]), WAIT);
  });

  it("with a Python function, sends the return value as the inputs", async () => {
    const { api, dispatcher } = setup("(x) => [x + '!']", true);
    dispatcher.trigger(3, "click");
    await vi.waitFor(() => expect(api.joins).toHaveLength(1), WAIT);
    expect(api.joins[0].body).toMatchObject({ fn_index: 0, data: ["abc!"] });
  });

  it("keeps the inputs when the function returns nothing", async () => {
    const { api, dispatcher } = setup("(x) => { window.__seen = x; }", true);
    dispatcher.trigger(3, "click");
    await vi.waitFor(() => expect(api.joins).toHaveLength(1), WAIT);
    expect(api.joins[0].body.data).toEqual(["abc"]);
    expect((window as unknown as { __seen: string }).__seen).toBe("abc");
  });

  it("toasts a JavaScript error and does not call the server", async () => {
    const { api, toasts, store, dispatcher } = setup("() => { throw new Error('boom'); }", true);
    dispatcher.trigger(3, "click");
    await vi.waitFor(() => expect(toasts).toHaveLength(1), WAIT);
    expect(toasts[0]).toMatchObject({ level: "error", title: "JavaScript error" });
    expect(toasts[0].message).toContain("boom");
    await settle();
    // Only the `.then` (which runs whatever the outcome) reached the server.
    expect(api.joins.map((j) => j.body.fn_index)).toEqual([1]);
    expect(store.value(2)).toBe("");
  });
});
