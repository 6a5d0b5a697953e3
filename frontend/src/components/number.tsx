// gr.Number: a number field. The text being typed is kept locally so that "1." or "-" can be
// typed on the way to a number; every complete number is sent as the value.

import { useEffect, useState } from "preact/hooks";
import { FieldLabel, num, type ComponentProps } from "../block";

/** The number a text stands for: null for empty, undefined for not (yet) a number. */
function parse(text: string): number | null | undefined {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function format(value: number | null): string {
  return value === null ? "" : String(value);
}

export default function NumberField({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const value = num(props.value);
  const [draft, setDraft] = useState(format(value));
  useEffect(() => {
    // Only an outside change of the value rewrites the text being typed.
    if (parse(draft) !== value) setDraft(format(value));
  }, [value]);
  const precision = num(props.precision);
  const step = num(props.step) ?? (precision === 0 ? 1 : "any");

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value;
    setDraft(text);
    const n = parse(text);
    if (n !== undefined) setValue(n);
  };
  const onBlur = () => {
    if (value !== null && precision !== null) {
      const rounded = Number(value.toFixed(precision));
      if (rounded !== value) setValue(rounded);
    }
    setDraft(format(value));
    fire("blur");
  };
  return (
    <div class="number">
      <FieldLabel forId={inputId} props={props} fallback="Number" />
      <input
        id={inputId}
        class="input"
        type="number"
        inputMode="decimal"
        value={draft}
        min={num(props.minimum) ?? undefined}
        max={num(props.maximum) ?? undefined}
        step={step}
        readOnly={!interactive}
        placeholder={props.placeholder ? String(props.placeholder) : undefined}
        onInput={onInput}
        onKeyDown={(event) => {
          if (event.key === "Enter") fire("submit");
        }}
        onFocus={() => fire("focus")}
        onBlur={onBlur}
      />
    </div>
  );
}
