// gr.Chatbot: a conversation that streams smoothly. Each message lives in its own signal; when a
// streamed diff changes one message, only that row re-renders, and only the last Markdown block
// of it is parsed again. The list keeps to the bottom while new text arrives, unless the user has
// scrolled up to read (a button then brings them back).

import { signal, type Signal } from "@preact/signals";
import { memo } from "preact/compat";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { baseUrl } from "../page_config";
import type { ChatMessageData } from "../wire";
import { MessageRow, messageText, type RowContext } from "./chat_message";
import { History, saveConversation } from "./chat_history";
import { delimitersOf } from "./markdown_math";
import "./chatbot.css";

type Row = { message: Signal<ChatMessageData>; index: number };

const STICK_PX = 40;

function isMessage(value: unknown): value is ChatMessageData {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ChatMessageData).role === "string" &&
    Array.isArray((value as ChatMessageData).content)
  );
}

/** The value as messages; anything malformed is dropped rather than breaking the page. */
function messagesOf(value: unknown): ChatMessageData[] {
  return Array.isArray(value) ? value.filter(isMessage) : [];
}

/** One signal per message, updated in place: a message whose object is unchanged (diffs copy
 * only the containers they touch) keeps its signal quiet. */
function useMessageSignals(messages: ChatMessageData[]): Signal<ChatMessageData>[] {
  const ref = useRef<Signal<ChatMessageData>[]>([]);
  let list = ref.current;
  if (list.length !== messages.length) list = ref.current = list.slice(0, messages.length);
  messages.forEach((message, i) => {
    if (i >= list.length) list.push(signal(message));
    else if (list[i].peek() !== message) list[i].value = message;
  });
  return list;
}

/** Rows at the top level, and steps nested under their parent's `metadata.id`. */
function structure(messages: ChatMessageData[], signals: Signal<ChatMessageData>[]) {
  const ids = new Set(
    messages
      .map((m) => m.metadata?.id)
      .filter((id) => id !== null && id !== undefined)
      .map(String),
  );
  const top: Row[] = [];
  const nested = new Map<string, Row[]>();
  messages.forEach((m, index) => {
    const parent = m.metadata?.parent_id;
    const row = { message: signals[index], index };
    if (parent !== null && parent !== undefined && ids.has(String(parent))) {
      const list = nested.get(String(parent)) ?? [];
      list.push(row);
      nested.set(String(parent), list);
    } else {
      top.push(row);
    }
  });
  return { top, nested };
}

function structureKey(messages: ChatMessageData[]): string {
  return messages.map((m) => `${m.role}|${m.metadata?.id ?? ""}|${m.metadata?.parent_id ?? ""}`).join(",");
}

interface ListProps {
  top: Row[];
  nested: Map<string, Row[]>;
  roles: string[];
  /** `group_consecutive_messages`: one avatar for a run of messages from the same role. */
  group: boolean;
  ctx: RowContext;
}

const MessageList = memo(function MessageList({ top, nested, roles, group, ctx }: ListProps) {
  return (
    <>
      {top.map(({ message, index }, i) => (
        <MessageRow
          key={index}
          message={message}
          index={index}
          children={nested.get(String(message.peek().metadata?.id)) ?? []}
          nested={nested}
          first={!group || i === 0 || roles[top[i - 1].index] !== roles[index]}
          last={i === top.length - 1}
          ctx={ctx}
        />
      ))}
    </>
  );
});

function avatarUrl(value: unknown): string | null {
  if (typeof value === "string" && value) return value;
  if (value && typeof value === "object") {
    const file = value as { url?: unknown; path?: unknown };
    if (typeof file.url === "string") return file.url;
    if (typeof file.path === "string") return new URL(`gradio_api/file=${file.path}`, baseUrl()).toString();
  }
  return null;
}

function size(value: unknown): string | undefined {
  const n = num(value);
  if (n !== null) return `${n}px`;
  return typeof value === "string" && value ? value : undefined;
}

/** Keep the list pinned to the bottom while it grows, unless the user scrolled up. */
function useStickToBottom(enabled: boolean) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [away, setAway] = useState(false);
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const onScroll = () => {
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      stick.current = atBottom;
      setAway(!atBottom);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    const observer = new ResizeObserver(() => {
      if (enabled && stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    return () => {
      el.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, [enabled]);
  const toBottom = () => {
    const el = scroller.current;
    if (!el) return;
    stick.current = true;
    setAway(false);
    el.scrollTop = el.scrollHeight;
  };
  return { scroller, content, away, toBottom };
}

function copyCode(event: MouseEvent): void {
  const button = (event.target as HTMLElement).closest?.(".copy-code");
  if (!button) return;
  event.stopPropagation();
  const code = button.parentElement?.querySelector("code")?.textContent ?? "";
  void navigator.clipboard?.writeText(code).catch(() => undefined);
  button.textContent = "Copied";
  setTimeout(() => (button.textContent = "Copy"), 1500);
}

interface Example {
  text?: string;
  display_text?: string;
  icon?: unknown;
}

function Examples({ examples, fire }: { examples: Example[]; fire: ComponentProps["fire"] }) {
  return (
    <div class="chat-examples">
      {examples.map((example, index) => (
        <button type="button" class="chat-example" onClick={() => fire("example_select", { index, value: example })}>
          {str(example.display_text ?? example.text)}
        </button>
      ))}
    </div>
  );
}

export default function Chatbot({ id, inputId, props, fire, setValue, busy }: ComponentProps) {
  const messages = messagesOf(props.value);
  const signals = useMessageSignals(messages);
  const key = structureKey(messages);
  const { top, nested } = useMemo(() => structure(messages, signals), [key, signals.length]);
  const roles = useMemo(() => messages.map((m) => m.role), [key]);
  const live = useRef({ fire, setValue, messages });
  live.current = { fire, setValue, messages };
  const buttons = Array.isArray(props.buttons) ? props.buttons : [];
  const avatars = Array.isArray(props.avatar_images) ? props.avatar_images : [];
  const ctx = useMemo<RowContext>(
    () => ({
      renderMarkdown: props.render_markdown !== false,
      breaks: props.line_breaks !== false,
      sanitize: props.sanitize_html !== false,
      delimiters: delimitersOf(props.latex_delimiters),
      avatars: [avatarUrl(avatars[0]), avatarUrl(avatars[1])],
      fire: (event, data) => live.current.fire(event, data),
      likeable: props.likeable === true,
      likeUser: props.like_user_message === true,
      feedback: Array.isArray(props.feedback_options)
        ? props.feedback_options.filter((o): o is string => typeof o === "string")
        : [],
      copyable: buttons.includes("copy"),
      editable: props.editable === "user" || props.editable === "all" ? props.editable : null,
      saveEdit: (index, text) => {
        const current = live.current.messages;
        const previous = current[index];
        if (!previous) return;
        const edited = { ...previous, content: [{ text, type: "text" as const }] };
        live.current.setValue(current.map((m, i) => (i === index ? edited : m)));
        live.current.fire("edit", { index, value: text, previous_value: messageText(previous) });
      },
    }),
    [
      props.render_markdown,
      props.line_breaks,
      props.sanitize_html,
      JSON.stringify(props.latex_delimiters),
      props.likeable,
      props.like_user_message,
      String(props.feedback_options),
      props.editable,
      String(buttons),
      String(avatars),
    ],
  );
  const { scroller, content, away, toBottom } = useStickToBottom(props.autoscroll !== false);
  const last = messages[messages.length - 1];
  const waiting = busy === true && (!last || last.role === "user");
  const examples = Array.isArray(props.examples) ? (props.examples as Example[]) : [];
  const historyKey = str(props.save_history_key);
  useEffect(() => {
    if (historyKey && !busy) saveConversation(historyKey, messages);
  }, [historyKey, busy, messages.length]);
  const canRetry = props._retryable === true && !busy && last?.role !== "user" && messages.length > 0;
  const canUndo = props._undoable === true && !busy && messages.length > 0;
  const clear = () => {
    setValue([]);
    fire("clear");
  };
  const copyAll = () => {
    const text = messages.map((m) => `${m.role}: ${messageText(m)}`).join("\n\n");
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  };
  const chat = (
    <div class="chatbot" id={inputId} dir={props.rtl === true ? "rtl" : undefined}>
      <BlockTitle id={`label-${id}`} props={props} />
      <div class="chat-toolbar">
        {buttons.includes("copy_all") && messages.length ? (
          <button type="button" class="chat-action" aria-label="Copy conversation" onClick={copyAll}>
            Copy all
          </button>
        ) : null}
        {messages.length ? (
          <button type="button" class="chat-action" aria-label="Clear conversation" onClick={clear}>
            Clear
          </button>
        ) : null}
      </div>
      <div
        ref={scroller}
        class={`chat-scroll${props.resizable === true ? " resizable" : ""}`}
        role="log"
        aria-live="polite"
        aria-labelledby={`label-${id}`}
        style={{ height: size(props.height), maxHeight: size(props.max_height), minHeight: size(props.min_height) }}
        onClick={copyCode}
      >
        <div ref={content} class={`chat-messages${props.layout === "panel" ? " panel" : ""}`}>
          {messages.length === 0 && props.placeholder ? (
            <div class="chat-placeholder prose">{str(props.placeholder)}</div>
          ) : null}
          {messages.length === 0 && examples.length ? <Examples examples={examples} fire={fire} /> : null}
          <MessageList
            top={top}
            nested={nested}
            roles={roles}
            group={props.group_consecutive_messages !== false}
            ctx={ctx}
          />
          {waiting ? (
            <div class="chat-typing" aria-label="The assistant is typing">
              <span />
              <span />
              <span />
            </div>
          ) : null}
        </div>
      </div>
      {away ? (
        <button type="button" class="chat-to-bottom" aria-label="Scroll to the latest message" onClick={toBottom}>
          ↓
        </button>
      ) : null}
      {canRetry || canUndo ? (
        <div class="chat-turn-actions">
          {canRetry ? (
            <button
              type="button"
              class="chat-action"
              aria-label="Retry"
              onClick={() => fire("retry", { index: messages.length - 1, value: last?.content })}
            >
              Retry
            </button>
          ) : null}
          {canUndo ? (
            <button
              type="button"
              class="chat-action"
              aria-label="Undo"
              onClick={() => fire("undo", { index: messages.length - 1, value: last?.content })}
            >
              Undo
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
  if (!historyKey) return chat;
  return (
    <div class="chat-with-history">
      <History
        storageKey={historyKey}
        current={messages}
        load={(loaded) => setValue(loaded)}
        disabled={busy === true}
      />
      {chat}
    </div>
  );
}
