// gr.Timer: draws nothing; while `active`, fires `tick` every `value` seconds.

import { useEffect } from "preact/hooks";
import { num, type ComponentProps } from "../block";

export default function Timer({ props, fire }: ComponentProps) {
  const seconds = num(props.value) ?? 0;
  const active = props.active !== false && seconds > 0;
  useEffect(() => {
    if (!active) return;
    const handle = setInterval(() => fire("tick"), seconds * 1000);
    return () => clearInterval(handle);
  }, [active, seconds]);
  return null;
}
