// A sidebar: a panel fixed to the left or right edge that the user opens and closes (`expand`/
// `collapse`). The page makes room for it on wide screens; on a phone it slides over the page.

import { useEffect, useState } from "preact/hooks";
import { blockClass, domId, num, str, type LayoutProps } from "../block";

export default function Sidebar({ id, props, node, renderChild, fire }: LayoutProps) {
  const [open, setOpen] = useState(props.open !== false);
  useEffect(() => setOpen(props.open !== false), [props.open]);
  const right = props.position === "right";
  const width = num(props.width) !== null ? `${num(props.width)}px` : str(props.width) || "320px";
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty(right ? "--sidebar-right" : "--sidebar-left", open ? width : "0px");
    return () => root.style.removeProperty(right ? "--sidebar-right" : "--sidebar-left");
  }, [open, right, width]);
  const toggle = () => {
    setOpen(!open);
    fire(id, open ? "collapse" : "expand");
  };
  const panelId = `sidebar-panel-${id}`;
  return (
    <aside
      id={domId(id, props)}
      class={blockClass(`sidebar ${right ? "right" : "left"}${open ? " open" : ""}`, props)}
      style={{ "--sidebar-width": width }}
    >
      <button
        type="button"
        class="sidebar-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? "Close sidebar" : "Open sidebar"}
        onClick={toggle}
      >
        <span class="chevron" aria-hidden="true" />
      </button>
      <div id={panelId} class="sidebar-body column" hidden={!open}>
        {props.label ? <div class="field-label">{str(props.label)}</div> : null}
        {node.children?.map(renderChild)}
      </div>
    </aside>
  );
}
