// A scripted stand-in for the protocol client: records every request and lets a test push
// stream messages for each joined event.

import type { Api, MessageHandler, PredictResult } from "../src/api";
import type { AppConfig, ComponentConfig, DependencyConfig } from "../src/config";
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
  return { id, type, props: { visible: true, ...props }, skip_api: false, component_class_id: type, key: null };
}

export function dependency(id: number, fields: Partial<DependencyConfig>): DependencyConfig {
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
    api_name: null,
    api_description: null,
    scroll_to_output: false,
    show_progress_on: null,
    batch: false,
    max_batch_size: 4,
    types: { generator: false, cancel: false },
    collects_event_data: false,
    api_visibility: "public",
    rendered_in: null,
    render_id: null,
    connection: "sse",
    time_limit: null,
    stream_every: 0.5,
    event_specific_args: null,
    component_prop_inputs: [],
    js_implementation: null,
    ...fields,
  };
}

/** A whole config around the parts a test cares about, the rest as a plain `gr.Blocks()` has it. */
export function appConfig(
  parts: Pick<AppConfig, "components" | "dependencies" | "layout"> & Partial<AppConfig>,
): AppConfig {
  return {
    version: "6.31.0",
    limelight_version: "0.0.0",
    api_prefix: "/gradio_api",
    mode: "blocks",
    app_id: 1,
    dev_mode: false,
    analytics_enabled: false,
    css: null,
    js: null,
    head: null,
    title: "Gradio",
    space_id: null,
    enable_queue: true,
    show_error: false,
    connect_heartbeat: false,
    is_colab: false,
    max_file_size: null,
    stylesheets: [],
    theme: "default",
    protocol: "sse_v3",
    fill_height: false,
    fill_width: false,
    pages: [["", "Home", true]],
    page: {},
    i18n_translations: null,
    username: null,
    root: "",
    footer_links: ["api", "gradio", "settings"],
    pwa: false,
    ...parts,
  };
}

/** Options for `vi.waitFor` on work that loads a module or crosses the event loop: generous,
 * because a loaded CI machine can take over a second to import a chunk. */
export const WAIT = { timeout: 10_000, interval: 20 };
