// gr.HTML: an HTML string, sanitised before it is shown (the server sanitised it too) unless the
// app set `sanitize=False`.

import { useMemo } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { sanitize } from "./sanitize";

export default function Html({ inputId, props }: ComponentProps) {
  const source = str(props.value);
  const trusted = props.sanitize === false;
  const html = useMemo(() => (trusted ? source : sanitize(source)), [source, trusted]);
  const minHeight = num(props.min_height);
  const maxHeight = num(props.max_height);
  return (
    <div class="html-block">
      {props.show_label === true ? <BlockTitle id={`${inputId}-label`} props={props} /> : null}
      <div
        class={props.padding === false ? "prose html" : "prose html padded"}
        style={{
          minHeight: minHeight !== null ? `${minHeight}px` : undefined,
          maxHeight: maxHeight !== null ? `${maxHeight}px` : undefined,
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
