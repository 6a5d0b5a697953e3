// Tabs: a tab list over one panel per tab item; arrow keys, Home and End move between tabs.
// A panel's contents are drawn the first time its tab is chosen and kept from then on, so a
// large app draws only its first tab at load; the store keeps every block's props meanwhile,
// so what an event wrote to a hidden tab shows when the tab opens. `render_children` draws a
// tab's contents at load (for scripts that look them up); `height`/`max_height` bound a panel.

import { useEffect, useRef, useState } from "preact/hooks";
import { blockClass, domId, heightStyle, isHidden, str, type LayoutProps } from "../block";
import type { LayoutNode, Props } from "../config";
import { openingTab } from "../first_screen";

interface Item {
  node: LayoutNode;
  props: Props;
  /** The key `selected` refers to: the tab's own `id` prop, else its block id. */
  key: unknown;
}

function panelId(item: Item): string {
  return str(item.props.elem_id) || `tabpanel-${item.node.id}`;
}

export default function Tabs({ id, props, node, renderChild, fire, propsOf }: LayoutProps) {
  const items: Item[] = (node.children ?? []).map((child) => {
    const p = propsOf(child.id);
    return { node: child, props: p, key: p.id ?? child.id };
  });
  const shown = items.filter((item) => !isHidden(item.props));
  // `alignment: "right"` tabs sit together at the bar's far end, in their own order.
  const right = shown.filter((item) => item.props.alignment === "right");
  const ordered = [...shown.filter((item) => item.props.alignment !== "right"), ...right];
  const [selected, setSelected] = useState<unknown>(props.selected ?? null);
  useEffect(() => setSelected(props.selected ?? null), [props.selected]);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const opening = openingTab({ selected }, node.children ?? [], propsOf);
  const current = shown.find((item) => item.node === opening);
  const drawn = useRef(new Set<number>());
  if (current) drawn.current.add(current.node.id);

  const choose = (item: Item, focus = false) => {
    const index = shown.indexOf(item);
    if (focus) tabRefs.current[ordered.indexOf(item)]?.focus();
    if (item === current) return;
    setSelected(item.key);
    const data = { value: str(item.props.label), index, selected: true };
    fire(id, "change");
    fire(id, "select", data);
    fire(item.node.id, "select", data);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = ordered.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(ordered[target], true);
  };

  return (
    <div id={domId(id, props)} class={blockClass("tabs", props)}>
      <div class="tab-list" role="tablist">
        {ordered.map((item, index) => (
          <button
            key={item.node.id}
            ref={(el) => {
              tabRefs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${item.node.id}`}
            aria-selected={item === current}
            aria-controls={panelId(item)}
            tabIndex={item === current ? 0 : -1}
            disabled={item.props.interactive === false}
            class={`tab${item === current ? " selected" : ""}${item === right[0] ? " push-right" : ""}`}
            onClick={() => choose(item)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {str(item.props.label, `Tab ${shown.indexOf(item) + 1}`)}
          </button>
        ))}
      </div>
      {shown.map((item) => (
        <div
          key={item.node.id}
          id={panelId(item)}
          role="tabpanel"
          aria-labelledby={`tab-${item.node.id}`}
          hidden={item !== current}
          class={blockClass("tab-panel column", item.props)}
          style={heightStyle(item.props)}
        >
          {drawn.current.has(item.node.id) || item.props.render_children === true
            ? item.node.children?.map(renderChild)
            : null}
        </div>
      ))}
    </div>
  );
}
