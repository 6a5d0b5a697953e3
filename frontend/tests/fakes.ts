// A scripted stand-in for the protocol client: records every request and lets a test push
// stream messages for each joined event.

import type { Api, MessageHandler, PredictResult } from "../src/api";
import type { ComponentConfig, Dependency } from "../src/config";
import type { CancelRequest, JoinRequest, ServerMessage } from "../src/wire";

export interface Joined {
  body: JoinRequest;
  eventId: string;
  onMessage: MessageHandler;
}

export class FakeApi implements Api {
  readonly sessionHash = "abc123def45";
  readonly joins: Joined[] = [];
  readonly predicts: JoinRequest[] = [];
  readonly cancels: CancelRequest[] = [];
  readonly chunks: { eventId: string; body: JoinRequest }[] = [];
  readonly closed: string[] = [];
  readonly serverCalls: { componentId: number; fnName: string; data: unknown }[] = [];
  /** What `callServer` answers, by function name (the data is recorded, not read). */
  serverAnswers: Record<string, unknown> = {};
  predictResult: PredictResult = { ok: true, output: { data: [] } };
  refuseJoin: Error | null = null;

  async join(body: JoinRequest, onMessage: MessageHandler): Promise<string> {
    if (this.refuseJoin) throw this.refuseJoin;
    const eventId = `event-${this.joins.length}`;
    this.joins.push({ body, eventId, onMessage });
    return eventId;
  }

  async predict(body: JoinRequest): Promise<PredictResult> {
    this.predicts.push(body);
    return this.predictResult;
  }

  async cancel(body: CancelRequest): Promise<void> {
    this.cancels.push(body);
  }

  async sendChunk(eventId: string, body: JoinRequest): Promise<void> {
    this.chunks.push({ eventId, body });
  }

  async stopStream(eventId: string): Promise<void> {
    this.closed.push(eventId);
  }

  async callServer(componentId: number, fnName: string, data: unknown): Promise<unknown> {
    this.serverCalls.push({ componentId, fnName, data });
    return this.serverAnswers[fnName] ?? null;
  }

  /** Deliver a message to the n-th joined event. */
  send(n: number, message: Record<string, unknown>): void {
    const joined = this.joins[n];
    joined.onMessage({ event_id: joined.eventId, ...message } as ServerMessage);
  }

  complete(n: number, data: unknown[], extra: Record<string, unknown> = {}): void {
    this.send(n, { msg: "process_completed", success: true, output: { data, ...extra } });
  }
}

/** Let pending promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function component(id: number, type: string, props: Record<string, unknown> = {}): ComponentConfig {
  return { id, type, props: { visible: true, ...props } };
}

export function dependency(id: number, fields: Partial<Dependency>): Dependency {
  return {
    id,
    targets: [],
    inputs: [],
    outputs: [],
    backend_fn: true,
    js: null,
    queue: true,
    show_progress: "full",
    cancels: [],
    trigger_after: null,
    trigger_only_on_success: false,
    trigger_only_on_failure: false,
    trigger_mode: "once",
    ...fields,
  };
}

/** Options for `vi.waitFor` on work that loads a module or crosses the event loop: generous,
 * because a loaded CI machine can take over a second to import a chunk. */
export const WAIT = { timeout: 10_000, interval: 20 };
