// Past conversations kept in the browser (`ChatInterface(save_history=True)`): each finished
// exchange is saved to localStorage, and a sidebar lists them to reopen or delete.

import { signal, type Signal } from "@preact/signals";
import type { ChatMessageData } from "../wire";
import { messageText } from "./chat_message";

export interface Conversation {
  id: string;
  title: string;
  messages: ChatMessageData[];
}

const stores = new Map<string, Signal<Conversation[]>>();
const currentIds = new Map<string, string | null>();

function read(key: string): Conversation[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? (parsed as Conversation[]) : [];
  } catch {
    return [];
  }
}

function store(key: string): Signal<Conversation[]> {
  let s = stores.get(key);
  if (!s) {
    s = signal(read(key));
    stores.set(key, s);
  }
  return s;
}

function write(key: string, conversations: Conversation[]): void {
  store(key).value = conversations;
  try {
    localStorage.setItem(key, JSON.stringify(conversations));
  } catch {
    // storage full or disabled: the sidebar still works for this page
  }
}

function titleOf(messages: ChatMessageData[]): string {
  const first = messages.find((m) => m.role === "user") ?? messages[0];
  const text = first ? messageText(first).trim() : "";
  return text.length > 40 ? `${text.slice(0, 40)}…` : text || "Conversation";
}

/** Save the conversation shown now (an empty one starts a new entry next time). */
export function saveConversation(key: string, messages: ChatMessageData[]): void {
  if (messages.length === 0) {
    currentIds.set(key, null);
    return;
  }
  const all = store(key).peek();
  let id = currentIds.get(key) ?? null;
  if (id === null) {
    id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    currentIds.set(key, id);
  }
  const entry = { id, title: titleOf(messages), messages };
  write(key, [entry, ...all.filter((c) => c.id !== id)]);
}

interface HistoryProps {
  storageKey: string;
  current: ChatMessageData[];
  load: (messages: ChatMessageData[]) => void;
  disabled: boolean;
}

export function History({ storageKey, load, disabled }: HistoryProps) {
  const conversations = store(storageKey).value;
  const active = currentIds.get(storageKey) ?? null;
  const open = (conversation: Conversation) => {
    currentIds.set(storageKey, conversation.id);
    load(conversation.messages);
  };
  const remove = (id: string) => {
    if (active === id) currentIds.set(storageKey, null);
    write(
      storageKey,
      store(storageKey)
        .peek()
        .filter((c) => c.id !== id),
    );
  };
  const fresh = () => {
    currentIds.set(storageKey, null);
    load([]);
  };
  return (
    <nav class="chat-history" aria-label="Past conversations">
      <button type="button" class="btn btn-secondary btn-sm" onClick={fresh} disabled={disabled}>
        New chat
      </button>
      <ul>
        {conversations.map((c) => (
          <li key={c.id} class={c.id === active ? "active" : ""}>
            <button type="button" class="link" onClick={() => open(c)} disabled={disabled}>
              {c.title}
            </button>
            <button type="button" class="chat-action" aria-label={`Delete ${c.title}`} onClick={() => remove(c.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
