import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DependencyConfig } from "../src/config";
import { Dispatcher } from "../src/events";
import { Store } from "../src/store";
import type { ToastInput } from "../src/toasts";
import { component, dependency, FakeApi, settle, WAIT } from "./fakes";

const COMPONENTS = [
  component(1, "textbox", { value: "World" }),
  component(2, "textbox", { value: "" }),
  component(3, "button", { value: "Go" }),
  component(4, "state", { value: null }),
  component(5, "textbox", { value: "" }),
];

let api: FakeApi;
let store: Store;
let toasts: ToastInput[];

function setup(deps: DependencyConfig[]): Dispatcher {
  api = new FakeApi();
  store = new Store(COMPONENTS);
  toasts = [];
  return new Dispatcher(deps, store, api, { notify: (t) => toasts.push(t), now: () => 0 });
}

describe("Dispatcher: running an event", () => {
  let dispatcher: Dispatcher;
  beforeEach(() => {
    dispatcher = setup([dependency(0, { targets: [[3, "click"]], inputs: [1, 4], outputs: [2, 4] })]);
  });

  it("joins the queue with the inputs' values, State as null", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    expect(api.joins).toHaveLength(1);
    expect(api.joins[0].body).toEqual({
      data: ["World", null],
      event_data: null,
      fn_index: 0,
      trigger_id: 3,
      session_hash: "abc123def45",
      windows: true,
    });
  });

  it("writes the final values to the outputs, leaving State alone", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    api.complete(0, ["Hello World!", null]);
    await settle();
    expect(store.value(2)).toBe("Hello World!");
    expect(store.value(4)).toBeNull();
    expect(dispatcher.isRunning(0)).toBe(false);
  });

  it("shows the queue position, then clears the status when done", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    expect(store.status(2).value?.phase).toBe("queued");
    api.send(0, { msg: "estimation", rank: 1, queue_size: 3, rank_eta: null });
    expect(store.status(2).value).toMatchObject({ rank: 1, queueSize: 3 });
    api.send(0, { msg: "process_starts", eta: 2 });
    expect(store.status(2).value).toMatchObject({ phase: "running", eta: 2 });
    api.send(0, {
      msg: "progress",
      progress_data: [{ index: 1, length: 3, unit: "steps", progress: null, desc: null }],
    });
    expect(store.status(2).value?.progress).toHaveLength(1);
    api.complete(0, ["done", null]);
    await settle();
    expect(store.status(2).value).toBeNull();
  });

  it("applies streamed diffs to the previous values", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    const generating = (data: unknown[]) => ({
      msg: "process_generating",
      success: true,
      output: { data, is_generating: true },
    });
    api.send(0, generating(["step 0", null]));
    expect(store.value(2)).toBe("step 0");
    api.send(0, generating([[["append", [], " and 1"]], []]));
    expect(store.value(2)).toBe("step 0 and 1");
    api.send(0, generating([[["replace", [], "step 2"]], []]));
    expect(store.value(2)).toBe("step 2");
    api.complete(0, ["final", null]);
    await settle();
    expect(store.value(2)).toBe("final");
  });

  it("shows the streamed messages of one frame together, none skipped", async () => {
    const frames: Array<() => void> = [];
    const dep = dependency(0, { targets: [[3, "click"]], inputs: [1, 4], outputs: [2, 5] });
    const batched = new Dispatcher([dep], store, api, {
      notify: () => undefined,
      now: () => 0,
      frame: (show) => frames.push(show),
    });
    batched.trigger(3, "click");
    await settle();
    const generating = (data: unknown[]) => ({ msg: "process_generating", success: true, output: { data } });
    const unchanged = { __type__: "update" };
    store.applyOutput(5, "typed");
    api.send(0, generating(["a", ""])); // clears box 5 ...
    api.send(0, generating([[["append", [], "b"]], [["replace", [], unchanged]]])); // ... then leaves it
    api.send(0, generating([[["append", [], "c"]], []]));
    expect(frames).toHaveLength(1);
    expect(store.value(2)).toBe("");
    frames[0]();
    expect(store.value(2)).toBe("abc");
    expect(store.value(5)).toBe("");
    api.send(0, generating([[["append", [], "d"]], []]));
    api.complete(0, ["abcd!", unchanged]); // completion shows what is pending, then the final value
    await settle();
    expect(store.value(2)).toBe("abcd!");
    frames[1]();
    expect(store.value(2)).toBe("abcd!");
  });

  it("shows log messages as toasts", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    api.send(0, { msg: "log", log: "careful", level: "warning", duration: 5, visible: true, title: "Warning" });
    api.send(0, { msg: "log", log: "hidden", level: "info", visible: false });
    expect(toasts).toEqual([{ level: "warning", title: "Warning", message: "careful", duration: 5 }]);
  });

  it("toasts the error message, or a generic one when the server hides it", async () => {
    dispatcher.trigger(3, "click");
    await settle();
    api.send(0, {
      msg: "process_completed",
      success: false,
      output: { error: "Bad input", title: "Error", duration: 10, visible: true },
    });
    await settle();
    dispatcher.trigger(3, "click");
    await settle();
    api.send(1, { msg: "process_completed", success: false, output: { error: null } });
    await settle();
    expect(toasts.map((t) => t.message)).toEqual(["Bad input", expect.stringContaining("error")]);
    expect(toasts[1].title).toBe("Error");
    expect(store.value(2)).toBe("");
  });

  it("toasts a refused join and ends the run", async () => {
    api.refuseJoin = new Error("The queue is full. Please try again later.");
    dispatcher.trigger(3, "click");
    await settle();
    expect(toasts[0]).toMatchObject({ level: "error", message: "The queue is full. Please try again later." });
    expect(dispatcher.isRunning(0)).toBe(false);
    expect(store.status(2).value).toBeNull();
  });

  it("ignores events nobody listens to", async () => {
    dispatcher.trigger(3, "focus");
    dispatcher.trigger(99, "click");
    await settle();
    expect(api.joins).toHaveLength(0);
  });
});

describe("Dispatcher: outputs and change events", () => {
  it("applies update objects as props and fires change (not input) when the value changes", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]], outputs: [2] }),
      dependency(1, { targets: [[2, "change"]], inputs: [2], outputs: [5] }),
      dependency(2, { targets: [[2, "input"]], inputs: [2], outputs: [5] }),
    ]);
    dispatcher.trigger(3, "click");
    await settle();
    api.complete(0, [{ __type__: "update", value: "new", label: "Result", visible: true }]);
    await settle();
    expect(store.props(2).value).toMatchObject({ value: "new", label: "Result" });
    expect(store.props(2).value).not.toHaveProperty("__type__");
    expect(api.joins.map((j) => j.body.fn_index)).toEqual([0, 1]);
    expect(api.joins[1].body.data).toEqual(["new"]);
  });

  it("does not fire change when an output leaves the value as it was", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]], outputs: [2] }),
      dependency(1, { targets: [[2, "change"]], outputs: [5] }),
    ]);
    dispatcher.trigger(3, "click");
    await settle();
    api.complete(0, [{ __type__: "update", label: "only the label" }]);
    await settle();
    expect(api.joins).toHaveLength(1);
  });

  it("fires input and change for a user edit", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[1, "input"]], inputs: [1], outputs: [2] }),
      dependency(1, { targets: [[1, "change"]], inputs: [1], outputs: [5] }),
    ]);
    dispatcher.userInput(1, "typed");
    await settle();
    expect(store.value(1)).toBe("typed");
    expect(api.joins.map((j) => [j.body.fn_index, j.body.data])).toEqual([
      [0, ["typed"]],
      [1, ["typed"]],
    ]);
  });

  it("fires change on State components the server reports as changed", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]], outputs: [4] }),
      dependency(1, { targets: [[4, "change"]], outputs: [5] }),
    ]);
    dispatcher.trigger(3, "click");
    await settle();
    api.complete(0, [null], { changed_state_ids: [4] });
    await settle();
    expect(api.joins.map((j) => j.body.fn_index)).toEqual([0, 1]);
  });

  it("leaves outputs alone when the run was cancelled", async () => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], outputs: [2] })]);
    store.update(2, { value: "before" });
    dispatcher.trigger(3, "click");
    await settle();
    api.send(0, { msg: "process_completed", success: true, output: {} });
    await settle();
    expect(store.value(2)).toBe("before");
    expect(toasts).toHaveLength(0);
  });

  it("uses run/predict for unqueued dependencies", async () => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], inputs: [1], outputs: [2], queue: false })]);
    api.predictResult = { ok: true, output: { data: ["direct"] } };
    dispatcher.trigger(3, "click");
    await settle();
    expect(api.joins).toHaveLength(0);
    expect(api.predicts[0]).toMatchObject({ data: ["World"], fn_index: 0, trigger_id: 3 });
    expect(store.value(2)).toBe("direct");
  });

  it("toasts an unqueued dependency's error", async () => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], outputs: [2], queue: false })]);
    api.predictResult = { ok: false, error: { error: "internal boom", visible: true } };
    dispatcher.trigger(3, "click");
    await settle();
    expect(toasts[0]).toMatchObject({ level: "error", message: "internal boom" });
  });

  it("runs the app's load events", async () => {
    const dispatcher = setup([dependency(0, { targets: [[0, "load"]], outputs: [2] })]);
    dispatcher.load();
    await settle();
    expect(api.joins[0].body).toMatchObject({ fn_index: 0, trigger_id: 0 });
  });

  it("sends select event data", async () => {
    const dispatcher = setup([dependency(0, { targets: [[1, "select"]], outputs: [2] })]);
    dispatcher.trigger(1, "select", { value: "x", index: 0, selected: true });
    await settle();
    expect(api.joins[0].body.event_data).toEqual({ value: "x", index: 0, selected: true });
  });
});

describe("Dispatcher: chains", () => {
  const chain = (deps: DependencyConfig[]) => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], outputs: [2] }), ...deps]);
    dispatcher.trigger(3, "click");
    return dispatcher;
  };
  const then = dependency(1, { targets: [[null, "then"]], trigger_after: 0, outputs: [5] });
  const success = dependency(2, { targets: [[null, "success"]], trigger_after: 0, trigger_only_on_success: true });
  const failure = dependency(3, { targets: [[null, "failure"]], trigger_after: 0, trigger_only_on_failure: true });

  it("runs then and success after a success", async () => {
    chain([then, success, failure]);
    await settle();
    api.complete(0, ["ok"]);
    await settle();
    expect(api.joins.map((j) => j.body.fn_index)).toEqual([0, 1, 2]);
    expect(api.joins[1].body.trigger_id).toBeNull();
  });

  it("runs then and failure after a failure", async () => {
    chain([then, success, failure]);
    await settle();
    api.send(0, { msg: "process_completed", success: false, output: { error: "no" } });
    await settle();
    expect(api.joins.map((j) => j.body.fn_index)).toEqual([0, 1, 3]);
  });

  it("runs the chain of a dependency without a backend function", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]], backend_fn: false, js: "() => 1" }),
      dependency(1, { targets: [[null, "then"]], trigger_after: 0 }),
    ]);
    dispatcher.trigger(3, "click");
    await vi.waitFor(() => expect(api.joins.map((j) => j.body.fn_index)).toEqual([1]), WAIT);
  });
});

describe("Dispatcher: trigger modes and cancels", () => {
  it("once: ignores triggers while running", async () => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], trigger_mode: "once" })]);
    dispatcher.trigger(3, "click");
    dispatcher.trigger(3, "click");
    await settle();
    expect(api.joins).toHaveLength(1);
  });

  it("multiple: runs every trigger", async () => {
    const dispatcher = setup([dependency(0, { targets: [[3, "click"]], trigger_mode: "multiple" })]);
    dispatcher.trigger(3, "click");
    dispatcher.trigger(3, "click");
    await settle();
    expect(api.joins).toHaveLength(2);
  });

  it("always_last: runs once more, with the latest values, after the current run", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[1, "change"]], inputs: [1], outputs: [2], trigger_mode: "always_last" }),
    ]);
    dispatcher.userInput(1, "a");
    dispatcher.userInput(1, "ab");
    dispatcher.userInput(1, "abc");
    await settle();
    expect(api.joins).toHaveLength(1);
    api.complete(0, ["A"]);
    await settle();
    expect(api.joins).toHaveLength(2);
    expect(api.joins[1].body.data).toEqual(["abc"]);
  });

  it("cancels the running events of the dependencies it lists", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]], outputs: [2] }),
      dependency(1, { targets: [[5, "click"]], backend_fn: false, cancels: [0] }),
    ]);
    dispatcher.trigger(3, "click");
    await settle();
    dispatcher.trigger(5, "click");
    await settle();
    expect(api.cancels).toEqual([{ fn_index: 0, session_hash: "abc123def45", event_id: "event-0" }]);
  });

  it("cancels a run whose join has not answered yet, once it does", async () => {
    const dispatcher = setup([
      dependency(0, { targets: [[3, "click"]] }),
      dependency(1, { targets: [[5, "click"]], backend_fn: false, cancels: [0] }),
    ]);
    const join = vi.spyOn(api, "join");
    dispatcher.trigger(3, "click");
    dispatcher.trigger(5, "click"); // before the join's response
    await settle();
    expect(join).toHaveBeenCalledTimes(1);
    expect(api.cancels).toHaveLength(1);
  });
});

describe("Dispatcher: media input streams", () => {
  const streamDep = () =>
    dependency(0, { targets: [[1, "stream"]], inputs: [1], outputs: [2], connection: "stream", stream_every: 0.25 });

  it("offers a stream control only to blocks with a stream listener", () => {
    const dispatcher = setup([streamDep()]);
    expect(dispatcher.streamControl(1)?.every).toBe(0.25);
    expect(dispatcher.streamControl(2)).toBeUndefined();
  });

  it("joins with the first chunk, posts later ones to the run, and shows each chunk's outputs", async () => {
    const control = setup([streamDep()]).streamControl(1)!;
    expect(control.send("a")).toBe(true);
    await settle();
    expect(api.joins.map((j) => j.body.data)).toEqual([["a"]]);
    control.send("b");
    await settle();
    expect(api.joins).toHaveLength(1);
    expect(api.chunks).toEqual([{ eventId: "event-0", body: expect.objectContaining({ data: ["b"] }) }]);
    api.send(0, { msg: "process_streaming", output: { data: ["got b"] } });
    expect(store.value(2)).toBe("got b");
    control.end();
    expect(api.closed).toEqual(["event-0"]);
  });

  it("refuses chunks once the server ended the stream, until the user stops", async () => {
    const control = setup([streamDep()]).streamControl(1)!;
    control.send("a");
    await settle();
    api.complete(0, ["done"]);
    await settle();
    expect(control.send("b")).toBe(false);
    control.end();
    expect(control.send("c")).toBe(true);
    await settle();
    expect(api.joins).toHaveLength(2);
  });
});
