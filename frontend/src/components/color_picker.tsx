// gr.ColorPicker: the browser's colour input beside the hex text, which can also be typed.

import { FieldLabel, str, type ComponentProps } from "../block";

const HEX6 = /^#[0-9a-f]{6}$/i;

/** `<input type=color>` only takes #rrggbb; widen #rgb and drop an alpha channel. */
function toHex6(value: string): string {
  if (HEX6.test(value)) return value.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])[0-9a-f]?$/i.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  if (/^#[0-9a-f]{8}$/i.test(value)) return value.slice(0, 7).toLowerCase();
  return "#000000";
}

export default function ColorPicker({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const value = str(props.value);
  return (
    <div class="colorpicker">
      <FieldLabel forId={inputId} props={props} fallback="Color Picker" />
      <div class="colorpicker-row">
        <input
          id={inputId}
          type="color"
          class="color-swatch"
          value={toHex6(value)}
          disabled={!interactive}
          onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
          onChange={() => fire("submit")}
          onFocus={() => fire("focus")}
          onBlur={() => fire("blur")}
        />
        <input
          class="input color-text"
          aria-label={`${str(props.label, "Color")} (hex)`}
          value={value}
          readOnly={!interactive}
          spellcheck={false}
          onChange={(event) => {
            const text = (event.currentTarget as HTMLInputElement).value.trim();
            if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text)) setValue(text);
          }}
        />
      </div>
    </div>
  );
}
