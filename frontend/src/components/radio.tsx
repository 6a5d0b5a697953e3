// gr.Radio: one value out of `choices` (`[display, value]` pairs), as a radio group.

import { choicesOf, str, type ComponentProps } from "../block";
import "./choices.css";

export default function Radio({ id, inputId, props, interactive, setValue, fire }: ComponentProps) {
  const choices = choicesOf(props);
  const name = `radio-${id}`;
  return (
    <fieldset class="radio-field" id={inputId} disabled={!interactive}>
      <legend class={props.show_label === false ? "sr-only" : "field-label"}>{str(props.label, "Radio")}</legend>
      {props.info ? <div class="field-info">{str(props.info)}</div> : null}
      <div class="choices">
        {choices.map(([display, value], index) => {
          const optionId = `${inputId}-${index}`;
          const checked = props.value === value;
          return (
            <label key={optionId} for={optionId} class={checked ? "choice checked" : "choice"}>
              <input
                type="radio"
                id={optionId}
                name={name}
                checked={checked}
                onChange={() => {
                  setValue(value);
                  fire("select", { value, index, selected: true });
                }}
              />
              <span>{display}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
