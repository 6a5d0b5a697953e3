// The web component every limelight app serves at `/gradio_api/embed.js` (a build of its own,
// vite.embed.config.ts): `<gradio-app src="http://host/">` (or `<limelight-app>`) draws the app at
// `src` inside any page. Each element loads the app's own modules from its server
// (`gradio_api/embed/mount.js`, which names the page's entry chunk and stylesheets) and draws it
// in a shadow root, so the page's styles and the app's do not mix. The attributes are Gradio's
// (README, "Embedding"); an attribute limelight cannot honour shows an error instead of the app.

/** What `gradio_api/embed/mount.js` exports: the page's `mount` (main.tsx) and its stylesheets. */
interface MountModule {
  mount(root: HTMLElement, options: { base: string; shadow: ShadowRoot; controlTitle: boolean }): Promise<void>;
  stylesheets: string[];
}

const FRAME_CSS = `
:host { display: block; position: relative; }
.embed { min-height: var(--initial-height); }
.embed.loaded { min-height: 0; }
.embed.container { border: 1px solid var(--border, #e2e4df); border-radius: 12px; overflow: hidden; }
.embed-info { display: flex; gap: 6px; justify-content: flex-end; padding: 6px 12px; font-size: 13px;
  color: var(--muted, #676b63); border-top: 1px solid var(--border, #e2e4df); }
.embed-info a { color: inherit; }
.embed-error { margin: 0; padding: 12px 16px; color: #b91c1c; font: 14px/1.5 system-ui, sans-serif; }
`;

/** Gradio's boolean attributes: absent is `fallback`; `"false"` (any case) or `"0"` is false. */
function flag(element: HTMLElement, name: string, fallback: boolean): boolean {
  const value = element.getAttribute(name);
  if (value === null) return fallback;
  return !["false", "0", "no"].includes(value.trim().toLowerCase());
}

/** Why the element's attributes cannot be honoured, or null when they can. */
function refusal(element: HTMLElement): string | null {
  if (element.hasAttribute("space")) {
    return (
      'space="..." loads an app hosted on Hugging Face Spaces, which limelight does not reach; ' +
      'give the app\'s address instead: src="http://host:port/".'
    );
  }
  if (!element.getAttribute("src")) return 'The element needs src="http://host:port/": the address of the app.';
  const mode = element.getAttribute("theme_mode");
  if (mode !== null && !["system", "light", "dark"].includes(mode)) {
    return `theme_mode="${mode}" is not one of "system", "light" or "dark".`;
  }
  if (flag(element, "autoscroll", false)) {
    return 'autoscroll="true" (scrolling to outputs when they arrive) is not supported by limelight yet.';
  }
  return null;
}

/** The app's root URL: `src` resolved against the page, as a folder (ending in `/`). */
function appRoot(src: string): URL {
  const url = new URL(src, document.baseURI);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/**
 * Copy into `shadow` each stylesheet of the app's lazily loaded chunks: the bundler links them
 * in the page's `<head>`, which styles nothing inside a shadow root.
 */
function mirrorChunkStyles(shadow: ShadowRoot, assets: string): void {
  const copied = new Set<string>();
  const copy = (node: Node): void => {
    if (!(node instanceof HTMLLinkElement) || node.rel !== "stylesheet") return;
    if (!node.href.startsWith(assets) || copied.has(node.href)) return;
    copied.add(node.href);
    shadow.append(node.cloneNode());
  };
  document.head.querySelectorAll("link").forEach(copy);
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(copy);
  }).observe(document.head, { childList: true });
}

function stylesheet(href: string): HTMLLinkElement {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  return link;
}

/** `<gradio-app>`: one embedded app (see the module's comment). */
class EmbeddedApp extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const shadow = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = FRAME_CSS;
    shadow.append(style);
    const problem = refusal(this);
    if (problem !== null) {
      this.showError(shadow, problem);
      return;
    }
    const mode = this.getAttribute("theme_mode");
    if (mode === "light" || mode === "dark") this.classList.add(mode);
    const frame = document.createElement("div");
    frame.className = flag(this, "container", true) ? "embed container" : "embed";
    frame.style.setProperty("--initial-height", this.getAttribute("initial_height") ?? "300px");
    shadow.append(frame);
    if (flag(this, "eager", false)) {
      void this.start(shadow, frame);
      return;
    }
    // Not eager: the app loads when the element first comes into view.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void this.start(shadow, frame);
    });
    observer.observe(this);
  }

  private showError(shadow: ShadowRoot, message: string): void {
    const error = document.createElement("p");
    error.className = "embed-error";
    error.setAttribute("role", "alert");
    error.textContent = message;
    shadow.append(error);
    console.error(`<${this.localName}>: ${message}`);
  }

  private async start(shadow: ShadowRoot, frame: HTMLElement): Promise<void> {
    const root = appRoot(this.getAttribute("src") ?? "");
    let module: MountModule;
    try {
      module = (await import(/* @vite-ignore */ new URL("gradio_api/embed/mount.js", root).href)) as MountModule;
    } catch {
      frame.remove();
      this.showError(shadow, `Could not load the app at ${root.href} (is it running, and does it allow this page?).`);
      return;
    }
    shadow.prepend(...module.stylesheets.map(stylesheet));
    mirrorChunkStyles(shadow, new URL("assets/", root).href);
    const app = document.createElement("div");
    frame.append(app);
    await module.mount(app, { base: root.href, shadow, controlTitle: flag(this, "control_page_title", false) });
    frame.classList.add("loaded");
    if (flag(this, "container", true) && flag(this, "info", true)) frame.append(this.info(root));
    this.dispatchEvent(new CustomEvent("render"));
  }

  /** The line under a framed app: where it runs. */
  private info(root: URL): HTMLElement {
    const info = document.createElement("div");
    info.className = "embed-info";
    const link = document.createElement("a");
    link.href = root.href;
    link.target = "_blank";
    link.rel = "noreferrer";
    link.textContent = root.host + root.pathname.replace(/\/$/, "");
    info.append(link, document.createTextNode("· built with limelight"));
    return info;
  }
}

/** The same element under limelight's own name. */
class LimelightApp extends EmbeddedApp {}

// Two apps' scripts on one page: the first defines the elements, the second finds them defined.
if (!customElements.get("gradio-app")) customElements.define("gradio-app", EmbeddedApp);
if (!customElements.get("limelight-app")) customElements.define("limelight-app", LimelightApp);
