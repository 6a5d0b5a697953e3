// gr.Checkbox: a boolean with its label beside the box.

import { str, type ComponentProps } from "../block";
import "./choices.css";

export default function Checkbox({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const checked = props.value === true;
  const label = str(props.label, "Checkbox");
  const onChange = (event: Event) => {
    const next = (event.currentTarget as HTMLInputElement).checked;
    setValue(next);
    fire("select", { value: label, index: null, selected: next });
  };
  return (
    <div class="checkbox-field">
      {props.info ? <div class="field-info">{str(props.info)}</div> : null}
      <label class="checkbox-label" for={inputId}>
        <input
          type="checkbox"
          id={inputId}
          checked={checked}
          disabled={!interactive}
          onChange={onChange}
          onFocus={() => fire("focus")}
          onBlur={() => fire("blur")}
        />
        <span class={props.show_label === false ? "sr-only" : undefined}>{label}</span>
      </label>
    </div>
  );
}
