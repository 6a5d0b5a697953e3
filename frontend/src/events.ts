// Event dispatch: which dependencies a block's event runs, what they send, how their messages
// update the outputs, and what runs after them (docs/protocol.md §1.3, §3, §4, §5, §6).

import { outputFeeds } from "./output_feeds";
import type { Api } from "./api";
import type { StreamControl } from "./block";
import type { DependencyConfig, ShowProgress } from "./config";
import { asArguments, chainsOn, jsOf } from "./dependencies";
import { applyOutputDiffs } from "./diff";
import { translate } from "./i18n";
import type { JsResult } from "./js";
import type { Renderer, RenderedListeners } from "./render";
import type { Store } from "./store";
import type { Notify } from "./toasts";
import type { ErrorOutput, JoinRequest, Output, ServerMessage } from "./wire";

type Outcome = "success" | "failure" | "cancelled";

interface Run {
  token: number;
  dep: DependencyConfig;
  eventId: string | null;
  cancelRequested: boolean;
  /** The full output values after the latest `process_generating`; diffs apply to these. */
  streamed: unknown[] | null;
  /** The blocks that show this run's status. */
  statusIds: number[];
  /** Streamed outputs not yet shown, oldest first; they show together at the next frame. */
  pending: Array<{ data: unknown[]; output: Output }>;
  /** For a media input stream: the block whose chunks this run takes. */
  streamOf: number | null;
  /** A chunk came before the event id did; send the latest once it is known. */
  chunkPending: boolean;
  /** The user stopped the stream. */
  closing: boolean;
}

interface Trigger {
  triggerId: number | null;
  eventData: unknown;
}

export interface DispatcherOptions {
  notify: Notify;
  /** Bring an output into view (`scroll_to_output`). */
  scrollTo?: (blockId: number) => void;
  now?: () => number;
  /** Called after an output's value is set (BrowserState saves it here). */
  onOutput?: (blockId: number) => void;
  /**
   * When streamed outputs show: the page passes `requestAnimationFrame`, so the several messages
   * that arrive within one frame cause one render. Without it they show at once.
   */
  frame?: (show: () => void) => void;
}

const GENERIC_ERROR = "The app raised an error. Its details are not shown; the server's logs have them.";

function targetKey(blockId: number | null, event: string): string {
  return `${blockId}:${event}`;
}

function isErrorOutput(output: unknown): output is ErrorOutput {
  return typeof output === "object" && output !== null && "error" in output;
}

function outputData(output: unknown): Output | null {
  if (typeof output !== "object" || output === null) return null;
  return Array.isArray((output as Output).data) ? (output as Output) : null;
}

export class Dispatcher implements RenderedListeners {
  private deps: DependencyConfig[];
  private readonly byTarget = new Map<string, DependencyConfig[]>();
  private readonly byUpstream = new Map<number, DependencyConfig[]>();
  private readonly running = new Map<number, Run[]>();
  private readonly pendingRerun = new Map<number, Trigger>();
  /** Blocks whose media stream the server ended (time limit, error) before the user stopped it. */
  private readonly endedStreams = new Set<number>();
  private nextToken = 1;
  private readonly now: () => number;
  /** Loaded with the first render (most pages have none, so it is not in the entry chunk). */
  private renderer: Promise<Renderer> | null = null;

  constructor(
    deps: DependencyConfig[],
    private readonly store: Store,
    private readonly api: Api,
    private readonly options: DispatcherOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.deps = [...deps];
    this.index();
    // Fetch the optional modules at once when the page will need them.
    if (deps.some((d) => jsOf(d) !== null)) void import("./js");
    if (deps.some((d) => d.render_id != null)) this.loadRenderer();
  }

  private loadRenderer(): Promise<Renderer> {
    this.renderer ??= import("./render").then(({ Renderer }) => new Renderer(this.store, this));
    return this.renderer;
  }

  private index(): void {
    this.byTarget.clear();
    this.byUpstream.clear();
    for (const dep of this.deps) {
      for (const [blockId, event] of dep.targets) {
        if (blockId === null) {
          if (dep.trigger_after != null) this.add(this.byUpstream, dep.trigger_after, dep);
        } else {
          this.add(this.byTarget, targetKey(blockId, event), dep);
        }
      }
    }
  }

  replaceRendered(containers: Set<number>, added: DependencyConfig[]): void {
    this.deps = [...this.deps.filter((d) => d.rendered_in == null || !containers.has(d.rendered_in)), ...added];
    this.index();
  }

  private add<K>(map: Map<K, DependencyConfig[]>, key: K, dep: DependencyConfig): void {
    const list = map.get(key) ?? [];
    if (!list.includes(dep)) list.push(dep);
    map.set(key, list);
  }

  /** Block `blockId` fired `event`: run every dependency listening to it. */
  trigger(blockId: number, event: string, eventData: unknown = null): void {
    for (const dep of this.byTarget.get(targetKey(blockId, event)) ?? []) {
      void this.start(dep, { triggerId: blockId, eventData });
    }
  }

  /** The user edited a block's value: store it and fire `input` then `change`. */
  /** Call block `blockId`'s server function `fnName` (for this page's session). */
  callServer(blockId: number, fnName: string, data: unknown): Promise<unknown> {
    return this.api.callServer(blockId, fnName, data);
  }

  userInput(blockId: number, value: unknown): void {
    this.store.update(blockId, { value });
    this.trigger(blockId, "input");
    this.trigger(blockId, "change");
  }

  /** The media input stream of block `blockId`, when some dependency listens to its `stream`. */
  streamControl(blockId: number): StreamControl | undefined {
    const deps = this.byTarget.get(targetKey(blockId, "stream")) ?? [];
    if (deps.length === 0) return undefined;
    return {
      every: Math.min(...deps.map((d) => d.stream_every ?? 0.5)),
      send: (value) => this.sendChunk(blockId, value),
      end: () => this.endStream(blockId),
    };
  }

  /** A chunk of block `blockId`'s media stream: the first starts a run, later ones feed it. */
  private sendChunk(blockId: number, value: unknown): boolean {
    if (this.endedStreams.has(blockId)) return false;
    this.store.update(blockId, { value });
    const trigger: Trigger = { triggerId: blockId, eventData: null };
    for (const dep of this.byTarget.get(targetKey(blockId, "stream")) ?? []) {
      const run = (this.running.get(dep.id) ?? []).find((r) => r.streamOf === blockId && !r.closing);
      if (dep.connection !== "stream" || !run) void this.start(dep, trigger);
      else if (run.eventId) void this.api.sendChunk(run.eventId, this.joinBody(dep, trigger));
      else run.chunkPending = true;
    }
    return true;
  }

  private endStream(blockId: number): void {
    this.endedStreams.delete(blockId);
    for (const runs of this.running.values()) {
      for (const run of runs) {
        if (run.streamOf !== blockId || run.closing) continue;
        run.closing = true;
        if (run.eventId) void this.api.stopStream(run.eventId);
      }
    }
  }

  /** The page is ready: run the app's `load` events. */
  load(): void {
    this.trigger(0, "load");
  }

  /** Whether a dependency has a run in flight. */
  isRunning(depId: number): boolean {
    return (this.running.get(depId)?.length ?? 0) > 0;
  }

  private async start(dep: DependencyConfig, trigger: Trigger): Promise<void> {
    this.cancelRuns(dep.cancels ?? []);
    if (dep.js === true && typeof dep.js_implementation === "string") {
      // A client-side function (`js=True`): the whole event runs here, as in Gradio.
      this.afterRun(dep, await this.runBrowserOnly(dep, dep.js_implementation));
      return;
    }
    if (!dep.backend_fn) {
      // Nothing to run on the server (a cancel-only or JavaScript-only listener); its chain runs.
      const js = jsOf(dep);
      this.afterRun(dep, js === null ? "success" : await this.runBrowserOnly(dep, js));
      return;
    }
    const active = this.running.get(dep.id) ?? [];
    const mode = dep.trigger_mode ?? "once";
    if (active.length > 0 && mode === "once") return;
    if (active.length > 0 && mode === "always_last") {
      this.pendingRerun.set(dep.id, trigger);
      return;
    }
    const run: Run = {
      token: this.nextToken++,
      dep,
      eventId: null,
      cancelRequested: false,
      streamed: null,
      pending: [],
      statusIds: dep.show_progress_on?.length ? dep.show_progress_on : dep.outputs,
      streamOf: dep.connection === "stream" ? trigger.triggerId : null,
      chunkPending: false,
      closing: false,
    };
    this.running.set(dep.id, [...active, run]);
    this.showQueued(run);
    let outcome: Outcome;
    try {
      outcome = await this.send(run, trigger);
    } catch (error) {
      this.options.notify({ level: "error", message: error instanceof Error ? error.message : String(error) });
      outcome = "failure";
    }
    this.running.set(
      dep.id,
      (this.running.get(dep.id) ?? []).filter((r) => r !== run),
    );
    for (const id of run.statusIds) this.store.clearStatus(id, run.token);
    if (run.streamOf !== null && !run.closing) this.endedStreams.add(run.streamOf);
    this.afterRun(dep, outcome);
  }

  private joinBody(dep: DependencyConfig, trigger: Trigger, data: unknown[] = this.inputValues(dep)): JoinRequest {
    return {
      data: asArguments(dep, data),
      event_data: trigger.eventData ?? null,
      fn_index: dep.id,
      trigger_id: trigger.triggerId,
      session_hash: this.api.sessionHash,
      // Big tables come back as windows: only this page fetches the rest (protocol §8.5).
      windows: true,
    };
  }

  /** What the user sees in each input: `i18n(...)` strings in their language, as shown. */
  private inputValues(dep: DependencyConfig): unknown[] {
    return dep.inputs.map((id) =>
      this.store.types.get(id) === "state" ? null : (translate(this.store.value(id)) ?? null),
    );
  }

  /** A `js=` listener without a Python function: its return value sets the outputs. */
  private async runBrowserOnly(dep: DependencyConfig, js: string): Promise<Outcome> {
    const result = await this.callJs(js, this.inputValues(dep));
    if (!result.ok) return "failure";
    if (result.values) this.applyValues(dep.outputs, result.values, [], this.nextToken++);
    return "success";
  }

  private async callJs(source: string, args: unknown[]): Promise<JsResult> {
    return (await import("./js")).callJs(source, args, this.options.notify);
  }

  /** Run a listener's `js=` (whose result replaces the inputs), then its Python function. */
  private async send(run: Run, trigger: Trigger): Promise<Outcome> {
    const dep = run.dep;
    let data = this.inputValues(dep);
    const js = jsOf(dep);
    if (js !== null) {
      const result = await this.callJs(js, data);
      if (!result.ok) return "failure";
      if (run.cancelRequested) return "cancelled";
      data = result.values ?? data;
    }
    const body = this.joinBody(dep, trigger, data);
    return dep.queue === false ? await this.predict(run, body) : await this.queued(run, body);
  }

  private showQueued(run: Run): void {
    const mode: ShowProgress = run.dep.show_progress ?? "full";
    for (const id of run.statusIds) {
      this.store.setStatus(id, {
        token: run.token,
        phase: "queued",
        mode,
        rank: null,
        queueSize: null,
        eta: null,
        since: this.now(),
        progress: null,
      });
    }
  }

  private patchStatus(run: Run, patch: Parameters<Store["patchStatus"]>[2]): void {
    for (const id of run.statusIds) this.store.patchStatus(id, run.token, patch);
  }

  private async predict(run: Run, body: JoinRequest): Promise<Outcome> {
    this.patchStatus(run, { phase: "running" });
    const result = await this.api.predict(body);
    if (!result.ok) {
      this.showError(result.error);
      return "failure";
    }
    return await this.onCompleted(run, true, result.output);
  }

  private queued(run: Run, body: JoinRequest): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        const outcome = this.handleMessage(run, message);
        if (outcome) resolve(outcome);
      };
      this.api.join(body, onMessage).then((eventId) => {
        run.eventId = eventId;
        if (run.cancelRequested) this.sendCancel(run);
        if (run.closing) void this.api.stopStream(eventId);
        else if (run.chunkPending) {
          run.chunkPending = false;
          void this.api.sendChunk(eventId, this.joinBody(run.dep, { triggerId: run.streamOf, eventData: null }));
        }
      }, reject);
    });
  }

  /** Apply one stream message to a run; returns its outcome once the run is over. */
  private handleMessage(run: Run, message: ServerMessage): Outcome | Promise<Outcome> | null {
    switch (message.msg) {
      case "estimation":
        this.patchStatus(run, { rank: message.rank, queueSize: message.queue_size, eta: message.rank_eta ?? null });
        return null;
      case "process_starts":
        this.patchStatus(run, {
          phase: "running",
          since: this.now(),
          rank: null,
          queueSize: null,
          eta: message.eta ?? null,
        });
        return null;
      case "progress":
        this.patchStatus(run, { progress: message.progress_data });
        return null;
      case "log":
        if (message.visible !== false) {
          this.options.notify({
            level: message.level ?? "info",
            title: message.title,
            message: message.log,
            duration: message.duration,
          });
        }
        return null;
      case "process_generating":
        this.onGenerating(run, message.output);
        return null;
      case "process_streaming":
        // One chunk's outputs: full values, never diffs.
        this.showStreamed(run);
        run.streamed = message.output.data;
        this.applyOutputs(run, message.output.data, message.output);
        this.patchStatus(run, { mode: run.dep.show_progress === "hidden" ? "hidden" : "minimal", progress: null });
        return null;
      case "process_completed":
        this.showStreamed(run);
        return this.onCompleted(run, message.success, message.output);
      case "unexpected_error":
        this.showStreamed(run);
        this.options.notify({ level: "error", message: message.message });
        return "failure";
      default:
        return null;
    }
  }

  /**
   * Diffs apply as they arrive (each builds on the last); the store sees the results once a
   * frame. Every message is applied in order (a value shown by one and left as it is by the next,
   * like a cleared textbox, must not be skipped), but the page renders once for all of them.
   */
  private onGenerating(run: Run, output: Output): void {
    run.streamed = run.streamed === null ? output.data : applyOutputDiffs(run.streamed, output.data);
    run.pending.push({ data: run.streamed, output });
    if (run.pending.length > 1) return;
    if (this.options.frame) this.options.frame(() => this.showStreamed(run));
    else this.showStreamed(run);
  }

  private showStreamed(run: Run): void {
    if (run.pending.length === 0) return;
    const pending = run.pending;
    run.pending = [];
    for (const { data, output } of pending) this.applyOutputs(run, data, output);
    // Streaming values should stay readable: drop any overlay down to the small timer.
    this.patchStatus(run, { mode: run.dep.show_progress === "hidden" ? "hidden" : "minimal", progress: null });
  }

  private onCompleted(run: Run, success: boolean, output: unknown): Outcome | Promise<Outcome> {
    if (!success) {
      this.showError(isErrorOutput(output) ? output : { error: null });
      return "failure";
    }
    const full = outputData(output);
    if (!full) return "cancelled"; // `output: {}`: the run was cancelled; outputs stay as they are
    if (full.render_config != null) {
      return this.render(full.render_config).then(() => this.finish(run, full));
    }
    return this.finish(run, full);
  }

  private async render(config: unknown): Promise<void> {
    (await this.loadRenderer()).apply(config);
  }

  private finish(run: Run, full: Output): Outcome {
    this.applyOutputs(run, full.data, full, true);
    if (run.dep.scroll_to_output && run.dep.outputs.length) this.options.scrollTo?.(run.dep.outputs[0]);
    return "success";
  }

  private applyOutputs(run: Run, data: unknown[], output: Output, final = false): void {
    this.applyValues(run.dep.outputs, data, output.changed_state_ids ?? [], run.token, final);
  }

  /** Sets the outputs' values; `token` names the run (or browser-only call) they come from,
   * `final` marks a completion's values. */
  private applyValues(
    outputs: number[],
    data: unknown[],
    changedStateIds: number[],
    token: number,
    final = false,
  ): void {
    const changed: number[] = [];
    outputs.forEach((id, i) => {
      if (i >= data.length || this.store.types.get(id) === "state") return;
      if (this.store.applyOutput(id, data[i])) changed.push(id);
      outputFeeds.get(id)?.(data[i], token, final);
      this.options.onOutput?.(id);
    });
    for (const id of [...changed, ...changedStateIds]) this.trigger(id, "change");
  }

  private showError(error: ErrorOutput): void {
    if (error.visible === false) return;
    this.options.notify({
      level: "error",
      title: error.title ?? "Error",
      message: error.error ?? GENERIC_ERROR,
      duration: error.duration,
    });
  }

  private afterRun(dep: DependencyConfig, outcome: Outcome): void {
    if (outcome !== "cancelled") {
      for (const next of this.byUpstream.get(dep.id) ?? []) {
        if (chainsOn(next, "success") && outcome !== "success") continue;
        if (chainsOn(next, "failure") && outcome !== "failure") continue;
        void this.start(next, { triggerId: null, eventData: null });
      }
    }
    const rerun = this.pendingRerun.get(dep.id);
    if (rerun) {
      this.pendingRerun.delete(dep.id);
      void this.start(dep, rerun);
    }
  }

  private cancelRuns(depIds: number[]): void {
    for (const depId of depIds) {
      this.pendingRerun.delete(depId);
      for (const run of this.running.get(depId) ?? []) {
        if (run.cancelRequested) continue;
        run.cancelRequested = true;
        if (run.eventId) this.sendCancel(run);
      }
    }
  }

  private sendCancel(run: Run): void {
    if (!run.eventId) return;
    void this.api.cancel({ fn_index: run.dep.id, session_hash: this.api.sessionHash, event_id: run.eventId });
  }
}
