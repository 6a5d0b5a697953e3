// The shape of `window.gradio_config` (docs/protocol.md §1.2, §1.3), as far as the page uses it.
// Unknown fields are tolerated: the server may send more than this.

/** Props of one block: its value plus every option the server sent. */
export type Props = Record<string, unknown>;

export interface ComponentConfig {
  id: number;
  type: string;
  props: Props;
  skip_api?: boolean;
}

export interface LayoutNode {
  id: number;
  children?: LayoutNode[];
}

/** A `[block_id, event_name]` pair; block id null marks a chained (`then`/`success`/`failure`) trigger. */
export type Target = [number | null, string];

export type ShowProgress = "full" | "minimal" | "hidden";
export type TriggerMode = "once" | "multiple" | "always_last";

export interface Dependency {
  id: number;
  targets: Target[];
  inputs: number[];
  outputs: number[];
  backend_fn: boolean;
  /** JavaScript run in the page (`js=`); `true` asks for the Python function as JavaScript. */
  js?: string | boolean | null;
  /** For `js=True`: the Python function as JavaScript, run in the page instead of the server. */
  js_implementation?: string | null;
  queue?: boolean | null;
  show_progress?: ShowProgress;
  show_progress_on?: number[] | null;
  scroll_to_output?: boolean;
  cancels?: number[];
  trigger_after?: number | null;
  trigger_only_on_success?: boolean;
  trigger_only_on_failure?: boolean;
  trigger_mode?: TriggerMode;
  api_name?: string | false | null;
  /** Inputs passed as component arguments: each is sent as `{value}`. */
  component_prop_inputs?: number[];
  /** `stream`: a media input stream (chunks after the first go to `stream/{event_id}`). */
  connection?: "sse" | "stream";
  /** Seconds between the chunks of a media input stream. */
  stream_every?: number;
  time_limit?: number | null;
  /** For a listener made by `@gr.render`: the id of the render's container. */
  rendered_in?: number | null;
  /** For a render's own dependency: the id of the container it draws into. */
  render_id?: number | null;
}

export interface GradioConfig {
  version?: string;
  api_prefix?: string;
  components: ComponentConfig[];
  dependencies: Dependency[];
  layout: LayoutNode;
  title?: string;
  root?: string;
  connect_heartbeat?: boolean;
  theme?: string;
  css?: string | null;
  /** JavaScript run once when the page has loaded (`gr.Blocks(js=...)`). */
  js?: string | null;
  fill_height?: boolean;
  fill_width?: boolean;
  /** `launch(footer_links=)`: "api", "gradio" and links of the app's own, in order. */
  footer_links?: FooterLink[];
  /** The app's pages as `[path, name, show_in_navbar]`, the main page (`""`) first. */
  pages?: [string, string, boolean][];
  /** The path of the page this config describes. */
  current_page?: string;
  /** `launch(i18n=...)`: the app's translations by locale, then key. */
  i18n_translations?: Record<string, Record<string, string>> | null;
}

export type FooterLink = string | { label: string; url: string };

declare global {
  interface Window {
    gradio_config?: GradioConfig;
    /** This page's session hash, as Gradio exposes it to the page's own JavaScript. */
    __gradio_session_hash__?: string;
  }
}

/** The page's config: the inline `window.gradio_config`, else fetched from `./config`. */
export async function loadConfig(): Promise<GradioConfig> {
  if (window.gradio_config) return window.gradio_config;
  const response = await fetch(new URL("config", document.baseURI));
  if (!response.ok) throw new Error(`Could not load the app config (HTTP ${response.status})`);
  return (await response.json()) as GradioConfig;
}

/** A URL under the API prefix, resolved against the page so that sub-path mounts work. */
export function apiUrl(apiPrefix: string, path: string): string {
  const prefix = apiPrefix.replace(/^\/+|\/+$/g, "");
  const rel = prefix ? `${prefix}/${path}` : path;
  return new URL(rel, document.baseURI).toString();
}
