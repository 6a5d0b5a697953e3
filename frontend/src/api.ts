// The protocol client: queue joins, the one shared `queue/data` stream per session, unqueued
// predictions, cancellation and the heartbeat (docs/protocol.md §3, §6, §8).

import { apiUrl } from "./page_config";
import type { CancelRequest, ErrorOutput, JoinRequest, JoinResponse, Output, ServerMessage } from "./wire";

export type MessageHandler = (message: ServerMessage) => void;

export type PredictResult = { ok: true; output: Output } | { ok: false; error: ErrorOutput };

/** What the event dispatcher needs from the server; tests substitute a fake. */
export interface Api {
  readonly sessionHash: string;
  /**
   * Queue a run. Every stream message for it is passed to `onMessage`, up to and including the
   * terminal `process_completed` or `unexpected_error`. Resolves to the event id; rejects with
   * an `ApiError` when the server refuses the job.
   */
  join(body: JoinRequest, onMessage: MessageHandler): Promise<string>;
  /** Run without the queue (`queue=False` dependencies). */
  predict(body: JoinRequest): Promise<PredictResult>;
  cancel(body: CancelRequest): Promise<void>;
  /** The next chunk of a media input stream, for the run `eventId`. */
  sendChunk(eventId: string, body: JoinRequest): Promise<void>;
  /** The media input stream of run `eventId` stopped: its run ends after the current chunk. */
  stopStream(eventId: string): Promise<void>;
  /**
   * Call a component's server function (a FileExplorer's `ls`) for this session; resolves to
   * its JSON answer, rejects with an `ApiError` when the server refuses.
   */
  callServer(componentId: number, fnName: string, data: unknown): Promise<unknown>;
}

/** A refusal by the server, with a message fit for a toast. */
export class ApiError extends Error {
  override readonly name = "ApiError";
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random 11-character base36 session hash, as the Gradio browser client makes one per page load. */
/**
 * The page's own query (`?option=x`), sent with each event as Gradio's client does, so that
 * `gr.Request.query_params` holds it (a page reached by a link with parameters reads them).
 */
function pageQuery(): string {
  return typeof location === "undefined" ? "" : location.search;
}

export function newSessionHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(11));
  return Array.from(bytes, (b) => BASE36[b % 36]).join("");
}

const MAX_BUFFERED = 500;
const LOST = "Lost the connection to the server.";

async function refusal(response: Response): Promise<ApiError> {
  if (response.status === 503) return new ApiError("The queue is full. Please try again later.");
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { detail?: unknown; error?: unknown };
    if (Array.isArray(body.detail)) {
      const messages = body.detail.map(
        (d) => (d as { message?: string; msg?: string }).message ?? (d as { msg?: string }).msg,
      );
      return new ApiError(messages.filter(Boolean).join("\n") || `Request refused (HTTP ${response.status})`);
    }
    if (typeof body.detail === "string") return new ApiError(body.detail);
    if (typeof body.error === "string") return new ApiError(body.error);
  } catch {
    // not JSON: fall through to the plain status
  }
  return new ApiError(`Request failed (HTTP ${response.status})`);
}

function isTerminal(message: ServerMessage): boolean {
  return message.msg === "process_completed" || message.msg === "unexpected_error";
}

export class HttpApi implements Api {
  private stream: EventSource | null = null;
  private heartbeat: EventSource | null = null;
  private readonly handlers = new Map<string, MessageHandler>();
  /** Messages that arrived before their join's response told us the event id. */
  private readonly early = new Map<string, ServerMessage[]>();
  /** Sees each run the page starts (queued or not): the API panel's recorder sets it. */
  observer: ((body: JoinRequest) => void) | null = null;

  constructor(
    private readonly apiPrefix: string,
    readonly sessionHash: string = newSessionHash(),
    /** Called for a session-wide error when no run is waiting to hear it. */
    private readonly onOrphanError: (message: string) => void = () => {},
  ) {}

  private url(path: string): string {
    return apiUrl(this.apiPrefix, path);
  }

  private post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.url(path), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  }

  async join(body: JoinRequest, onMessage: MessageHandler): Promise<string> {
    this.observer?.(body);
    const response = await this.post(`queue/join${pageQuery()}`, body, { "x-gradio-user": "app" });
    if (!response.ok) throw await refusal(response);
    const { event_id } = (await response.json()) as JoinResponse;
    this.handlers.set(event_id, onMessage);
    const early = this.early.get(event_id);
    this.early.delete(event_id);
    for (const message of early ?? []) this.route(message);
    this.openStream();
    return event_id;
  }

  async predict(body: JoinRequest): Promise<PredictResult> {
    this.observer?.(body);
    const response = await this.post(`run/predict${pageQuery()}`, body);
    if (response.ok) return { ok: true, output: (await response.json()) as Output };
    if (response.status === 500) {
      try {
        return { ok: false, error: (await response.clone().json()) as ErrorOutput };
      } catch {
        return { ok: false, error: { error: null } };
      }
    }
    throw await refusal(response);
  }

  async cancel(body: CancelRequest): Promise<void> {
    try {
      await this.post("cancel", body);
    } catch {
      // the run finishes on its own; a failed cancel needs no toast
    }
  }

  async sendChunk(eventId: string, body: JoinRequest): Promise<void> {
    // A lost chunk is replaced by the next one a moment later: no toast.
    await this.post(`stream/${encodeURIComponent(eventId)}`, body).catch(() => undefined);
  }

  async stopStream(eventId: string): Promise<void> {
    await this.post(`stream/${encodeURIComponent(eventId)}/close`, {}).catch(() => undefined);
  }

  async callServer(componentId: number, fnName: string, data: unknown): Promise<unknown> {
    const body = { component_id: componentId, fn_name: fnName, data, session_hash: this.sessionHash };
    const response = await this.post("component_server", body);
    if (!response.ok) throw await refusal(response);
    return (await response.json()) as unknown;
  }

  /** Keep the session alive on the server (only when the config asks for it). */
  openHeartbeat(): void {
    this.heartbeat ??= new EventSource(this.url(`heartbeat/${this.sessionHash}`));
  }

  private openStream(): void {
    if (this.stream || this.handlers.size === 0) return;
    const stream = new EventSource(this.url(`queue/data?session_hash=${encodeURIComponent(this.sessionHash)}`));
    stream.onmessage = (event: MessageEvent<string>) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      this.route(message);
    };
    stream.onerror = () => {
      this.closeStream();
      // With no run waiting there is nothing lost; the next join opens a new stream.
      if (this.handlers.size > 0) this.failAll(LOST);
    };
    this.stream = stream;
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = null;
  }

  private failAll(text: string): void {
    const waiting = [...this.handlers.entries()];
    this.handlers.clear();
    if (waiting.length === 0) {
      this.onOrphanError(text);
      return;
    }
    for (const [eventId, handler] of waiting) {
      handler({ msg: "unexpected_error", event_id: eventId, message: text, success: false });
    }
  }

  private route(message: ServerMessage): void {
    if (message.msg === "heartbeat") return;
    if (message.msg === "close_stream") {
      this.closeStream();
      this.openStream(); // only reopens if a join slipped in just before the close
      return;
    }
    const eventId = message.event_id;
    if (eventId == null) {
      if (message.msg === "unexpected_error") {
        this.closeStream();
        this.failAll(message.message);
      }
      return;
    }
    const handler = this.handlers.get(eventId);
    if (!handler) {
      this.buffer(eventId, message);
      return;
    }
    if (isTerminal(message)) this.handlers.delete(eventId);
    handler(message);
  }

  private buffer(eventId: string, message: ServerMessage): void {
    if (this.early.size >= MAX_BUFFERED) {
      const oldest = this.early.keys().next().value;
      if (oldest !== undefined) this.early.delete(oldest);
    }
    const list = this.early.get(eventId) ?? [];
    list.push(message);
    this.early.set(eventId, list);
  }
}
