// Reading the page's config (its types are generated in config.ts) and the API URLs built
// from its `api_prefix`, against the app's root URL: the page's own address, or the `src` of
// a `<gradio-app>` embedding the app in a page elsewhere (embed.ts).

import type { AppConfig } from "./config";

declare global {
  interface Window {
    gradio_config?: AppConfig;
    /** This page's session hash, as Gradio exposes it to the page's own JavaScript. */
    __gradio_session_hash__?: string;
  }
}

/**
 * The app's root URL when it is embedded in another page. One module instance serves one app
 * address: an embedding page loads the modules from the app's own server (embed.ts), so two
 * apps at two addresses never share it.
 */
let appBase: string | null = null;

/** Resolve the app's URLs against `base` (an embedded app's root URL) instead of the page. */
export function setAppBase(base: string): void {
  appBase = base;
}

/** The URL relative URLs of the app resolve against: its root, or the page's own address. */
export function baseUrl(): string {
  return appBase ?? document.baseURI;
}

/** The page's config: the inline `window.gradio_config`, else fetched from `./config`. */
export async function loadConfig(): Promise<AppConfig> {
  if (window.gradio_config && appBase === null) return window.gradio_config;
  const response = await fetch(new URL("config", baseUrl()));
  if (!response.ok) throw new Error(`Could not load the app config (HTTP ${response.status})`);
  return (await response.json()) as AppConfig;
}

/** A URL under the API prefix, resolved against the app's root so that sub-path mounts work. */
export function apiUrl(apiPrefix: string, path: string): string {
  const prefix = apiPrefix.replace(/^\/+|\/+$/g, "");
  const rel = prefix ? `${prefix}/${path}` : path;
  return new URL(rel, baseUrl()).toString();
}
