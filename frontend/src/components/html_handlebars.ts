// The Handlebars part of gr.HTML templates: `{{path}}` (HTML-escaped), `{{{path}}}` (raw),
// `{{!comment}}`, and the block helpers `#each` (with `this`, `@index`, `@key`, `@first`,
// `@last`), `#if`, `#unless` and `#with`, each with an optional `{{else}}`. Paths read the
// current context, then outer ones (`../name` goes up one); only data is looked up, never code.

type Scope = { context: unknown; data: Record<string, unknown>; parent: Scope | null };

type Node =
  | { kind: "text"; text: string }
  | { kind: "value"; path: string; raw: boolean }
  | { kind: "block"; helper: string; arg: string; body: Node[]; inverse: Node[] };

const TAG = /\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{(!--[\s\S]*?--|![^}]*|[#/^]?\s*[^}]*?)\s*\}\}/g;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
  "`": "&#x60;",
  "=": "&#x3D;",
};

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c] ?? c);
}

/** Whether a template uses Handlebars tags at all. */
export function hasHandlebars(template: string): boolean {
  return template.includes("{{");
}

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: "block" }>; inElse: boolean }[] = [];
  const out = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.inverse : top.node.body;
  };
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const index = match.index ?? 0;
    if (index > last) out().push({ kind: "text", text: template.slice(last, index) });
    last = index + match[0].length;
    if (match[1] !== undefined) {
      out().push({ kind: "value", path: match[1], raw: true });
      continue;
    }
    const tag = (match[2] ?? "").trim();
    if (tag.startsWith("!")) continue;
    if (tag.startsWith("#")) {
      const [helper = "", ...rest] = tag.slice(1).trim().split(/\s+/);
      const node: Extract<Node, { kind: "block" }> = {
        kind: "block",
        helper,
        arg: rest.join(" "),
        body: [],
        inverse: [],
      };
      out().push(node);
      stack.push({ node, inElse: false });
    } else if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.node.helper !== tag.slice(1).trim()) throw new SyntaxError(`Unexpected {{${tag}}}`);
    } else if (tag === "else" && stack.length) {
      const top = stack[stack.length - 1];
      if (top) top.inElse = true;
    } else {
      out().push({ kind: "value", path: tag, raw: false });
    }
  }
  if (stack.length) throw new SyntaxError(`Unclosed {{#${stack[stack.length - 1]?.node.helper}}}`);
  if (last < template.length) root.push({ kind: "text", text: template.slice(last) });
  return root;
}

function property(target: unknown, key: string): unknown {
  if (target === null || target === undefined) return undefined;
  if (typeof target !== "object" && typeof target !== "string") return undefined;
  // Own data only: no prototype members (constructor, __proto__) reachable from a template.
  return Object.prototype.hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

function lookup(path: string, scope: Scope): unknown {
  const literal = path.match(/^(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|(true|false|null))$/);
  if (literal) {
    if (literal[3] !== undefined) return Number(literal[3]);
    if (literal[4] !== undefined) return literal[4] === "null" ? null : literal[4] === "true";
    return literal[1] ?? literal[2];
  }
  let current: Scope = scope;
  let rest = path;
  while (rest.startsWith("../")) {
    current = current.parent ?? current;
    rest = rest.slice(3);
  }
  if (rest.startsWith("@")) return current.data[rest.slice(1)];
  const parts = rest.split(".").filter((p) => p !== "");
  if (parts[0] === "this") {
    parts.shift();
    return parts.reduce<unknown>((value, key) => property(value, key), current.context);
  }
  const [head = "", ...tail] = parts;
  for (let s: Scope | null = current; s; s = s.parent) {
    const found = property(s.context, head);
    if (found !== undefined) return tail.reduce<unknown>((value, key) => property(value, key), found);
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function renderEach(node: Extract<Node, { kind: "block" }>, scope: Scope): string {
  const list = lookup(node.arg, scope);
  const entries: [string | number, unknown][] = Array.isArray(list)
    ? list.map((item, i) => [i, item])
    : list && typeof list === "object"
      ? Object.entries(list)
      : [];
  if (!entries.length) return renderNodes(node.inverse, scope);
  return entries
    .map(([key, item], i) => {
      const data = { index: i, key, first: i === 0, last: i === entries.length - 1 };
      return renderNodes(node.body, { context: item, data, parent: scope });
    })
    .join("");
}

function renderBlock(node: Extract<Node, { kind: "block" }>, scope: Scope): string {
  if (node.helper === "each") return renderEach(node, scope);
  const value = lookup(node.arg, scope);
  if (node.helper === "if") return renderNodes(truthy(value) ? node.body : node.inverse, scope);
  if (node.helper === "unless") return renderNodes(truthy(value) ? node.inverse : node.body, scope);
  if (node.helper === "with") {
    if (!truthy(value)) return renderNodes(node.inverse, scope);
    return renderNodes(node.body, { context: value, data: scope.data, parent: scope });
  }
  throw new SyntaxError(`Unknown block helper #${node.helper}`);
}

function renderNodes(nodes: Node[], scope: Scope): string {
  let html = "";
  for (const node of nodes) {
    if (node.kind === "text") html += node.text;
    else if (node.kind === "value") {
      const text = show(lookup(node.path, scope));
      html += node.raw ? text : escapeHtml(text);
    } else html += renderBlock(node, scope);
  }
  return html;
}

const parsed = new Map<string, Node[]>();

/** Fill a template's Handlebars tags from `context`. Throws `SyntaxError` for a malformed one. */
export function renderHandlebars(template: string, context: Record<string, unknown>): string {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = parse(template);
    parsed.set(template, nodes);
  }
  return renderNodes(nodes, { context, data: {}, parent: null });
}
