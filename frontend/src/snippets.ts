// Code that calls one endpoint of the app, for the "Use via API" panel: Python (gradio_client),
// JavaScript (@gradio/client), cURL (the REST routes, docs/protocol.md §3.5) and MCP, with the
// parameter names and example values of `API/info`; and the recorder's calls as a Python script.

import type { AppConfig } from "./config";
import type { JoinRequest } from "./wire";

/** One parameter or return of an endpoint, as `API/info` describes it. */
export interface Parameter {
  label?: string;
  parameter_name?: string;
  parameter_has_default?: boolean;
  parameter_default?: unknown;
  python_type?: { type?: string; description?: string };
  component?: string;
  example_input?: unknown;
}

/** One named endpoint of `API/info`. */
export interface Endpoint {
  parameters?: Parameter[];
  returns?: Parameter[];
  description?: string;
}

/** The answer of `API/info`. */
export interface Info {
  named_endpoints?: Record<string, Endpoint>;
}

/** A call the recorder saw: the endpoint's name and the values sent for its parameters. */
export interface RecordedCall {
  apiName: string;
  values: unknown[];
}

export type Language = "python" | "javascript" | "bash" | "mcp";

function isFile(value: unknown): value is { url?: string; path?: string } {
  const meta = (value as { meta?: { _type?: string } } | null)?.meta;
  return typeof value === "object" && value !== null && meta?._type === "gradio.FileData";
}

/** A value as Python source: JSON, with Python's spelling of true/false/null and files. */
export function pythonValue(value: unknown): string {
  if (isFile(value)) return `handle_file(${JSON.stringify(value.url ?? value.path ?? "")})`;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(", ")}]`;
  if (typeof value === "object") {
    const items = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonValue(v)}`);
    return `{${items.join(", ")}}`;
  }
  return JSON.stringify(value);
}

function jsValue(value: unknown): string {
  if (isFile(value)) return `handle_file(${JSON.stringify(value.url ?? value.path ?? "")})`;
  if (Array.isArray(value)) return `[${value.map(jsValue).join(", ")}]`;
  return JSON.stringify(value ?? null);
}

/** The value a snippet shows for a parameter: its default, else the example of its component. */
export function exampleValue(param: Parameter): unknown {
  return param.parameter_has_default ? param.parameter_default : (param.example_input ?? null);
}

function names(endpoint: Endpoint): [string, unknown][] {
  return (endpoint.parameters ?? []).map((p, i) => [p.parameter_name ?? `param_${i}`, exampleValue(p)]);
}

function usesFiles(values: unknown[]): boolean {
  return values.some(isFile);
}

/** `Client(root).predict(...)` with each parameter by name. */
export function pythonSnippet(root: string, apiName: string, endpoint: Endpoint): string {
  const args = names(endpoint);
  const imports = usesFiles(args.map(([, v]) => v)) ? "Client, handle_file" : "Client";
  return [
    `from gradio_client import ${imports}`,
    "",
    `client = Client(${JSON.stringify(root)})`,
    "result = client.predict(",
    ...args.map(([name, value]) => `    ${name}=${pythonValue(value)},`),
    `    api_name=${JSON.stringify(apiName)},`,
    ")",
    "print(result)",
  ].join("\n");
}

/** `Client.connect(root)` then `client.predict(name, {...})`. */
export function javascriptSnippet(root: string, apiName: string, endpoint: Endpoint): string {
  const args = names(endpoint);
  const imports = usesFiles(args.map(([, v]) => v)) ? "Client, handle_file" : "Client";
  return [
    `import { ${imports} } from "@gradio/client";`,
    "",
    `const client = await Client.connect(${JSON.stringify(root)});`,
    `const result = await client.predict(${JSON.stringify(apiName)}, {`,
    ...args.map(([name, value]) => `  ${name}: ${jsValue(value)},`),
    "});",
    "",
    "console.log(result.data);",
  ].join("\n");
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/** `POST call/<name>` with the values, then the result's event stream (§3.5). */
export function curlSnippet(root: string, apiName: string, endpoint: Endpoint): string {
  const base = `${root.replace(/\/$/, "")}/gradio_api/call${apiName}`;
  const body = JSON.stringify({ data: names(endpoint).map(([, value]) => value) });
  return [
    `curl -X POST ${base} -s -H "Content-Type: application/json" -d ${shellQuote(body)} \\`,
    `  | awk -F'"' '{ print $4 }' \\`,
    `  | read EVENT_ID; curl -N ${base}/$EVENT_ID`,
  ].join("\n");
}

/** An MCP client's config for the app's server and the tool that runs the endpoint. */
export function mcpSnippet(root: string, apiName: string, tool: string | undefined): string {
  const config = { mcpServers: { app: { url: `${root.replace(/\/$/, "")}/gradio_api/mcp/` } } };
  return [
    "// Add the app's MCP server to your MCP client's config:",
    JSON.stringify(config, null, 2),
    "",
    tool
      ? `// ${apiName} is the tool ${JSON.stringify(tool)}.`
      : "// Launch the app with mcp_server=True to serve it over MCP.",
  ].join("\n");
}

/** The snippet of `language` for one endpoint. */
export function snippet(language: Language, root: string, apiName: string, endpoint: Endpoint, tool?: string): string {
  if (language === "python") return pythonSnippet(root, apiName, endpoint);
  if (language === "javascript") return javascriptSnippet(root, apiName, endpoint);
  if (language === "bash") return curlSnippet(root, apiName, endpoint);
  return mcpSnippet(root, apiName, tool);
}

/** The recorder's calls as one Python script, each with its parameters by name. */
export function recordedSnippet(root: string, calls: RecordedCall[], info: Info): string {
  const lines = ["from gradio_client import Client", "", `client = Client(${JSON.stringify(root)})`];
  for (const call of calls) {
    const params = info.named_endpoints?.[call.apiName]?.parameters ?? [];
    const args = call.values.map((value, i) => `${params[i]?.parameter_name ?? `param_${i}`}=${pythonValue(value)}`);
    lines.push(`result = client.predict(${[...args, `api_name=${JSON.stringify(call.apiName)}`].join(", ")})`);
  }
  if (usesFiles(calls.flatMap((c) => c.values))) lines[0] = "from gradio_client import Client, handle_file";
  return lines.join("\n");
}

/** The recorded call for a run of the page, or null when the run is no public endpoint. */
export function recordedCall(config: AppConfig, body: JoinRequest): RecordedCall | null {
  const dep = config.dependencies.find((d) => d.id === body.fn_index);
  if (!dep || typeof dep.api_name !== "string" || dep.api_visibility !== "public") return null;
  const skipped = new Set(config.components.filter((c) => c.skip_api).map((c) => c.id));
  const values = body.data.filter((_, i) => !skipped.has(dep.inputs[i]));
  return { apiName: `/${dep.api_name}`, values };
}
