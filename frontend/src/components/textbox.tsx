// gr.Textbox: one line (Enter fires `submit`) or several (Enter adds a line; Ctrl/Cmd+Enter
// submits). Types text, password and email.

import { useEffect, useRef } from "preact/hooks";
import { FieldLabel, num, str, type ComponentProps } from "../block";

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** The submit / stop button of a chat input (`submit_btn`, `stop_btn`); stop shows while busy. */
function ActionButton({
  props,
  busy,
  fire,
}: {
  props: ComponentProps["props"];
  busy: boolean;
  fire: ComponentProps["fire"];
}) {
  const label = (value: unknown, fallback: string) => (typeof value === "string" && value ? value : fallback);
  if (busy && props.stop_btn) {
    return (
      <button type="button" class="btn btn-stop btn-sm textbox-action" onClick={() => fire("stop")}>
        {label(props.stop_btn, "Stop")}
      </button>
    );
  }
  if (!props.submit_btn) return null;
  return (
    <button type="button" class="btn btn-primary btn-sm textbox-action" onClick={() => fire("submit")}>
      {label(props.submit_btn, "Send")}
    </button>
  );
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

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter" || event.isComposing) return;
    const submits = multiline ? event.ctrlKey || event.metaKey : !event.shiftKey;
    if (!submits) return;
    event.preventDefault();
    fire("submit");
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
    value: str(props.value),
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
  return (
    <div class="textbox">
      <FieldLabel forId={inputId} props={props} fallback="Textbox" />
      {multiline ? (
        <textarea
          {...common}
          ref={setControl}
          rows={lines}
          style={{ "--lines": String(lines), "--max-lines": String(maxLines) }}
        />
      ) : (
        // Preact's types check attributes per literal input type; all three types take these props.
        <input
          {...common}
          ref={setControl}
          type={type as "text"}
          autoComplete={type === "password" ? "current-password" : "off"}
        />
      )}
      {props.submit_btn || props.stop_btn ? <ActionButton props={props} busy={busy} fire={fire} /> : null}
    </div>
  );
}
