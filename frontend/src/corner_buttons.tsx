// Gradio 6's `buttons=[..., gr.Button(...)]`: button blocks moved out of the layout into a
// component's top-right corner. Each keeps its own props (updates reach it through the store)
// and its block id (`data-block`, as every drawn block); a click fires its own `click` event.
// Built-in names ("copy", "download", ...) are drawn by the components that offer them.

import { isHidden, str } from "./block";
import type { Props } from "./config";

export interface CornerButton {
  id: number;
  /** The button's props as the component's config carried them (before any update). */
  props: Props;
}

/** The button blocks among a component's `buttons` prop. */
export function cornerButtons(buttons: unknown): CornerButton[] {
  if (!Array.isArray(buttons)) return [];
  const found: CornerButton[] = [];
  for (const entry of buttons) {
    if (entry && typeof entry === "object" && typeof (entry as Props).id === "number") {
      found.push({ id: (entry as Props).id as number, props: entry as Props });
    }
  }
  return found;
}

interface CornerButtonsProps {
  buttons: CornerButton[];
  /** The button's current props, or null when the page has none (no listener uses it). */
  propsOf: (id: number) => Props | null;
  click: (id: number) => void;
}

export function CornerButtons({ buttons, propsOf, click }: CornerButtonsProps) {
  return (
    <div class="corner-buttons">
      {buttons.map(({ id, props: initial }) => {
        const props = propsOf(id) ?? initial;
        if (isHidden(props)) return null;
        return (
          <button
            key={id}
            data-block={id}
            type="button"
            class="btn btn-sm btn-secondary corner-button"
            disabled={props.interactive === false}
            onClick={() => click(id)}
          >
            {str(props.value)}
          </button>
        );
      })}
    </div>
  );
}
