import { afterEach, describe, expect, it, vi } from "vitest";
import { keptSessionHash, listenForReloads, showError } from "../src/dev_reload";

/** Stands in for EventSource: named events the test dispatches, as the server's stream would. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  emit(kind: string, data: string): void {
    this.dispatchEvent(new MessageEvent(kind, { data }));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
  sessionStorage.clear();
  document.body.innerHTML = "";
});

describe("limelight dev in the page", () => {
  it("keeps the session hash across the reload it makes, once", () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    const reload = vi.fn();
    vi.stubGlobal("location", { ...location, reload });
    listenForReloads("/gradio_api", "abc123");
    expect(FakeEventSource.opened[0]?.url).toContain("/gradio_api/dev/reload");
    FakeEventSource.opened[0]?.emit("reload", "{}");
    expect(reload).toHaveBeenCalledOnce();
    expect(keptSessionHash()).toBe("abc123");
    expect(keptSessionHash()).toBeNull();
  });

  it("shows a failed edit's traceback until dismissed", () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    listenForReloads("/gradio_api", "abc123");
    FakeEventSource.opened[0]?.emit("error", JSON.stringify("SyntaxError: expected ':'"));
    const overlay = document.querySelector('[role="alert"]');
    expect(overlay?.textContent).toContain("SyntaxError: expected ':'");
    overlay?.querySelector("button")?.click();
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it("ignores the stream's own connection errors, which carry no traceback", () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    listenForReloads("/gradio_api", "abc123");
    FakeEventSource.opened[0]?.dispatchEvent(new Event("error"));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it("shows one overlay at a time", () => {
    showError("first");
    showError("second");
    const overlays = document.querySelectorAll('[role="alert"]');
    expect(overlays).toHaveLength(1);
    expect(overlays[0]?.textContent).toContain("second");
  });
});
