// `gr.BrowserState`: a value kept in the browser's localStorage. It is read into the store
// before the page's first event runs, sent as an input like any value, and written back
// whenever an event returns it as an output.

import type { ComponentConfig, Props } from "./config";
import type { Store } from "./store";

export function isBrowserState(type: string | undefined): boolean {
  return type === "browserstate";
}

/** The localStorage key: the component's `storage_key`, else one made of the page and block id. */
export function storageKey(id: number, props: Props): string {
  const key = props.storage_key;
  return typeof key === "string" && key ? key : `limelight:${location.pathname}:browserstate:${id}`;
}

/** Replace each BrowserState's default value with the stored one, if any (before the store is made). */
export function loadBrowserStates(components: ComponentConfig[]): void {
  for (const c of components) {
    if (!isBrowserState(c.type)) continue;
    try {
      const stored = localStorage.getItem(storageKey(c.id, c.props));
      if (stored !== null) c.props = { ...c.props, value: JSON.parse(stored) as unknown };
    } catch {
      // storage disabled or a value that is not JSON: the default stands
    }
  }
}

/** Store a block's value if it is a BrowserState. */
export function saveBrowserState(store: Store, id: number): void {
  if (!isBrowserState(store.types.get(id))) return;
  const props = store.props(id).peek();
  try {
    localStorage.setItem(storageKey(id, props), JSON.stringify(props.value ?? null));
  } catch {
    // storage full or disabled: the value lives on in the page until it is closed
  }
}
