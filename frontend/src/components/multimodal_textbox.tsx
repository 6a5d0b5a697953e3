// gr.MultimodalTextbox: a message box with attachments. Files come from the attach button, a
// paste, a drop or (with "microphone" in `sources`) a recording, are uploaded to the server's file store, and travel as FileData in the value
// `{"text", "files"}`. Enter submits (Shift+Enter adds a line); the stop button shows while an
// event this box started is running.

import { useEffect, useRef, useState } from "preact/hooks";
import { FieldLabel, num, str, type ComponentProps } from "../block";
import { accepts, uploadFiles } from "../media";
import type { FileData } from "../wire";
import { Recorder } from "./mic_recorder";
import { htmlAttributes } from "./textbox";
import "./chatbot.css";

interface Value {
  text: string;
  files: FileData[];
}

function valueOf(value: unknown): Value {
  if (typeof value === "string") return { text: value, files: [] };
  if (value && typeof value === "object") {
    const v = value as Partial<Value>;
    return { text: str(v.text), files: Array.isArray(v.files) ? v.files : [] };
  }
  return { text: "", files: [] };
}

function ButtonLabel({ value, fallback }: { value: unknown; fallback: string }) {
  return <>{typeof value === "string" && value ? value : fallback}</>;
}

export default function MultimodalTextbox({ inputId, props, interactive, setValue, fire, busy }: ComponentProps) {
  const value = valueOf(props.value);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const lines = Math.max(1, num(props.lines) ?? 1);
  const sources = Array.isArray(props.sources) ? props.sources.map((s) => str(s)) : ["upload"];
  useEffect(() => {
    if (props.autofocus === true) area.current?.focus();
  }, []);

  const attach = async (files: File[]) => {
    const refused = files.filter((f) => !accepts(f, props.file_types));
    if (refused.length) {
      setError(`Not an accepted file type: ${refused.map((f) => f.name).join(", ")}`);
      return;
    }
    if (!files.length) return;
    setError(null);
    setUploading(true);
    try {
      const uploaded = await uploadFiles(files);
      const current = valueOf(props.value);
      const single = props.file_count === "single";
      setValue({ text: current.text, files: single ? uploaded.slice(-1) : [...current.files, ...uploaded] });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };
  const submit = () => {
    if (busy || uploading) return;
    fire("submit");
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const onPaste = (event: ClipboardEvent) => {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length) {
      event.preventDefault();
      void attach(files);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void attach(Array.from(event.dataTransfer?.files ?? []));
  };
  const removeFile = (index: number) =>
    setValue({ text: value.text, files: value.files.filter((_, i) => i !== index) });
  const showStop = busy === true && Boolean(props.stop_btn);
  return (
    <div class="multimodal" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <FieldLabel forId={inputId} props={props} fallback="Message" />
      {value.files.length ? (
        <ul class="mm-files">
          {value.files.map((file, i) => (
            <li key={i}>
              <span>{str(file.orig_name) || str(file.path).split("/").pop()}</span>
              <button type="button" class="chat-action" aria-label="Remove file" onClick={() => removeFile(i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="mm-row">
        {interactive && sources.includes("upload") ? (
          <button type="button" class="mm-attach" aria-label="Attach files" onClick={() => picker.current?.click()}>
            +
          </button>
        ) : null}
        {interactive && sources.includes("microphone") ? (
          <Recorder compact onDone={(file) => void attach([file])} />
        ) : null}
        <input
          ref={picker}
          type="file"
          hidden
          multiple={props.file_count !== "single"}
          accept={Array.isArray(props.file_types) ? props.file_types.map((t) => str(t)).join(",") : undefined}
          onChange={(e) => void attach(Array.from(e.currentTarget.files ?? []))}
        />
        <textarea
          ref={area}
          id={inputId}
          class="input"
          rows={lines}
          value={value.text}
          placeholder={str(props.placeholder) || undefined}
          readOnly={!interactive}
          dir={props.rtl === true ? "rtl" : undefined}
          onInput={(e) => setValue({ text: e.currentTarget.value, files: value.files })}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onFocus={() => fire("focus")}
          {...htmlAttributes(props.html_attributes)}
          onBlur={() => fire("blur")}
        />
        {showStop ? (
          <button type="button" class="btn btn-stop btn-sm mm-stop" onClick={() => fire("stop")}>
            <ButtonLabel value={props.stop_btn} fallback="Stop" />
          </button>
        ) : props.submit_btn ? (
          <button type="button" class="btn btn-primary btn-sm mm-submit" onClick={submit} disabled={uploading}>
            <ButtonLabel value={props.submit_btn} fallback="Send" />
          </button>
        ) : null}
      </div>
      {error ? (
        <div class="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
