// A group: children in one shared panel, without gaps between them.

import { blockClass, domId, sizeStyle, type LayoutProps } from "../block";

export default function Group({ id, props, node, renderChild }: LayoutProps) {
  return (
    <div id={domId(id, props)} class={blockClass("group", props)} style={sizeStyle(props)}>
      {node.children?.map(renderChild)}
    </div>
  );
}
