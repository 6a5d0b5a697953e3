// gr.Slider: a range input with a number box beside it. Dragging fires `input` and `change`;
// letting go fires `release`.

import { FieldLabel, num, str, type ComponentProps } from "../block";

export default function Slider({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const min = num(props.minimum) ?? 0;
  const max = num(props.maximum) ?? 100;
  const step = num(props.step) ?? 1;
  const value = num(props.value) ?? min;

  const fromEvent = (event: Event): number | null => {
    const text = (event.currentTarget as HTMLInputElement).value;
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) ? n : null;
  };
  const onInput = (event: Event) => {
    const n = fromEvent(event);
    if (n !== null && n !== value) setValue(n);
  };
  const onRelease = (event: Event) => {
    const n = fromEvent(event);
    if (n !== null) fire("release", n);
  };
  return (
    <div class="slider">
      <div class="slider-head">
        <div class="slider-title">
          <FieldLabel forId={inputId} props={props} fallback="Slider" />
        </div>
        <input
          class="input slider-number"
          type="number"
          aria-label={`${str(props.label, "Slider")} value`}
          value={value}
          min={min}
          max={max}
          step={step}
          disabled={!interactive}
          onInput={onInput}
          onChange={onRelease}
        />
      </div>
      <input
        id={inputId}
        class="slider-range"
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={!interactive}
        onInput={onInput}
        onChange={onRelease}
        onFocus={() => fire("focus")}
        onBlur={() => fire("blur")}
      />
    </div>
  );
}
