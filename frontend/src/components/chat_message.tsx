// One chat message: its content parts (Markdown text, files, nested components), the
// collapsible step view for messages with `metadata.title`, suggested replies and the action
// buttons. Rows subscribe to their own message signal, so a streamed token re-renders one row.

import type { Signal } from "@preact/signals";
import { memo } from "preact/compat";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { str } from "../block";
import { load, peekComponent } from "../registry";
import { baseUrl } from "../page_config";
import type { ChatComponent, ChatFile, ChatMessageData, ChatMetadata } from "../wire";
import { renderBlocks, type RenderedBlock, type RenderedMessage } from "./chat_markdown";
import type { Delimiter } from "./markdown_math";

/** What every row needs from the chatbot: display options and the event callbacks. */
export interface RowContext {
  renderMarkdown: boolean;
  breaks: boolean;
  sanitize: boolean;
  delimiters: Delimiter[];
  avatars: [string | null, string | null];
  fire: (event: string, data?: unknown) => void;
  /** Which controls to show. */
  likeable: boolean;
  likeUser: boolean;
  /** `feedback_options`: "Like" and "Dislike" are the thumbs; any others are extra choices. */
  feedback: string[];
  copyable: boolean;
  editable: "user" | "all" | null;
  /** Store an edited message text (the chatbot updates its value, then fires `edit`). */
  saveEdit: (index: number, text: string) => void;
}

export function messageText(message: ChatMessageData): string {
  return message.content.map((part) => (part.type === "text" ? (part as { text: string }).text : "")).join("");
}

function fileUrl(file: ChatFile["file"]): string {
  if (file.url) return file.url;
  return new URL(`gradio_api/file=${encodeURI(file.path ?? "")}`, baseUrl()).toString();
}

/**
 * One Markdown block. KaTeX and the highlighter (each a lazily loaded chunk) typeset it after it is
 * in the page; Preact leaves the typeset DOM alone until the block's HTML changes, so a finished
 * block is typeset once while the block after it streams. A finished block is the same object
 * from token to token (renderBlocks reuses it), so memo skips it.
 */
const MarkdownBlock = memo(function MarkdownBlock({
  block,
  delimiters,
}: {
  block: RenderedBlock;
  delimiters: Delimiter[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (block.hasMath) void import("./math").then((math) => root.isConnected && math.renderMath(root, delimiters));
    if (block.hasCode) void import("./highlight").then((hl) => root.isConnected && hl.highlightBlocks(root));
  }, [block.html]);
  return <div ref={ref} class="md-block" dangerouslySetInnerHTML={{ __html: block.html }} />;
});

/** Text parts as incrementally rendered Markdown: one element per block. The part keeps its
 * last render, so a streamed token renders only the message's last block again. */
function TextPart({ text, ctx }: { text: string; ctx: RowContext }) {
  const last = useRef<RenderedMessage | undefined>(undefined);
  if (!ctx.renderMarkdown) return <div class="chat-plain">{text}</div>;
  const options = { breaks: ctx.breaks, sanitize: ctx.sanitize, delimiters: ctx.delimiters };
  const message = (last.current = renderBlocks(text, options, last.current));
  return (
    <div class="prose chat-markdown">
      {message.blocks.map((block, i) => (
        <MarkdownBlock key={i} block={block} delimiters={ctx.delimiters} />
      ))}
    </div>
  );
}

/** The seam where media from the file store shows: images, audio, video or a download link. */
function FilePart({ part }: { part: ChatFile }) {
  const file = part.file;
  const url = fileUrl(file);
  const mime = str(file.mime_type);
  const name = str(file.orig_name) || str(file.path).split("/").pop() || "file";
  if (mime.startsWith("image/")) return <img class="chat-media" src={url} alt={str(part.alt_text) || name} />;
  if (mime.startsWith("audio/")) return <audio class="chat-media" src={url} controls aria-label={name} />;
  if (mime.startsWith("video/")) return <video class="chat-media" src={url} controls aria-label={name} />;
  return (
    <a class="chat-file" href={url} download={name} target="_blank" rel="noopener noreferrer">
      {name}
    </a>
  );
}

/** Another component inside a message, drawn read-only by its own (lazily loaded) module. */
function ComponentPart({ part }: { part: ChatComponent }) {
  const View = peekComponent(part.component);
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!View) void load(part.component).then(() => setLoaded((n) => n + 1));
  }, [View, part.component]);
  if (!View) return <div class="chat-component-loading" />;
  const props = { ...part.constructor_args, ...part.props, value: part.value, show_label: false };
  return (
    <div class="chat-component">
      <View
        id={-1}
        type={part.component}
        inputId={`chat-part-${part.component}`}
        props={props}
        interactive={false}
        setValue={() => undefined}
        fire={() => undefined}
      />
    </div>
  );
}

function Content({ message, ctx }: { message: ChatMessageData; ctx: RowContext }) {
  return (
    <>
      {message.content.map((part, i) => {
        if (part.type === "text") return <TextPart key={i} text={(part as { text: string }).text} ctx={ctx} />;
        if (part.type === "file") return <FilePart key={i} part={part as ChatFile} />;
        return <ComponentPart key={i} part={part as ChatComponent} />;
      })}
    </>
  );
}

function StepTitle({ meta }: { meta: ChatMetadata }) {
  return (
    <summary class="chat-step-title">
      {meta.status === "pending" ? <span class="spinner" aria-label="In progress" /> : null}
      <span>{str(meta.title)}</span>
      {meta.log ? <span class="chat-step-log">{str(meta.log)}</span> : null}
      {typeof meta.duration === "number" ? (
        <span class="chat-step-log">({meta.duration.toFixed(meta.duration < 10 ? 1 : 0)}s)</span>
      ) : null}
    </summary>
  );
}

interface RowProps {
  message: Signal<ChatMessageData>;
  index: number;
  /** Rows nested under this one (steps whose `parent_id` is this message's `metadata.id`). */
  children: Array<{ message: Signal<ChatMessageData>; index: number }>;
  nested: Map<string, Array<{ message: Signal<ChatMessageData>; index: number }>>;
  first: boolean;
  last: boolean;
  ctx: RowContext;
}

function Actions({ message, index, ctx }: { message: ChatMessageData; index: number; ctx: RowContext }) {
  const [liked, setLiked] = useState<boolean | string | null>(null);
  const [copied, setCopied] = useState(false);
  const user = message.role === "user";
  const like = (value: boolean | string) => {
    setLiked(liked === value ? null : value);
    ctx.fire("like", { index, value: message.content, liked: value });
  };
  const copy = () => {
    void navigator.clipboard?.writeText(messageText(message)).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
    ctx.fire("copy", { index, value: messageText(message) });
  };
  const showLike = ctx.likeable && (!user || ctx.likeUser);
  if (!ctx.copyable && !showLike) return null;
  const thumb = (option: "Like" | "Dislike", value: boolean, icon: string) =>
    ctx.feedback.includes(option) ? (
      <button
        type="button"
        class="chat-action"
        aria-label={option}
        aria-pressed={liked === value}
        onClick={() => like(value)}
      >
        {icon}
      </button>
    ) : null;
  const extra = ctx.feedback.filter((option) => option !== "Like" && option !== "Dislike");
  return (
    <div class="chat-actions">
      {ctx.copyable ? (
        <button type="button" class="chat-action" aria-label="Copy message" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      ) : null}
      {showLike ? (
        <>
          {thumb("Like", true, "👍")}
          {thumb("Dislike", false, "👎")}
          {extra.map((option) => (
            <button type="button" class="chat-action" aria-pressed={liked === option} onClick={() => like(option)}>
              {option}
            </button>
          ))}
        </>
      ) : null}
    </div>
  );
}

function Editor({
  message,
  index,
  ctx,
  done,
}: {
  message: ChatMessageData;
  index: number;
  ctx: RowContext;
  done: () => void;
}) {
  const [text, setText] = useState(messageText(message));
  return (
    <div class="chat-editor">
      <textarea class="input" aria-label="Edit message" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="chat-editor-buttons">
        <button type="button" class="btn btn-primary btn-sm" onClick={() => (ctx.saveEdit(index, text), done())}>
          Save
        </button>
        <button type="button" class="btn btn-secondary btn-sm" onClick={done}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** One message (and the steps nested under it). Re-renders only when its own signal changes. */
export const MessageRow = memo(function MessageRow({
  message: signal,
  index,
  children,
  nested,
  first,
  last,
  ctx,
}: RowProps) {
  const message = signal.value;
  const [editing, setEditing] = useState(false);
  const user = message.role === "user";
  const meta = message.metadata;
  const avatar = ctx.avatars[user ? 0 : 1];
  const canEdit = ctx.editable === "all" || (ctx.editable === "user" && user);
  const body = editing ? (
    <Editor message={message} index={index} ctx={ctx} done={() => setEditing(false)} />
  ) : (
    <Content message={message} ctx={ctx} />
  );
  const nestedRows = children.map((child) => (
    <MessageRow
      key={child.index}
      {...child}
      children={nested.get(String(child.message.peek().metadata?.id)) ?? []}
      nested={nested}
      first={false}
      last={false}
      ctx={ctx}
    />
  ));
  const inner = meta?.title ? (
    <details class="chat-step" open={meta.status !== "done"}>
      <StepTitle meta={meta} />
      <div class="chat-step-body">
        {body}
        {nestedRows}
      </div>
    </details>
  ) : (
    <>
      {body}
      {nestedRows}
    </>
  );
  return (
    <div
      class={`chat-row chat-${user ? "user" : "bot"}${first ? " first" : ""}`}
      data-index={index}
      data-testid={`${message.role}-message`}
    >
      {avatar && first ? <img class="chat-avatar" src={avatar} alt="" /> : <span class="chat-avatar-gap" />}
      <div class="chat-bubble-wrap">
        <div
          class={`chat-bubble${meta?.title ? " step" : ""}`}
          onClick={() => ctx.fire("select", { index, value: message.content })}
        >
          {inner}
        </div>
        {message.options?.length ? (
          <div class="chat-options">
            {message.options.map((option) => (
              <button
                type="button"
                class="chat-option"
                onClick={() => ctx.fire("option_select", { index, value: option.value })}
              >
                {option.label ?? option.value}
              </button>
            ))}
          </div>
        ) : null}
        {last || !user ? <Actions message={message} index={index} ctx={ctx} /> : null}
        {canEdit && !editing ? (
          <button
            type="button"
            class="chat-action chat-edit"
            aria-label="Edit message"
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
        ) : null}
      </div>
    </div>
  );
});
