// Boot: read the config, build the store, protocol client and dispatcher, draw the page and
// run the app's `load` events.

import { render } from "preact";
import { HttpApi, newSessionHash } from "./api";
import { App } from "./app";
import { loadConfig, type GradioConfig } from "./config";
import { dependencyRoles, Dispatcher } from "./events";
import { preload } from "./registry";
import { loadBrowserStates } from "./storage";
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

function openApiPanel(config: GradioConfig): void {
  void import("./apidocs").then(({ showApiPanel }) => showApiPanel(config));
}

/** `gr.Blocks(js=...)`: the app's own JavaScript, run once the page is drawn. */
async function runPageJs(source: string): Promise<void> {
  const { jsErrorMessage, runJs } = await import("./js");
  try {
    await runJs(source, []);
  } catch (error) {
    pushToast({ level: "error", title: "JavaScript error", message: jsErrorMessage(error) });
  }
}

async function boot(root: HTMLElement): Promise<void> {
  applyTheme();
  let config: GradioConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    root.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  if (!document.title && config.title) document.title = config.title;
  addCustomCss(config.css);
  preload(config.components.map((c) => c.type));

  loadBrowserStates(config.components);
  const store = new Store(config.components);
  const api = new HttpApi(config.api_prefix ?? "/gradio_api", newSessionHash(), (message) =>
    pushToast({ level: "error", message }),
  );
  const dispatcher = new Dispatcher(config.dependencies, store, api, {
    notify: pushToast,
    scrollTo: (id) =>
      document.querySelector(`[data-block="${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" }),
  });
  const services = {
    config,
    store,
    dispatcher,
    roles: dependencyRoles(config.dependencies),
    openApi: () => openApiPanel(config),
  };
  render(<App services={services} />, root);
  if (config.connect_heartbeat) api.openHeartbeat();
  if (config.js) void runPageJs(config.js);
  dispatcher.load();
}

const root = document.getElementById("app");
if (root) void boot(root);
