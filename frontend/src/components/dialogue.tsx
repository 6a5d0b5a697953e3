// gr.Dialogue: a conversation as lines of {speaker, text}. Editable line by line (a speaker
// from `speakers`, the text, ":" offering `tags`) or as plain text (`ui_mode`). The app's own
// `formatter`/`unformatter` turn lines into text and back through the component's server
// functions `format` and `unformat`; text typed in the text view is the value as it is.

import { useEffect, useState } from "preact/hooks";
import { FieldLabel, str, type ComponentProps } from "../block";
import "./dialogue.css";

interface Line {
  speaker: string;
  text: string;
}

function linesOf(value: unknown): Line[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((line) => ({ speaker: str(line?.speaker), text: str(line?.text) }));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => str(item)) : [];
}

function buttonLabel(option: unknown): string | null {
  if (option === true) return "Submit";
  return typeof option === "string" && option ? option : null;
}

interface LineProps {
  line: Line;
  index: number;
  speakers: string[];
  tags: string[];
  color: string | undefined;
  interactive: boolean;
  placeholder: string | undefined;
  edit: (index: number, line: Line | null) => void;
  submit: () => void;
}

function DialogueLine({ line, index, speakers, tags, color, interactive, placeholder, edit, submit }: LineProps) {
  const asking = interactive && tags.length > 0 && line.text.endsWith(":");
  const style = color ? { borderColor: color } : undefined;
  if (!interactive) {
    return (
      <li class="dialogue-line">
        <span class="dialogue-speaker" style={style}>
          {line.speaker}
        </span>
        <span class="dialogue-text">{line.text}</span>
      </li>
    );
  }
  return (
    <li class="dialogue-line">
      {speakers.length ? (
        <select
          class="input dialogue-speaker"
          style={style}
          aria-label={`Speaker of line ${index + 1}`}
          value={line.speaker}
          onChange={(e) => edit(index, { ...line, speaker: e.currentTarget.value })}
        >
          {(speakers.includes(line.speaker) ? speakers : [line.speaker, ...speakers]).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      ) : (
        <input
          class="input dialogue-speaker"
          aria-label={`Speaker of line ${index + 1}`}
          value={line.speaker}
          onInput={(e) => edit(index, { ...line, speaker: e.currentTarget.value })}
        />
      )}
      <input
        class="input dialogue-text"
        aria-label={`Text of line ${index + 1}`}
        value={line.text}
        placeholder={placeholder}
        onInput={(e) => edit(index, { ...line, text: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button
        type="button"
        class="dialogue-remove"
        aria-label={`Remove line ${index + 1}`}
        onClick={() => edit(index, null)}
      >
        ×
      </button>
      {asking ? (
        <span class="dialogue-tags">
          {tags.map((tag) => (
            <button
              key={tag}
              type="button"
              class="dialogue-tag"
              onClick={() => edit(index, { ...line, text: `${line.text.slice(0, -1)}${tag} ` })}
            >
              {tag}
            </button>
          ))}
        </span>
      ) : null}
    </li>
  );
}

export default function Dialogue({ inputId, props, interactive, setValue, fire, callServer }: ComponentProps) {
  const uiMode = props.ui_mode === "text" || props.ui_mode === "dialogue" ? props.ui_mode : "both";
  const [mode, setMode] = useState<"dialogue" | "text">(uiMode === "text" ? "text" : "dialogue");
  const [copied, setCopied] = useState(false);
  const speakers = stringList(props.speakers);
  const tags = stringList(props.tags);
  const colors = (props.color_map ?? {}) as Record<string, string>;
  const given = linesOf(props.value);
  const [parsed, setParsed] = useState<Line[]>([]);
  const [formatted, setFormatted] = useState("");
  // Text reaches the dialogue view through the app's unformatter, lines reach the text view
  // through its formatter: both run on the server.
  useEffect(() => {
    if (!callServer) return;
    if (mode === "dialogue" && typeof props.value === "string") {
      void callServer("unformat", { text: props.value }).then((lines) => setParsed(linesOf(lines) ?? []));
    } else if (mode === "text" && given) {
      void callServer("format", given).then((text) => setFormatted(str(text)));
    }
  }, [mode, JSON.stringify(props.value)]);
  const lines = given ?? parsed;
  const text = typeof props.value === "string" ? props.value : formatted;
  const edit = (index: number, line: Line | null) => {
    const next = [...lines];
    if (line) next[index] = line;
    else next.splice(index, 1);
    setValue(next);
  };
  const add = () => {
    const last = lines[lines.length - 1]?.speaker;
    const speaker = speakers.length ? speakers[(speakers.indexOf(last ?? "") + 1) % speakers.length] : "";
    setValue([...lines, { speaker, text: "" }]);
  };
  const copy = async () => {
    const shown = callServer && given ? str(await callServer("format", given)) : text;
    await navigator.clipboard?.writeText(shown);
    setCopied(true);
  };
  const submitLabel = buttonLabel(props.submit_btn);
  const buttons = Array.isArray(props.buttons) ? props.buttons : [];
  return (
    <div class="dialogue">
      <FieldLabel forId={inputId} props={props} fallback="Dialogue" />
      <div class="dialogue-bar">
        {uiMode === "both" ? (
          <button type="button" class="dialogue-mode" onClick={() => setMode(mode === "text" ? "dialogue" : "text")}>
            {mode === "text" ? "Dialogue view" : "Text view"}
          </button>
        ) : null}
        {buttons.includes("copy") ? (
          <button type="button" class="dialogue-mode" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
          </button>
        ) : null}
      </div>
      {mode === "text" ? (
        <textarea
          id={inputId}
          class="input dialogue-textarea"
          rows={Math.min(lines.length || 4, Number(props.max_lines) || 20)}
          value={text}
          readOnly={!interactive}
          placeholder={str(props.placeholder) || undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      ) : (
        <ol class="dialogue-lines" id={inputId}>
          {lines.map((line, index) => (
            <DialogueLine
              key={index}
              line={line}
              index={index}
              speakers={speakers}
              tags={tags}
              color={colors[line.speaker]}
              interactive={interactive}
              placeholder={str(props.placeholder) || undefined}
              edit={edit}
              submit={() => fire("submit")}
            />
          ))}
        </ol>
      )}
      {interactive ? (
        <div class="dialogue-actions">
          {mode === "dialogue" ? (
            <button type="button" class="btn btn-secondary btn-sm" onClick={add}>
              Add line
            </button>
          ) : null}
          {submitLabel ? (
            <button type="button" class="btn btn-primary btn-sm" onClick={() => fire("submit")}>
              {submitLabel}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
