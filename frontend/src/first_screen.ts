// Which component types the page shows when it opens: the boot waits for their modules so that
// the first render draws them at once, rather than placeholders replaced a frame later. Blocks
// in tabs not chosen and accordions closed are drawn later (see layouts/tabs.tsx), so their
// types are not waited for.

import { isHidden } from "./block";
import type { AppConfig, LayoutNode, Props } from "./config";

/** The tab a `tabs` block opens on: the one its `selected` names, else the first visible. */
export function openingTab(
  tabs: Props,
  children: LayoutNode[],
  propsOf: (id: number) => Props,
): LayoutNode | undefined {
  const shown = children.filter((child) => !isHidden(propsOf(child.id)));
  const selected = tabs.selected ?? null;
  return shown.find((child) => (propsOf(child.id).id ?? child.id) === selected) ?? shown[0];
}

/**
 * The step a `walkthrough` shows: the visible one whose `id` prop `selected` names, else the
 * one at that position, else the first.
 */
export function openingStep(
  selected: unknown,
  children: LayoutNode[],
  propsOf: (id: number) => Props,
): LayoutNode | undefined {
  const shown = children.filter((child) => !isHidden(propsOf(child.id)));
  const byId = shown.find((child) => propsOf(child.id).id != null && propsOf(child.id).id === selected);
  if (byId) return byId;
  return typeof selected === "number" && shown[selected] ? shown[selected] : shown[0];
}

/** The types of the blocks drawn when the page opens. */
export function firstScreenTypes(config: AppConfig): Set<string> {
  const byId = new Map(config.components.map((c) => [c.id, c]));
  const propsOf = (id: number): Props => byId.get(id)?.props ?? {};
  const types = new Set<string>();
  const visit = (node: LayoutNode): void => {
    const block = byId.get(node.id);
    if (block && isHidden(block.props)) return;
    if (block) types.add(block.type);
    let children = node.children ?? [];
    if (block?.type === "tabs") {
      const tab = openingTab(block.props, children, propsOf);
      children = tab ? [tab] : [];
    } else if (block?.type === "walkthrough") {
      const step = openingStep(block.props.selected ?? null, children, propsOf);
      children = step ? [step] : [];
    } else if (block?.type === "accordion" && block.props.open === false) {
      children = [];
    }
    children.forEach(visit);
  };
  visit(config.layout);
  return types;
}
