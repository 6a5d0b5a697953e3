// Boot: read the config, build the store, protocol client and dispatcher, draw the page and
// run the app's `load` events.

import { render } from "preact";
import { HttpApi, newSessionHash } from "./api";
import { App } from "./app";
import type { AppConfig } from "./config";
import { loadConfig } from "./page_config";
import { dependencyRoles } from "./dependencies";
import { Dispatcher } from "./events";
import { firstScreenTypes } from "./first_screen";
import { locale, MARKER, setupI18n, translateText } from "./i18n";
import { load, preload } from "./registry";
import { Store } from "./store";
import { pushToast } from "./toasts";
import "./styles.css";

/** `?__theme=dark|light` forces a scheme; otherwise the CSS follows `prefers-color-scheme`. */
function applyTheme(): void {
  const theme = new URLSearchParams(location.search).get("__theme");
  if (theme === "dark" || theme === "light") document.documentElement.classList.add(theme);
}

function addCustomCss(css: string | null | undefined): void {
  if (!css) return;
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
}

function openSettings(): void {
  void import("./settings").then(({ showSettings }) => showSettings());
}

/** Whether the footer shows the link `name`: `footer_links` absent means all of them. */
function footerShows(config: AppConfig, name: "api" | "gradio" | "settings"): boolean {
  return !Array.isArray(config.footer_links) || config.footer_links.includes(name);
}

function openApiPanel(config: AppConfig, api: HttpApi): void {
  void import("./apidocs").then(({ showApiPanel }) => showApiPanel(config, api));
}

async function boot(root: HTMLElement): Promise<void> {
  applyTheme();
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    root.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  setupI18n(config.i18n_translations, navigator.languages);
  // The server wrote the title as given; a translated one (`title=i18n(...)`) is shown here.
  if (config.title && (!document.title || document.title.includes(MARKER))) {
    document.title = translateText(config.title, locale.peek());
  }
  addCustomCss(config.css);
  preload(config.components.map((c) => c.type));
  // The page's server links these modules as `modulepreload`: by now they are (nearly) fetched.
  await Promise.all([...firstScreenTypes(config)].map((type) => load(type).catch(() => undefined)));

  // BrowserState values must be in the store before the first event reads them.
  const storage = config.components.some((c) => c.type === "browserstate") ? await import("./storage") : null;
  storage?.loadBrowserStates(config.components);
  const store = new Store(config.components);
  const api = new HttpApi(config.api_prefix ?? "/gradio_api", newSessionHash(), (message) =>
    pushToast({ level: "error", message }),
  );
  window.__gradio_session_hash__ = api.sessionHash;
  const dispatcher = new Dispatcher(config.dependencies, store, api, {
    notify: pushToast,
    frame: (show) => requestAnimationFrame(show),
    onOutput: storage ? (id) => storage.saveBrowserState(store, id) : undefined,
    scrollTo: (id) =>
      document.querySelector(`[data-block="${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" }),
  });
  const services = {
    config,
    store,
    dispatcher,
    roles: dependencyRoles(config.dependencies),
    openApi: () => openApiPanel(config, api),
    openSettings: footerShows(config, "settings") ? openSettings : undefined,
  };
  render(<App services={services} />, root);
  if (config.connect_heartbeat) api.openHeartbeat();
  // `gr.Blocks(js=...)`: the app's own JavaScript, run once the page is drawn.
  const pageJs = config.js;
  if (pageJs) void import("./js").then(({ callJs }) => callJs(pageJs, [], pushToast));
  dispatcher.load();
}

const root = document.getElementById("app");
if (root) void boot(root);
