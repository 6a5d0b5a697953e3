// What gr.HTML's author-written JavaScript gets: `head` markup added to the page once (scripts
// deduplicated by `src`, links by `href`), and `js_on_load` run once per component with
// `element`, `trigger`, `props`, `server`, `upload` and `watch`.

import { apiUrl } from "../page_config";
import { uploadFiles } from "../media";

function apiPrefix(): string {
  return window.gradio_config?.api_prefix ?? "/gradio_api";
}

const loaded = new Map<string, Promise<void>>();

function settle(el: HTMLScriptElement | HTMLLinkElement): Promise<void> {
  return new Promise((resolve) => {
    el.addEventListener("load", () => resolve(), { once: true });
    el.addEventListener("error", () => resolve(), { once: true });
  });
}

function addScript(source: HTMLScriptElement): Promise<void> {
  const script = document.createElement("script");
  for (const attr of Array.from(source.attributes)) script.setAttribute(attr.name, attr.value);
  script.text = source.text;
  // Inserted scripts are async unless told otherwise: without an explicit `async`, keep the
  // order they were written in (a plugin after the library it needs), as in a static page.
  if (!source.hasAttribute("async")) script.async = false;
  const done = source.src ? settle(script) : Promise.resolve();
  document.head.appendChild(script);
  return done;
}

function headKey(node: Element): string {
  if (node instanceof HTMLScriptElement && node.src) return `script:${node.src}`;
  if (node instanceof HTMLLinkElement && node.href) return `link:${node.href}`;
  return `html:${node.outerHTML}`;
}

/** Add `head` markup to the document once per page; resolves when its scripts have loaded. */
export function loadHead(head: string): Promise<void> {
  if (!head.trim()) return Promise.resolve();
  const template = document.createElement("template");
  template.innerHTML = head;
  const waits: Promise<void>[] = [];
  for (const node of Array.from(template.content.children)) {
    const key = headKey(node);
    let done = loaded.get(key);
    if (!done) {
      if (node instanceof HTMLScriptElement) done = addScript(node);
      else {
        const copy = document.importNode(node, true);
        done = copy instanceof HTMLLinkElement && copy.rel === "stylesheet" ? settle(copy) : Promise.resolve();
        document.head.appendChild(copy);
      }
      loaded.set(key, done);
    }
    waits.push(done);
  }
  return Promise.all(waits).then(() => undefined);
}

/** The `server` object: one async method per name in `server_fns`. */
export function serverObject(componentId: number, names: readonly string[]): Record<string, unknown> {
  const server: Record<string, unknown> = {};
  for (const name of names) {
    server[name] = async (...args: unknown[]) => {
      const response = await fetch(apiUrl(apiPrefix(), "component_server"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          component_id: componentId,
          fn_name: name,
          data: args.length === 1 ? args[0] : args,
        }),
      });
      const body = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) {
        const detail = (body as { detail?: unknown } | null)?.detail;
        throw new Error(typeof detail === "string" ? detail : `server.${name} failed (HTTP ${response.status})`);
      }
      return body;
    };
  }
  return server;
}

/** `upload(file)`: store a browser File on the server; answers its path and URL. */
export async function uploadOne(file: File): Promise<{ path: string; url: string }> {
  const [data] = await uploadFiles([file]);
  const path = data?.path ?? "";
  return { path, url: apiUrl(apiPrefix(), `file=${encodeURI(path)}`) };
}

type AsyncFn = (...args: unknown[]) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

/** What `js_on_load` can use. */
export interface OnLoadApi {
  element: HTMLElement;
  trigger: (event: string, data?: unknown) => void;
  props: Record<string, unknown>;
  server: Record<string, unknown>;
  upload: (file: File) => Promise<{ path: string; url: string }>;
  watch: (names: string | string[], callback: () => void) => void;
}

/** Run `js_on_load` (the app author's code, trusted like `js=`); failures are logged. */
export async function runOnLoad(code: string, api: OnLoadApi): Promise<void> {
  const fn = new AsyncFunction("element", "trigger", "props", "server", "upload", "watch", code);
  try {
    await fn(api.element, api.trigger, api.props, api.server, api.upload, api.watch);
  } catch (error) {
    console.error("gr.HTML js_on_load failed:", error);
  }
}
