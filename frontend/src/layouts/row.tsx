// A row: children side by side, sharing the width by `scale`, wrapping below `min_width`.

import { blockClass, domId, sizeStyle, type LayoutProps } from "../block";

export default function Row({ id, props, node, renderChild }: LayoutProps) {
  const variant = props.variant === "panel" || props.variant === "compact" ? ` ${props.variant}` : "";
  const cls = blockClass(`row${props.equal_height ? " equal-height" : ""}${variant}`, props);
  return (
    <div id={domId(id, props)} class={cls} style={sizeStyle(props)}>
      {node.children?.map(renderChild)}
    </div>
  );
}
