// Reading the page's config (its types are generated in config.ts) and the API URLs built
// from its `api_prefix`.

import type { AppConfig } from "./config";

declare global {
  interface Window {
    gradio_config?: AppConfig;
    /** This page's session hash, as Gradio exposes it to the page's own JavaScript. */
    __gradio_session_hash__?: string;
  }
}

/** The page's config: the inline `window.gradio_config`, else fetched from `./config`. */
export async function loadConfig(): Promise<AppConfig> {
  if (window.gradio_config) return window.gradio_config;
  const response = await fetch(new URL("config", document.baseURI));
  if (!response.ok) throw new Error(`Could not load the app config (HTTP ${response.status})`);
  return (await response.json()) as AppConfig;
}

/** A URL under the API prefix, resolved against the page so that sub-path mounts work. */
export function apiUrl(apiPrefix: string, path: string): string {
  const prefix = apiPrefix.replace(/^\/+|\/+$/g, "");
  const rel = prefix ? `${prefix}/${path}` : path;
  return new URL(rel, document.baseURI).toString();
}
