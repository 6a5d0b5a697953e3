// Boot: read the config, build the store, protocol client and dispatcher, draw the app and
// run its `load` events; in limelight's own page (`#app[data-limelight-page]`) or, through
// `mount`, in an element of another page that embeds the app (embed.ts).

import { render } from "preact";
import { HttpApi, newSessionHash } from "./api";
import { App } from "./app";
import type { AppConfig } from "./config";
import { loadConfig, setAppBase } from "./page_config";
import { dependencyRoles } from "./dependencies";
import { Dispatcher } from "./events";
import { firstScreenTypes } from "./first_screen";
import { locale, MARKER, setupI18n, translateText } from "./i18n";
import { load, preload } from "./registry";
import { Store } from "./store";
import { pushToast } from "./toasts";
import "./styles.css";

/** How `mount` draws an app inside another page (a `<gradio-app>` element, embed.ts). */
export interface MountOptions {
  /** The app's root URL, ending in `/`: its config, API and files are found under it. */
  base: string;
  /** The element's shadow root: the app's stylesheets and dialogs go there. */
  shadow: ShadowRoot;
  /** Whether the app's title becomes the page's title (`control_page_title`). */
  controlTitle: boolean;
}

/** Where the app is drawn: the page's own document, or an embedding element's shadow root. */
interface Target {
  root: HTMLElement;
  /** Where `<style>` elements and dialogs go. */
  scope: ParentNode;
  controlTitle: boolean;
  embedded: boolean;
}

/** `?__theme=dark|light` forces a scheme; otherwise the CSS follows `prefers-color-scheme`. */
function applyTheme(): void {
  const theme = new URLSearchParams(location.search).get("__theme");
  if (theme === "dark" || theme === "light") document.documentElement.classList.add(theme);
}

function addCustomCss(css: string | null | undefined, scope: ParentNode): void {
  if (!css) return;
  const style = document.createElement("style");
  style.textContent = css;
  scope.append(style);
}

function openSettings(): void {
  void import("./settings").then(({ showSettings }) => showSettings());
}

/** Whether the footer shows the link `name`: `footer_links` absent means all of them. */
function footerShows(config: AppConfig, name: "api" | "gradio" | "settings"): boolean {
  return !Array.isArray(config.footer_links) || config.footer_links.includes(name);
}

function openApiPanel(config: AppConfig, api: HttpApi, scope: ParentNode): void {
  void import("./apidocs").then(({ showApiPanel }) => showApiPanel(config, api, scope));
}

async function boot(target: Target): Promise<void> {
  const { root, scope } = target;
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    root.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  setupI18n(config.i18n_translations, navigator.languages);
  // The server wrote the title as given; a translated one (`title=i18n(...)`) is shown here.
  const titled = !document.title || document.title.includes(MARKER) || target.embedded;
  if (target.controlTitle && config.title && titled) {
    document.title = translateText(config.title, locale.peek());
  }
  addCustomCss(config.css, scope);
  preload(config.components.map((c) => c.type));
  // The page's server links these modules as `modulepreload`: by now they are (nearly) fetched.
  await Promise.all([...firstScreenTypes(config)].map((type) => load(type).catch(() => undefined)));

  // BrowserState values must be in the store before the first event reads them.
  const storage = config.components.some((c) => c.type === "browserstate") ? await import("./storage") : null;
  storage?.loadBrowserStates(config.components);
  const store = new Store(config.components);
  // `limelight dev`: a page reloaded after an edit goes on with its session.
  const dev = config.dev_mode ? await import("./dev_reload") : null;
  const apiPrefix = config.api_prefix ?? "/gradio_api";
  const api = new HttpApi(apiPrefix, dev?.keptSessionHash() ?? newSessionHash(), (message) =>
    pushToast({ level: "error", message }),
  );
  if (!target.embedded) window.__gradio_session_hash__ = api.sessionHash;
  const dispatcher = new Dispatcher(config.dependencies, store, api, {
    notify: pushToast,
    frame: (show) => requestAnimationFrame(show),
    onOutput: storage ? (id) => storage.saveBrowserState(store, id) : undefined,
    scrollTo: (id) =>
      root.querySelector(`[data-block="${id}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" }),
  });
  const services = {
    config,
    store,
    dispatcher,
    roles: dependencyRoles(config.dependencies),
    openApi: () => openApiPanel(config, api, target.embedded ? scope : document.body),
    // The settings reload the page with a new query: an embedding page is not the app's.
    openSettings: footerShows(config, "settings") && !target.embedded ? openSettings : undefined,
  };
  render(<App services={services} />, root);
  if (config.connect_heartbeat) api.openHeartbeat();
  dev?.listenForReloads(apiPrefix, api.sessionHash);
  // `gr.Blocks(js=...)`: the app's own JavaScript, run once the page is drawn.
  const pageJs = config.js;
  if (pageJs) void import("./js").then(({ callJs }) => callJs(pageJs, [], pushToast));
  dispatcher.load();
}

/**
 * Draw the app at `options.base` in `root` (inside `options.shadow`), as a page elsewhere
 * embeds it; resolves once it is drawn.
 */
export async function mount(root: HTMLElement, options: MountOptions): Promise<void> {
  setAppBase(new URL(".", options.base).href);
  await boot({ root, scope: options.shadow, controlTitle: options.controlTitle, embedded: true });
}

/**
 * Tell the page that frames this one (an `<iframe>` of the app) how tall the app is, so that
 * it can size the frame to fit (README, "Embedding"). Only the height is sent.
 */
function postHeight(): void {
  if (window.parent === window) return;
  document.documentElement.classList.add("framed");
  const send = (): void =>
    window.parent.postMessage({ type: "limelight:height", height: document.documentElement.scrollHeight }, "*");
  new ResizeObserver(send).observe(document.body);
  send();
}

const page = document.querySelector<HTMLElement>("#app[data-limelight-page]");
if (page) {
  applyTheme();
  postHeight();
  void boot({ root: page, scope: document.head, controlTitle: true, embedded: false });
}
