import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, HttpApi, newSessionHash } from "../src/api";
import { apiUrl } from "../src/page_config";
import type { ServerMessage } from "../src/wire";

/** Stands in for the browser's EventSource: records URLs and lets the test push messages. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
  push(message: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent<string>);
  }
}

let requests: { url: string; body: unknown; headers: Record<string, string> }[];
let nextResponses: Response[];

beforeEach(() => {
  FakeEventSource.opened = [];
  requests = [];
  nextResponses = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    requests.push({
      url: String(url),
      body: JSON.parse(String(init.body)),
      headers: init.headers as Record<string, string>,
    });
    return nextResponses.shift() ?? Response.json({ event_id: `e${requests.length}` });
  });
});
afterEach(() => vi.unstubAllGlobals());

const body = (fn: number) => ({ data: [], fn_index: fn, session_hash: "s", event_data: null, trigger_id: 1 });

describe("apiUrl", () => {
  it("resolves API routes against the page, so apps mounted under a sub-path work", () => {
    const base = document.createElement("base");
    base.href = "http://example.test/tools/app/";
    document.head.append(base);
    try {
      expect(apiUrl("/gradio_api", "queue/join")).toBe("http://example.test/tools/app/gradio_api/queue/join");
      expect(apiUrl("", "config")).toBe("http://example.test/tools/app/config");
    } finally {
      base.remove();
    }
  });
});

describe("HttpApi", () => {
  it("makes 11-character base36 session hashes", () => {
    const hash = newSessionHash();
    expect(hash).toMatch(/^[0-9a-z]{11}$/);
    expect(newSessionHash()).not.toBe(hash);
  });

  it("joins with the app header, then opens one stream for the session", async () => {
    const api = new HttpApi("/gradio_api", "sess1234567");
    await api.join(body(0), () => {});
    await api.join(body(1), () => {});
    expect(requests[0].url).toBe(new URL("gradio_api/queue/join", document.baseURI).toString());
    expect(requests[0].headers["x-gradio-user"]).toBe("app");
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(FakeEventSource.opened[0].url).toContain("gradio_api/queue/data?session_hash=sess1234567");
  });

  it("routes messages by event id, including ones that arrive before the join answers", async () => {
    const api = new HttpApi("/gradio_api", "s");
    const first: ServerMessage[] = [];
    await api.join(body(0), (m) => first.push(m));
    const stream = FakeEventSource.opened[0];
    stream.push({ msg: "estimation", event_id: "e2", rank: 0, queue_size: 1 }); // for the next join
    const second: ServerMessage[] = [];
    await api.join(body(1), (m) => second.push(m));
    stream.push({ msg: "process_completed", event_id: "e1", success: true, output: { data: [1] } });
    stream.push({ msg: "heartbeat", event_id: null });
    expect(first.map((m) => m.msg)).toEqual(["process_completed"]);
    expect(second.map((m) => m.msg)).toEqual(["estimation"]);
  });

  it("closes the stream on close_stream and reopens it on the next join", async () => {
    const api = new HttpApi("/gradio_api", "s");
    await api.join(body(0), () => {});
    const stream = FakeEventSource.opened[0];
    stream.push({ msg: "process_completed", event_id: "e1", success: true, output: { data: [] } });
    stream.push({ msg: "close_stream", event_id: null });
    expect(stream.closed).toBe(true);
    expect(FakeEventSource.opened).toHaveLength(1);
    await api.join(body(0), () => {});
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it("passes a session-wide error to every waiting run", async () => {
    const api = new HttpApi("/gradio_api", "s");
    const seen: string[] = [];
    await api.join(body(0), (m) => seen.push(`${m.event_id}:${m.msg}`));
    await api.join(body(1), (m) => seen.push(`${m.event_id}:${m.msg}`));
    FakeEventSource.opened[0].push({
      msg: "unexpected_error",
      event_id: null,
      message: "Server stopped unexpectedly.",
      success: false,
    });
    expect(seen).toEqual(["e1:unexpected_error", "e2:unexpected_error"]);
  });

  it("fails waiting runs when the stream breaks", async () => {
    const api = new HttpApi("/gradio_api", "s");
    const seen: ServerMessage[] = [];
    await api.join(body(0), (m) => seen.push(m));
    FakeEventSource.opened[0].onerror?.();
    expect(seen[0]).toMatchObject({ msg: "unexpected_error", message: "Lost the connection to the server." });
  });

  it("turns refusals into readable errors", async () => {
    const api = new HttpApi("/gradio_api", "s");
    nextResponses.push(new Response("", { status: 503 }));
    await expect(api.join(body(0), () => {})).rejects.toThrow(/queue is full/);
    nextResponses.push(
      Response.json(
        { detail: [{ __type__: "validate", is_valid: false, message: "x must be positive" }] },
        { status: 422 },
      ),
    );
    await expect(api.join(body(0), () => {})).rejects.toEqual(new ApiError("x must be positive"));
  });

  it("predicts without the queue and reports errors as values", async () => {
    const api = new HttpApi("/gradio_api", "s");
    nextResponses.push(Response.json({ data: ["olleh"], is_generating: false }));
    expect(await api.predict(body(3))).toEqual({ ok: true, output: { data: ["olleh"], is_generating: false } });
    expect(requests[0].url).toContain("gradio_api/run/predict");
    nextResponses.push(Response.json({ error: "internal boom", visible: true }, { status: 500 }));
    expect(await api.predict(body(3))).toEqual({ ok: false, error: { error: "internal boom", visible: true } });
  });

  it("posts cancels and opens the heartbeat stream", async () => {
    const api = new HttpApi("/gradio_api", "sess");
    await api.cancel({ fn_index: 2, session_hash: "sess", event_id: "e9" });
    expect(requests[0]).toMatchObject({ body: { fn_index: 2, session_hash: "sess", event_id: "e9" } });
    expect(requests[0].url).toContain("gradio_api/cancel");
    api.openHeartbeat();
    expect(FakeEventSource.opened[0].url).toContain("gradio_api/heartbeat/sess");
  });
});
