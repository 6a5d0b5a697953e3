// The settings panel the footer's "Settings" link opens: the display theme (light, dark or the
// system's; kept in the URL's `__theme`, as in Gradio, so the page reloads in it) and, for apps
// with `launch(i18n=...)`, the language the page's text is shown in. Its own chunk.

import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { languages, locale } from "./i18n";

type Theme = "light" | "dark" | "system";

const THEMES: [Theme, string][] = [
  ["light", "Light"],
  ["dark", "Dark"],
  ["system", "System"],
];

function currentTheme(): Theme {
  const theme = new URLSearchParams(location.search).get("__theme");
  return theme === "light" || theme === "dark" ? theme : "system";
}

function setTheme(theme: Theme): void {
  const url = new URL(location.href);
  if (theme === "system") url.searchParams.delete("__theme");
  else url.searchParams.set("__theme", theme);
  location.href = url.toString();
}

/** A language's name in that language (`fr` -> `français`), or its tag. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function SettingsPanel({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const theme = currentTheme();
  const choices = languages();
  return (
    <dialog ref={dialog} class="api-panel settings-panel" aria-labelledby="settings-title" onClose={onClose}>
      <div class="api-head">
        <h2 id="settings-title">Settings</h2>
        <button type="button" class="toast-close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <h3>Display theme</h3>
      <div class="settings-themes" role="group" aria-label="Display theme">
        {THEMES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            class={`btn btn-sm ${value === theme ? "btn-primary" : "btn-secondary"}`}
            aria-pressed={value === theme}
            onClick={() => setTheme(value)}
          >
            {label}
          </button>
        ))}
      </div>
      {choices.length > 0 ? (
        <>
          <h3>
            <label for="settings-language">Language</label>
          </h3>
          <select
            id="settings-language"
            class="input"
            value={locale.value}
            onChange={(e) => {
              locale.value = e.currentTarget.value;
            }}
          >
            {choices.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </dialog>
  );
}

/** Open the panel (a modal dialog); closing it removes it again. */
export function showSettings(): void {
  let host = document.getElementById("settings-host");
  if (!host) {
    host = document.createElement("div");
    host.id = "settings-host";
    document.body.append(host);
  }
  const target = host;
  render(<SettingsPanel onClose={() => render(null, target)} />, target);
}
