// `limelight dev` (reload mode): the page listens at `dev/reload` (docs/protocol.md §9). On
// `reload` it reloads itself, keeping its session hash so that the session's State goes on;
// on `error` it shows the traceback over the app, which keeps serving the last good version.
import { apiUrl } from "./page_config";

const SESSION_KEY = "limelight-dev-session";
const OVERLAY_ID = "limelight-dev-error";

/** The session hash the page kept across its own reload, if any (read once). */
export function keptSessionHash(): string | null {
  const hash = sessionStorage.getItem(SESSION_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  return hash;
}

/** Listen for the server's reloads and errors for as long as the page is open. */
export function listenForReloads(apiPrefix: string, sessionHash: string): EventSource {
  const source = new EventSource(apiUrl(apiPrefix, "dev/reload"));
  source.addEventListener("reload", () => {
    sessionStorage.setItem(SESSION_KEY, sessionHash);
    location.reload();
  });
  // A named `error` event carries data; the stream's own connection errors do not.
  source.addEventListener("error", (event) => {
    if (event instanceof MessageEvent) showError(JSON.parse(event.data as string) as string);
  });
  return source;
}

/** The error overlay: the traceback of the failed run, until dismissed or the next reload. */
export function showError(traceback: string): void {
  document.getElementById(OVERLAY_ID)?.remove();
  const overlay = document.createElement("div");
  overlay.id = OVERLAY_ID;
  overlay.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = "The edited app failed to run; the last good version is still served.";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Dismiss";
  close.addEventListener("click", () => overlay.remove());
  const text = document.createElement("pre");
  text.textContent = traceback;
  overlay.append(title, close, text);
  document.body.append(overlay);
}
