// The "Use via API" panel: the app's named endpoints from `API/info`, with a Python snippet for
// each. Its own chunk, fetched only when the footer link is used.

import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { AppConfig } from "./config";
import { apiUrl, baseUrl } from "./page_config";

interface Parameter {
  label?: string;
  parameter_name?: string;
  parameter_has_default?: boolean;
  parameter_default?: unknown;
  python_type?: { type?: string; description?: string };
  component?: string;
  example_input?: unknown;
}

interface Endpoint {
  parameters?: Parameter[];
  returns?: Parameter[];
  description?: string;
  code_snippets?: { python?: string };
}

interface Info {
  named_endpoints?: Record<string, Endpoint>;
}

function pythonSnippet(name: string, endpoint: Endpoint): string {
  const args = (endpoint.parameters ?? []).map(
    (p) =>
      `    ${p.parameter_name ?? "x"}=${JSON.stringify(p.parameter_has_default ? p.parameter_default : (p.example_input ?? null))},`,
  );
  const base = new URL(".", baseUrl()).toString();
  return [
    "from gradio_client import Client",
    "",
    `client = Client(${JSON.stringify(base)})`,
    "result = client.predict(",
    ...args,
    `    api_name=${JSON.stringify(name)},`,
    ")",
    "print(result)",
  ].join("\n");
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

function ApiPanel({ config, onClose }: { config: AppConfig; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    fetch(apiUrl(config.api_prefix ?? "/gradio_api", "info"))
      .then((r) => (r.ok ? (r.json() as Promise<Info>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const endpoints = Object.entries(info?.named_endpoints ?? {});
  return (
    <dialog ref={dialog} class="api-panel" aria-labelledby="api-panel-title" onClose={onClose}>
      <div class="api-head">
        <h2 id="api-panel-title">Use via API</h2>
        <button type="button" class="toast-close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <p>
        Call this app from Python with <code>pip install gradio_client</code>.
      </p>
      {error ? <p role="alert">Could not load the API description: {error}</p> : null}
      {info && endpoints.length === 0 ? <p>This app has no named API endpoints.</p> : null}
      {endpoints.map(([name, endpoint]) => (
        <section key={name} class="api-endpoint">
          <h3>
            <code>{name}</code>
          </h3>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <pre>
            <code>{endpoint.code_snippets?.python ?? pythonSnippet(name, endpoint)}</code>
          </pre>
          <Params title="Parameters" params={endpoint.parameters ?? []} />
          <Params title="Returns" params={endpoint.returns ?? []} />
        </section>
      ))}
    </dialog>
  );
}

/**
 * Open the panel (a modal dialog) in `container` (an embedded app's shadow root, where its
 * styles apply); closing it removes it again.
 */
export function showApiPanel(config: AppConfig, container: ParentNode = document.body): void {
  let host = container.querySelector<HTMLElement>("#api-panel-host");
  if (!host) {
    host = document.createElement("div");
    host.id = "api-panel-host";
    container.append(host);
  }
  const target = host;
  render(<ApiPanel config={config} onClose={() => render(null, target)} />, target);
}
