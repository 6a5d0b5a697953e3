// gr.HTML: an HTML string, sanitised before it is shown (the server sanitised it too) unless the
// app set `sanitize=False`. With `autoscroll`, new content scrolls into view.

import { useEffect, useMemo, useRef } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { sanitize } from "./sanitize";

export default function Html({ inputId, props }: ComponentProps) {
  const source = str(props.value);
  const trusted = props.sanitize === false;
  const html = useMemo(() => (trusted ? source : sanitize(source)), [source, trusted]);
  const minHeight = num(props.min_height);
  const maxHeight = num(props.max_height);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.autoscroll === true && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [html, props.autoscroll]);
  return (
    <div class="html-block">
      {props.show_label === true ? <BlockTitle id={`${inputId}-label`} props={props} /> : null}
      <div
        ref={box}
        class={props.padding === false ? "prose html" : "prose html padded"}
        style={{
          minHeight: minHeight !== null ? `${minHeight}px` : undefined,
          maxHeight: maxHeight !== null ? `${maxHeight}px` : undefined,
          overflowY: maxHeight !== null ? "auto" : undefined,
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
