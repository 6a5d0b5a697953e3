// A row: children side by side, sharing the width by `scale`, wrapping below `min_width`;
// `height`/`max_height`/`min_height` bound it (scrolling when its children need more).

import { blockClass, domId, heightStyle, sizeStyle, type LayoutProps } from "../block";

export default function Row({ id, props, node, renderChild }: LayoutProps) {
  const variant = props.variant === "panel" || props.variant === "compact" ? ` ${props.variant}` : "";
  const cls = blockClass(`row${props.equal_height ? " equal-height" : ""}${variant}`, props);
  return (
    <div id={domId(id, props)} class={cls} style={{ ...sizeStyle(props), ...heightStyle(props) }}>
      {node.children?.map(renderChild)}
    </div>
  );
}
