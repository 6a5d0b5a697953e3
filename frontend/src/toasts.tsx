// Toast notifications: errors from events and `gr.Info`/`gr.Warning` logs, stacked top-right.

import { signal } from "@preact/signals";

export type ToastLevel = "info" | "warning" | "success" | "error";

export interface ToastInput {
  level: ToastLevel;
  title?: string | null;
  message: string;
  /** Seconds before it closes by itself; null keeps it until closed. */
  duration?: number | null;
}

export interface Toast extends ToastInput {
  id: number;
}

export type Notify = (toast: ToastInput) => void;

const DEFAULT_SECONDS = 10;
let nextId = 1;

export const toasts = signal<Toast[]>([]);

export function dismissToast(id: number): void {
  toasts.value = toasts.value.filter((t) => t.id !== id);
}

/** Show a toast. An identical one already on screen is not shown twice. */
export function pushToast(input: ToastInput): void {
  const same = toasts.value.some(
    (t) => t.level === input.level && t.title === input.title && t.message === input.message,
  );
  if (same) return;
  const toast: Toast = { ...input, id: nextId++ };
  toasts.value = [...toasts.value, toast];
  const seconds = input.duration === undefined ? DEFAULT_SECONDS : input.duration;
  if (seconds !== null && seconds > 0) setTimeout(() => dismissToast(toast.id), seconds * 1000);
}

const DEFAULT_TITLES: Record<ToastLevel, string> = {
  info: "Info",
  warning: "Warning",
  success: "Success",
  error: "Error",
};

function ToastView({ toast }: { toast: Toast }) {
  const urgent = toast.level === "error" || toast.level === "warning";
  return (
    <div class={`toast toast-${toast.level}`} role={urgent ? "alert" : "status"}>
      <div class="toast-body">
        <strong class="toast-title">{toast.title || DEFAULT_TITLES[toast.level]}</strong>
        <p class="toast-message">{toast.message}</p>
      </div>
      <button type="button" class="toast-close" aria-label="Close" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite">
      {toasts.value.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}
