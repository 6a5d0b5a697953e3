// Draggable: children in a row or a column that the user reorders by dragging one onto
// another's place, or with Alt+arrow keys on a focused item. The order lives in the page only.

import { useState } from "preact/hooks";
import { blockClass, domId, type LayoutProps } from "../block";
import "./draggable.css";

/** `order` with the item at `from` moved to position `to`. */
export function moved(order: number[], from: number, to: number): number[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export default function Draggable({ id, props, node, renderChild }: LayoutProps) {
  const children = node.children ?? [];
  const [order, setOrder] = useState<number[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  // Blocks added or removed by a re-render keep the user's order for those still there.
  const ids = children.map((child) => child.id);
  const kept = order.filter((childId) => ids.includes(childId));
  const current = [...kept, ...ids.filter((childId) => !kept.includes(childId))];
  const byId = new Map(children.map((child) => [child.id, child]));
  const row = props.orientation === "row";
  const move = (from: number, to: number) => {
    if (to < 0 || to >= current.length || from === to) return;
    setOrder(moved(current, from, to));
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey) return;
    const step = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    move(index, index + step);
  };
  return (
    <div id={domId(id, props)} class={blockClass(`draggable ${row ? "row" : "column"}`, props)}>
      {current.map((childId, index) => (
        <div
          key={childId}
          class={dragging === childId ? "draggable-item dragging" : "draggable-item"}
          draggable
          tabIndex={0}
          aria-label={`Item ${index + 1} of ${current.length}; Alt+arrow keys move it`}
          onDragStart={(event) => {
            setDragging(childId);
            event.dataTransfer?.setData("text/plain", String(childId));
          }}
          onDragEnd={() => setDragging(null)}
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            event.preventDefault();
            if (dragging !== null) move(current.indexOf(dragging), index);
            setDragging(null);
          }}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {renderChild(byId.get(childId)!)}
        </div>
      ))}
    </div>
  );
}
