// gr.Textbox: one line (Enter fires `submit`) or several (Enter adds a line; Ctrl/Cmd+Enter
// submits). Types text, password and email. Optional submit and stop buttons, a copy button
// (`buttons=["copy"]`), and `autoscroll` keeping the end of streamed text in view.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, num, str, type ComponentProps } from "../block";

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * `html_attributes` (gr.InputHTMLAttributes) as element attributes: the ones set, by name.
 * Booleans become "true"/"false" text: `spellcheck="false"` is an attribute value, and a bare
 * `false` would make Preact drop the attribute instead of setting it.
 */
export function htmlAttributes(value: unknown): Record<string, string | number> {
  if (typeof value !== "object" || value === null) return {};
  const set: Record<string, string | number> = {};
  for (const [name, attr] of Object.entries(value)) {
    if (typeof attr === "string" || typeof attr === "number") set[name] = attr;
    else if (typeof attr === "boolean") set[name] = String(attr);
  }
  return set;
}

export default function Textbox({ inputId, props, interactive, setValue, fire, busy = false }: ComponentProps) {
  const lines = Math.max(1, num(props.lines) ?? 1);
  const maxLines = Math.max(lines, num(props.max_lines) ?? 20);
  const type = props.type === "password" || props.type === "email" ? props.type : "text";
  const multiline = lines > 1 && type === "text";
  const control = useRef<TextControl | null>(null);
  const setControl = (el: TextControl | null) => {
    control.current = el;
  };
  // The autofocus attribute only works for markup present when the page loads; this box is not.
  useEffect(() => {
    if (props.autofocus === true) control.current?.focus();
  }, []);
  const text = str(props.value);
  useEffect(() => {
    const el = control.current;
    if (el && props.autoscroll !== false && document.activeElement !== el) el.scrollTop = el.scrollHeight;
  }, [text]);
  const [copied, setCopied] = useState(false);
  const buttons = Array.isArray(props.buttons) ? props.buttons : [];
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
    setTimeout(() => setCopied(false), 1500);
    fire("copy", { value: text });
  };
  // While an event this box started runs, its stop button (if any) takes the submit button's place.
  const stopLabel = busy ? buttonLabel(props.stop_btn, "Stop") : null;
  const submitLabel = stopLabel ? null : buttonLabel(props.submit_btn, "Submit");

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter" || event.isComposing) return;
    const submits = multiline ? event.ctrlKey || event.metaKey : !event.shiftKey;
    if (!submits) return;
    event.preventDefault();
    // Like a chat product: no second submit while the reply to the first one still streams.
    if (!busy) fire("submit");
  };
  const onSelect = (event: Event) => {
    const el = event.currentTarget as TextControl;
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    if (start !== end) fire("select", { value: el.value.slice(start, end), index: [start, end], selected: true });
  };
  const common = {
    id: inputId,
    class: "input",
    value: text,
    placeholder: str(props.placeholder) || undefined,
    readOnly: !interactive,
    dir: props.rtl === true ? ("rtl" as const) : undefined,
    maxLength: num(props.max_length) ?? undefined,
    onInput: (event: Event) => setValue((event.currentTarget as TextControl).value),
    onKeyDown,
    onSelect,
    onFocus: () => fire("focus"),
    onBlur: () => fire("blur"),
  };
  const attributes = htmlAttributes(props.html_attributes);
  return (
    <div class="textbox">
      <FieldLabel forId={inputId} props={props} fallback={str(props.placeholder) || "Textbox"} />
      {buttons.includes("copy") ? (
        <button type="button" class="textbox-copy" aria-label="Copy text" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      ) : null}
      <div class="textbox-row">
        {multiline ? (
          <textarea
            {...common}
            ref={setControl}
            rows={lines}
            style={{ "--lines": String(lines), "--max-lines": String(maxLines) }}
            {...attributes}
          />
        ) : (
          // Preact's types check attributes per literal input type; all three types take these props.
          <input
            {...common}
            ref={setControl}
            type={type as "text"}
            autoComplete={type === "password" ? "current-password" : "off"}
            {...attributes}
          />
        )}
        {submitLabel ? (
          <button
            type="button"
            class="btn btn-primary btn-sm textbox-btn"
            disabled={busy}
            onClick={() => fire("submit")}
          >
            {submitLabel}
          </button>
        ) : null}
        {stopLabel ? (
          <button type="button" class="btn btn-stop btn-sm textbox-btn" onClick={() => fire("stop")}>
            {stopLabel}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** `submit_btn`/`stop_btn`: true shows the default text, a string is the text, false none. */
function buttonLabel(option: unknown, fallback: string): string | null {
  if (option === true) return fallback;
  return typeof option === "string" && option ? option : null;
}
