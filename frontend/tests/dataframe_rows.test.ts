import { describe, expect, it } from "vitest";
import {
  PAGE_ROWS,
  WindowedRows,
  windowValue,
  type RowsAnswer,
  type RowsRequest,
} from "../src/components/dataframe_rows";

/** A server holding rows of one cell each (the row's number; as many as the request's
 * window says), answering in order or reversed (sort descending), when the test lets it. */
class FakeServer {
  readonly asked: RowsRequest[] = [];
  private waiting: (() => void)[] = [];

  load = (request: RowsRequest): Promise<RowsAnswer> => {
    this.asked.push(request);
    return new Promise((done) => {
      this.waiting.push(() => {
        const all = Array.from({ length: request.window.rows }, (_, i) => i);
        const order = request.sort?.[1] === -1 ? all.reverse() : all;
        const index = order.slice(request.start, request.start + request.count);
        const data = index.map((i) => request.window.changed[i] ?? [i]);
        done({ total: order.length, start: request.start, index, data, metadata: null });
      });
    });
  };

  async answer(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    for (const answer of waiting) answer();
    await Promise.resolve();
  }
}

function table(server: FakeServer, rows = 10_000) {
  const first = Array.from({ length: 100 }, (_, i) => [i]);
  let changes = 0;
  const source = new WindowedRows({ data: first, rows }, server.load, () => changes++);
  return { source, changes: () => changes };
}

describe("a windowed table", () => {
  it("shows its first window without asking the server", () => {
    const server = new FakeServer();
    const { source } = table(server);
    expect(source.total).toBe(10_000);
    expect(source.at(0)).toEqual({ index: 0, row: [0], shown: null, styling: null });
    expect(source.at(99)?.row).toEqual([99]);
    expect(server.asked).toEqual([]);
  });

  it("fetches the pages a scroll reaches, once, and draws them when they arrive", async () => {
    const server = new FakeServer();
    const { source, changes } = table(server);
    source.want(9_990, 10_000, ["a"]);
    source.want(9_990, 10_000, ["a"]);
    expect(server.asked.map((r) => r.start)).toEqual([9_800]);
    expect(source.at(9_999)).toBeNull();
    await server.answer();
    expect(source.at(9_999)).toEqual({ index: 9_999, row: [9_999], shown: null, styling: null });
    expect(changes()).toBe(1);
  });

  it("asks again for the rest of a short first window", () => {
    const server = new FakeServer();
    const { source } = table(server);
    source.want(90, 120, ["a"]);
    expect(server.asked.map((r) => [r.start, r.count])).toEqual([[0, PAGE_ROWS]]);
    expect(source.at(50)?.row).toEqual([50]);
  });

  it("sorts on the server and keeps each row's number in the whole table", async () => {
    const server = new FakeServer();
    const { source } = table(server);
    source.setView({ sort: [0, -1], query: "", filters: [] });
    expect(source.total).toBeNull();
    source.want(0, 30, ["a"]);
    expect(server.asked[0].sort).toEqual([0, -1]);
    await server.answer();
    expect(source.total).toBe(10_000);
    expect(source.at(0)).toMatchObject({ index: 9_999, row: [9_999] });
  });

  it("drops answers for an order it no longer shows", async () => {
    const server = new FakeServer();
    const { source } = table(server);
    source.setView({ sort: [0, -1], query: "", filters: [] });
    source.want(0, 30, ["a"]);
    source.setView({ sort: null, query: "", filters: [] });
    await server.answer();
    expect(source.at(0)).toBeNull();
    expect(source.total).toBe(10_000);
  });

  it("keeps the user's edits over fetched rows and sends them as its value", async () => {
    const server = new FakeServer();
    const { source } = table(server);
    source.change(5, [-5]);
    expect(source.at(5)?.row).toEqual([-5]);
    source.add([42]);
    expect(source.rows).toBe(10_001);
    expect(windowValue(["a"], source)).toEqual({
      headers: ["a"],
      data: [],
      metadata: null,
      window: { rows: 10_001, changed: { "5": [-5], "10000": [42] } },
    });
    source.want(10_000, 10_001, ["a"]);
    expect(server.asked[0].window.rows).toBe(10_001);
    await server.answer();
    expect(source.at(10_000)).toMatchObject({ index: 10_000, row: [42] });
  });
});

describe("a windowed table drawn again from its own value", () => {
  it("keeps the edits the value carries", () => {
    const server = new FakeServer();
    const source = new WindowedRows({ data: [], rows: 11, changed: { "10": [7] } }, server.load, () => {});
    expect(windowValue(["a"], source).window).toEqual({ rows: 11, changed: { "10": [7] } });
  });
});
