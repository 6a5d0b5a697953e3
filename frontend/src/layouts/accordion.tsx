// An accordion: a labelled section the user can open and close (`expand`/`collapse` events).
// Its contents are drawn the first time it opens and kept from then on (the store holds their
// props while they are not drawn).

import { useEffect, useRef, useState } from "preact/hooks";
import { blockClass, domId, heightStyle, str, type LayoutProps } from "../block";

export default function Accordion({ id, props, node, renderChild, fire }: LayoutProps) {
  const [open, setOpen] = useState(props.open !== false);
  useEffect(() => setOpen(props.open !== false), [props.open]);
  const opened = useRef(open);
  opened.current ||= open;
  const panelId = `accordion-panel-${id}`;
  const toggle = () => {
    setOpen(!open);
    fire(id, open ? "collapse" : "expand");
  };
  return (
    <div id={domId(id, props)} class={blockClass(`accordion${open ? " open" : ""}`, props)}>
      <button type="button" class="accordion-header" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        <span>{str(props.label)}</span>
        <span class="chevron" aria-hidden="true" />
      </button>
      <div id={panelId} class="accordion-body column" hidden={!open} style={heightStyle(props)}>
        {opened.current ? node.children?.map(renderChild) : null}
      </div>
    </div>
  );
}
