// A form: the invisible wrapper Gradio puts around consecutive input components; stacks them
// like a column with a tight gap.

import { blockClass, domId, sizeStyle, type LayoutProps } from "../block";

export default function Form({ id, props, node, renderChild }: LayoutProps) {
  return (
    <div id={domId(id, props)} class={blockClass("form", props)} style={sizeStyle(props)}>
      {node.children?.map(renderChild)}
    </div>
  );
}
