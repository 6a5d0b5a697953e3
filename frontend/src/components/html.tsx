// gr.HTML: markup, or a small custom component. `html_template` is filled with `value` and the
// props (html_template.ts), `css_template` is scoped to this component, `head` is added to the
// page once and `js_on_load` runs once with `element`, `trigger`, `props`, `server`, `upload`
// and `watch` (html_runtime.ts). The rendered markup is sanitised here, where it is shown
// (the server sends values unchanged), unless `sanitize=False`: the app's templates are
// trusted, the values and props filling them are not. `<style>` blocks stay, as in Gradio.

import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import type { Props } from "../config";
import { escapeHtml, loadHandlebars } from "./html_handlebars";
import { loadHead, runOnLoad, serverObject, uploadOne } from "./html_runtime";
import { patchHtml, renderTemplate, scopeCss } from "./html_template";
import { sanitize, stripCssUrls } from "./sanitize";

const PLAIN = "${value}";

type Watcher = { names: string[]; callback: () => void };

/**
 * The markup to show (one piece per side of `@children`), or the template's error as text;
 * null while the template waits for the Handlebars library.
 */
function render(props: Props, scope: Record<string, unknown>, pieces: number): string[] | null {
  const template = str(props.html_template, PLAIN);
  const parts = pieces > 1 ? template.split("@children") : [template];
  try {
    const filled = parts.map((part) => (part === PLAIN ? str(scope.value) : renderTemplate(part, scope)));
    if (filled.some((html) => html === null)) return null;
    return filled.map((html) => (props.sanitize === false ? (html ?? "") : sanitize(html ?? "", true)));
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [`<p class="html-error">Error in html_template: ${escapeHtml(message)}</p>`];
  }
}

/**
 * The filled `css_template`; a template that fails gives no CSS (the console says why), and one
 * waiting for the Handlebars library gives null.
 */
function renderCss(template: string, scope: Record<string, unknown>): string | null {
  try {
    return renderTemplate(template, scope);
  } catch (error) {
    console.error("gr.HTML css_template failed:", error);
    return "";
  }
}

/** Template props as the server set them: the config's `props`, then partial updates. */
function mergeServerProps(merged: Record<string, unknown>, before: Props | null, after: Props): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (key === "props" || (before && before[key] === value)) continue;
    merged[key] = value;
    changed.push(key);
  }
  const extra = after.props;
  if (extra && typeof extra === "object" && extra !== before?.props) {
    for (const [key, value] of Object.entries(extra as Record<string, unknown>)) {
      if (key === "__type__") continue;
      merged[key] = value;
      changed.push(key);
    }
  }
  return before ? changed : [];
}

export default function Html({ id, inputId, props, setValue, fire, children }: ComponentProps) {
  const root = useRef<HTMLDivElement | null>(null);
  const before = useRef<HTMLDivElement | null>(null);
  const after = useRef<HTMLDivElement | null>(null);
  const server = useRef<Record<string, unknown>>({});
  const local = useRef<Record<string, unknown>>({});
  const previous = useRef<Props | null>(null);
  const watchers = useRef<Watcher[]>([]);
  const scopeRef = useRef<Record<string, unknown>>({});
  const [, redraw] = useState(0);

  // A prop the server changed replaces what the page's JavaScript had set it to.
  const changed = mergeServerProps(server.current, previous.current, props);
  for (const key of changed) delete local.current[key];
  previous.current = props;
  const scope: Record<string, unknown> = { ...server.current, ...local.current };
  scopeRef.current = scope;
  const html = render(props, scope, children ? 2 : 1);
  const scopeClass = `html-scope-${id}`;
  const filled = renderCss(str(props.css_template), scope);
  // The template is the app's, the values filling it are not (docs/security.md #23).
  const css = filled === null ? "" : scopeCss(props.sanitize === false ? filled : stripCssUrls(filled), scopeClass);
  const waiting = html === null || filled === null;

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    // A template with Handlebars tags is drawn once the library has arrived.
    if (waiting) {
      loadHandlebars().then(
        () => redraw((n) => n + 1),
        (error: unknown) => console.error("gr.HTML could not load Handlebars:", error),
      );
    }
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
    if (html && children) {
      if (before.current) patchHtml(before.current, html[0] ?? "");
      if (after.current) patchHtml(after.current, html.slice(1).join(""));
    } else if (html) patchHtml(el, html.join(""));
    if (props.autoscroll === true && atEnd) el.scrollTop = el.scrollHeight;
    for (const watcher of watchers.current) {
      if (watcher.names.some((name) => changed.includes(name))) watcher.callback();
    }
  });

  useEffect(() => {
    const el = root.current;
    const code = str(props.js_on_load);
    if (!el) return;
    const proxy = new Proxy<Record<string, unknown>>(
      {},
      {
        get: (_, key) => (typeof key === "string" ? scopeRef.current[key] : undefined),
        set: (_, key, value: unknown) => {
          if (typeof key !== "string") return false;
          if (key === "value") setValue(value);
          else local.current[key] = value;
          redraw((n) => n + 1);
          return true;
        },
      },
    );
    const names = Array.isArray(props.server_fns) ? props.server_fns.map(String) : [];
    void loadHead(str(props.head)).then(() => {
      if (!code.trim()) return;
      void runOnLoad(code, {
        element: el,
        trigger: (event, data) => fire(String(event), data ?? null),
        props: proxy,
        server: serverObject(id, names),
        upload: uploadOne,
        watch: (wanted, callback) => {
          watchers.current.push({ names: Array.isArray(wanted) ? wanted : [wanted], callback });
        },
      });
    });
  }, []);

  const minHeight = num(props.min_height);
  const maxHeight = num(props.max_height);
  const classes = [scopeClass, "html"];
  if (props.apply_default_css !== false) classes.push("prose");
  if (props.padding !== false) classes.push("padded");
  return (
    <div class="html-block">
      {props.show_label === true ? <BlockTitle id={`${inputId}-label`} props={props} /> : null}
      {css ? <style>{css}</style> : null}
      <div
        ref={root}
        class={classes.join(" ")}
        style={{
          minHeight: minHeight !== null ? `${minHeight}px` : undefined,
          maxHeight: maxHeight !== null ? `${maxHeight}px` : undefined,
          overflowY: maxHeight !== null ? "auto" : undefined,
        }}
      >
        {children ? (
          <>
            <div ref={before} class="html-part" />
            <div class="html-children">{children}</div>
            <div ref={after} class="html-part" />
          </>
        ) : null}
      </div>
    </div>
  );
}
