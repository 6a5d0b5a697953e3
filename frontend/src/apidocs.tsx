// The "Use via API" panel: the app's named endpoints from `API/info`, each with a Python, a
// JavaScript, a cURL and an MCP snippet (snippets.ts) and a copy button; and the API recorder,
// which turns the runs the page starts while it records into a Python script. Its own chunk,
// fetched only when the footer link is used.

import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { HttpApi } from "./api";
import type { AppConfig } from "./config";
import { apiUrl, baseUrl } from "./page_config";
import {
  type Info,
  type Language,
  type Parameter,
  type RecordedCall,
  recordedCall,
  recordedSnippet,
  snippet,
} from "./snippets";

const LANGUAGES: [Language, string][] = [
  ["python", "Python"],
  ["javascript", "JavaScript"],
  ["bash", "cURL"],
  ["mcp", "MCP"],
];

const INSTALL: Record<Language, string> = {
  python: "pip install gradio_client",
  javascript: "npm i -D @gradio/client",
  bash: "curl, and awk to read the event id",
  mcp: "an MCP client (launch the app with mcp_server=True)",
};

/** What the recorder keeps between the panel's openings: on while it records. */
const recorder: { calls: RecordedCall[]; recording: boolean } = { calls: [], recording: false };

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  };
  return (
    <button type="button" class="api-copy" onClick={copy}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

function Code({ text }: { text: string }) {
  return (
    <div class="api-code">
      <CopyButton text={text} />
      <pre>
        <code>{text}</code>
      </pre>
    </div>
  );
}

function Params({ title, params }: { title: string; params: Parameter[] }) {
  if (params.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul class="api-params">
        {params.map((p, i) => (
          <li key={i}>
            <code>{p.parameter_name ?? p.label ?? `value_${i}`}</code>{" "}
            <span class="api-type">{p.python_type?.type ?? ""}</span>{" "}
            {p.component ? <span class="api-component">({p.component})</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The JSON at `url` once fetched (nothing is fetched while `url` is null), or the error. */
function useJson<T>(url: string | null): [T | null, string | null] {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (url === null) return;
    fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setValue, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [url]);
  return [value, error];
}

interface McpTool {
  name: string;
  meta?: { endpoint_name?: string };
}

function Tabs({ language, choose }: { language: Language; choose: (l: Language) => void }) {
  return (
    <div class="api-tabs" role="tablist" aria-label="Language">
      {LANGUAGES.map(([key, label]) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={key === language}
          class={key === language ? "selected" : ""}
          onClick={() => choose(key)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function ApiPanel(props: { config: AppConfig; onClose: () => void; onRecord: () => void }) {
  const { config } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const prefix = config.api_prefix ?? "/gradio_api";
  const [info, error] = useJson<Info>(apiUrl(prefix, "info"));
  const [language, setLanguage] = useState<Language>("python");
  // The MCP server's tools, asked for only when the MCP tab is opened (a 404 without one).
  const [tools] = useJson<McpTool[]>(language === "mcp" ? apiUrl(prefix, "mcp/schema") : null);
  useEffect(() => dialog.current?.showModal(), []);
  const root = new URL(".", baseUrl()).toString();
  const toolOf = (name: string) => tools?.find((t) => `/${t.meta?.endpoint_name ?? ""}` === name)?.name;
  const endpoints = Object.entries(info?.named_endpoints ?? {});
  const record = () => {
    props.onRecord();
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} class="api-panel" aria-labelledby="api-panel-title" onClose={props.onClose}>
      <div class="api-head">
        <h2 id="api-panel-title">Use via API</h2>
        <button type="button" class="toast-close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <Tabs language={language} choose={setLanguage} />
      <p>
        You need {INSTALL[language]}.{" "}
        <button type="button" class="api-record" onClick={record}>
          API Recorder
        </button>{" "}
        records what you do in the page as calls.
      </p>
      {error ? <p role="alert">Could not load the API description: {error}</p> : null}
      {info && recorder.calls.length > 0 ? (
        <section class="api-recorded">
          <h3>Recorded calls</h3>
          <Code text={recordedSnippet(root, recorder.calls, info)} />
        </section>
      ) : null}
      {info && endpoints.length === 0 ? <p>This app has no named API endpoints.</p> : null}
      {endpoints.map(([name, endpoint]) => (
        <section key={name} class="api-endpoint">
          <h3>
            <code>{name}</code>
          </h3>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <Code text={snippet(language, root, name, endpoint, toolOf(name))} />
          <Params title="Parameters" params={endpoint.parameters ?? []} />
          <Params title="Returns" params={endpoint.returns ?? []} />
        </section>
      ))}
    </dialog>
  );
}

function RecordingBar({ onStop }: { onStop: () => void }) {
  return (
    <div class="api-recording" role="status">
      Recording API calls…{" "}
      <button type="button" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}

/** The panel's element in `container` (an embedded app's shadow root, where its styles
 * apply), made on first use. */
function host(container: ParentNode): HTMLElement {
  let found = container.querySelector<HTMLElement>("#api-panel-host");
  if (!found) {
    found = document.createElement("div");
    found.id = "api-panel-host";
    container.append(found);
  }
  return found;
}

/** Record the page's runs until the bar's Stop, which opens the panel with them. */
function startRecording(config: AppConfig, api: HttpApi, container: ParentNode): void {
  recorder.calls = [];
  recorder.recording = true;
  api.observer = (body) => {
    const call = recordedCall(config, body);
    if (call) recorder.calls.push(call);
  };
  const stop = () => {
    api.observer = null;
    recorder.recording = false;
    showApiPanel(config, api, container);
  };
  render(<RecordingBar onStop={stop} />, host(container));
}

/** Open the panel (a modal dialog) in `container`; closing it removes it again. */
export function showApiPanel(config: AppConfig, api: HttpApi, container: ParentNode = document.body): void {
  const target = host(container);
  let recording = false;
  const closed = () => {
    if (recording) startRecording(config, api, container);
    else render(null, target);
  };
  render(null, target);
  render(
    <ApiPanel
      config={config}
      onClose={closed}
      onRecord={() => {
        recording = true;
      }}
    />,
    target,
  );
}
