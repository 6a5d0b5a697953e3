// A column: children stacked; inside a row it takes a share of the width by `scale`.

import { blockClass, domId, sizeStyle, type LayoutProps } from "../block";

export default function Column({ id, props, node, renderChild }: LayoutProps) {
  const variant = props.variant === "panel" || props.variant === "compact" ? ` ${props.variant}` : "";
  return (
    <div id={domId(id, props)} class={blockClass(`column${variant}`, props)} style={sizeStyle(props)}>
      {node.children?.map(renderChild)}
    </div>
  );
}
