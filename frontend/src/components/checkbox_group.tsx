// gr.CheckboxGroup: any number of `choices` checked; the value is the list of checked values,
// kept in the order of `choices`.

import { useRef } from "preact/hooks";

import { choicesOf, str, type ComponentProps } from "../block";
import "./choices.css";

export default function CheckboxGroup({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const choices = choicesOf(props);
  const checked = Array.isArray(props.value) ? props.value : [];
  // Two quick clicks can both land before the page re-renders: the second must build on the
  // first's list, not on the one this render saw.
  const latest = useRef<unknown[]>(checked);
  latest.current = checked;
  const all = choices.length > 0 && choices.every(([, value]) => checked.includes(value));
  const toggle = (value: unknown, index: number, on: boolean) => {
    const current = latest.current;
    const next = choices.map(([, v]) => v).filter((v) => (v === value ? on : current.includes(v)));
    latest.current = next;
    setValue(next);
    fire("select", { value, index, selected: on });
  };
  return (
    <fieldset class="radio-field checkbox-group" id={inputId} disabled={!interactive}>
      <legend class={props.show_label === false ? "sr-only" : "field-label"}>
        {str(props.label, "Checkbox Group")}
      </legend>
      {props.info ? <div class="field-info">{str(props.info)}</div> : null}
      <div class="choices" dir={props.rtl === true ? "rtl" : undefined}>
        {props.show_select_all === true ? (
          <label class={all ? "choice checked" : "choice"}>
            <input type="checkbox" checked={all} onChange={() => setValue(all ? [] : choices.map(([, v]) => v))} />
            <span>Select all</span>
          </label>
        ) : null}
        {choices.map(([display, value], index) => {
          const optionId = `${inputId}-${index}`;
          const on = checked.includes(value);
          return (
            <label key={optionId} for={optionId} class={on ? "choice checked" : "choice"}>
              <input
                type="checkbox"
                id={optionId}
                checked={on}
                onChange={(event) => toggle(value, index, (event.currentTarget as HTMLInputElement).checked)}
              />
              <span>{display}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
