// Component and layout modules by the config's `type` name. Each component is its own chunk,
// fetched only when a page uses it; the four plain layouts are tiny and ship in the entry chunk.

import type { ComponentType } from "preact";
import type { ComponentProps, LayoutProps } from "./block";
import Column from "./layouts/column";
import Form from "./layouts/form";
import Group from "./layouts/group";
import Row from "./layouts/row";

type Module<P> = { default: ComponentType<P> };
type Loader<P> = () => Promise<Module<P>>;

const COMPONENTS: Record<string, Loader<ComponentProps>> = {
  annotatedimage: () => import("./components/annotated_image"),
  api: () => import("./components/api_component"),
  audio: () => import("./components/audio"),
  barplot: () => import("./components/native_plot"),
  button: () => import("./components/button"),
  chatbot: () => import("./components/chatbot"),
  checkbox: () => import("./components/checkbox"),
  checkboxgroup: () => import("./components/checkbox_group"),
  clearbutton: () => import("./components/button"),
  code: () => import("./components/code"),
  colorpicker: () => import("./components/color_picker"),
  dataframe: () => import("./components/dataframe"),
  dataset: () => import("./components/dataset"),
  datetime: () => import("./components/datetime_component"),
  deeplinkbutton: () => import("./components/deep_link_button"),
  dialogue: () => import("./components/dialogue"),
  downloadbutton: () => import("./components/download_button"),
  dropdown: () => import("./components/dropdown"),
  duplicatebutton: () => import("./components/button"),
  file: () => import("./components/file"),
  fileexplorer: () => import("./components/file_explorer"),
  gallery: () => import("./components/gallery"),
  highlightedtext: () => import("./components/highlighted_text"),
  html: () => import("./components/html"),
  image: () => import("./components/image"),
  imageeditor: () => import("./components/image_editor"),
  imageslider: () => import("./components/image_slider"),
  json: () => import("./components/json_component"),
  label: () => import("./components/label"),
  lineplot: () => import("./components/native_plot"),
  loginbutton: () => import("./components/button"),
  markdown: () => import("./components/markdown"),
  model3d: () => import("./components/model3d"),
  multimodaltextbox: () => import("./components/multimodal_textbox"),
  navbar: () => import("./components/navbar"),
  number: () => import("./components/number"),
  paramviewer: () => import("./components/param_viewer"),
  plot: () => import("./components/plot"),
  radio: () => import("./components/radio"),
  scatterplot: () => import("./components/native_plot"),
  slider: () => import("./components/slider"),
  state: () => import("./components/state"),
  browserstate: () => import("./components/browser_state"),
  textbox: () => import("./components/textbox"),
  timer: () => import("./components/timer"),
  uploadbutton: () => import("./components/upload_button"),
  video: () => import("./components/video"),
};

const UNKNOWN: Loader<ComponentProps> = () => import("./components/unknown");

const EAGER_LAYOUTS: Record<string, ComponentType<LayoutProps>> = {
  row: Row,
  column: Column,
  group: Group,
  box: Group,
  form: Form,
  // A tab item is drawn by its `tabs` parent; one found elsewhere is shown as a column.
  tabitem: Column,
  tab: Column,
  // A step is drawn by its `walkthrough` parent; one found elsewhere is shown as a column.
  walkthroughstep: Column,
};

const LAZY_LAYOUTS: Record<string, Loader<LayoutProps>> = {
  tabs: () => import("./layouts/tabs"),
  accordion: () => import("./layouts/accordion"),
  sidebar: () => import("./layouts/sidebar"),
  walkthrough: () => import("./layouts/walkthrough"),
  draggable: () => import("./layouts/draggable"),
};

const resolved = new Map<string, ComponentType<ComponentProps> | ComponentType<LayoutProps>>(
  Object.entries(EAGER_LAYOUTS),
);
const pending = new Map<string, Promise<unknown>>();

/** Whether a type is a layout (its block has children) rather than a component. */
export function isLayout(type: string): boolean {
  return type in EAGER_LAYOUTS || type in LAZY_LAYOUTS;
}

/** Whether the registry has a module for this component type (else the fallback is used). */
export function isKnownComponent(type: string): boolean {
  return type in COMPONENTS;
}

/** The component or layout for a type if its module has already loaded. */
export function peekComponent(type: string): ComponentType<ComponentProps> | undefined {
  return isLayout(type) ? undefined : (resolved.get(type) as ComponentType<ComponentProps> | undefined);
}

export function peekLayout(type: string): ComponentType<LayoutProps> | undefined {
  return isLayout(type) ? (resolved.get(type) as ComponentType<LayoutProps> | undefined) : undefined;
}

/** Load a type's module once; resolves when `peekComponent`/`peekLayout` can return it. */
export function load(type: string): Promise<unknown> {
  const done = resolved.get(type);
  if (done) return Promise.resolve(done);
  let promise = pending.get(type);
  if (!promise) {
    const loader: Loader<ComponentProps> | Loader<LayoutProps> = LAZY_LAYOUTS[type] ?? COMPONENTS[type] ?? UNKNOWN;
    promise = loader().then((module) => {
      resolved.set(type, module.default);
      return module.default;
    });
    pending.set(type, promise);
  }
  return promise;
}

/** Start loading every type a page uses at once, rather than one after another as they render. */
export function preload(types: Iterable<string>): void {
  for (const type of new Set(types)) {
    if (!resolved.has(type)) load(type).catch(() => undefined);
  }
}
