// Walkthrough: numbered step headers over one panel per step; the panel of the selected step
// is shown. A function moves on by returning `gr.Walkthrough(selected=...)`; the user may go
// to any step whose `interactive` is not false through its header. `selected` names a step by
// its `id` prop, else by position.

import { useEffect, useRef, useState } from "preact/hooks";
import { blockClass, domId, isHidden, str, type LayoutProps } from "../block";
import type { LayoutNode, Props } from "../config";
import { openingStep } from "../first_screen";
import "./walkthrough.css";

interface Step {
  node: LayoutNode;
  props: Props;
}

export default function Walkthrough({ id, props, node, renderChild, fire, propsOf }: LayoutProps) {
  const steps: Step[] = (node.children ?? [])
    .map((child) => ({ node: child, props: propsOf(child.id) }))
    .filter((step) => !isHidden(step.props));
  const [selected, setSelected] = useState<unknown>(props.selected ?? null);
  useEffect(() => setSelected(props.selected ?? null), [props.selected]);
  const opening = openingStep(selected, node.children ?? [], propsOf);
  const current = steps.find((step) => step.node === opening);
  const drawn = useRef(new Set<number>());
  if (current) drawn.current.add(current.node.id);

  const choose = (step: Step, index: number) => {
    if (step === current) return;
    setSelected(step.props.id ?? index);
    const data = { value: str(step.props.label), index, selected: true };
    fire(id, "change");
    fire(id, "select", data);
    fire(step.node.id, "select", data);
  };

  return (
    <div id={domId(id, props)} class={blockClass("walkthrough", props)}>
      <ol class="walkthrough-steps">
        {steps.map((step, index) => {
          const state = step === current ? "current" : current && index < steps.indexOf(current) ? "done" : "";
          return (
            <li key={step.node.id} class={`walkthrough-step ${state}`}>
              <button
                type="button"
                aria-current={step === current ? "step" : undefined}
                disabled={step.props.interactive === false}
                onClick={() => choose(step, index)}
              >
                <span class="walkthrough-number">{index + 1}</span>
                <span class="walkthrough-label">{str(step.props.label, `Step ${index + 1}`)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {steps.map((step) => (
        <div
          key={step.node.id}
          id={str(step.props.elem_id) || `step-${step.node.id}`}
          hidden={step !== current}
          class={blockClass("walkthrough-panel column", step.props)}
        >
          {drawn.current.has(step.node.id) ? step.node.children?.map(renderChild) : null}
        </div>
      ))}
    </div>
  );
}
