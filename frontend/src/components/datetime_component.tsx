// gr.DateTime: a text field ("2024-01-31 12:00:00", or "now - 2h") with a native date(-time)
// picker beside it. The value stays the text the server understands.

import { FieldLabel, str, type ComponentProps } from "../block";

/** "YYYY-MM-DD HH:MM:SS" -> the `datetime-local` input's "YYYY-MM-DDTHH:MM:SS" (or the date). */
function toPicker(value: string, withTime: boolean): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(value.trim());
  if (!match) return "";
  if (!withTime) return match[1];
  return `${match[1]}T${match[2] ?? "00:00:00"}`;
}

function fromPicker(value: string, withTime: boolean): string {
  if (!withTime) return value;
  const [date, time = "00:00:00"] = value.split("T");
  return `${date} ${time.length === 5 ? `${time}:00` : time}`;
}

export default function DateTime({ inputId, props, interactive, setValue, fire }: ComponentProps) {
  const withTime = props.include_time !== false;
  const value = str(props.value);
  return (
    <div class="datetime">
      <FieldLabel forId={inputId} props={props} fallback="DateTime" />
      <div class="datetime-row">
        <input
          id={inputId}
          class="input"
          value={value}
          readOnly={!interactive}
          placeholder={withTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD"}
          onChange={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              setValue((event.currentTarget as HTMLInputElement).value);
              fire("submit");
            }
          }}
          onFocus={() => fire("focus")}
          onBlur={() => fire("blur")}
        />
        <input
          class="input datetime-picker"
          type={withTime ? "datetime-local" : "date"}
          step={withTime ? 1 : undefined}
          aria-label={`Pick ${str(props.label, "a date")}`}
          value={toPicker(value, withTime)}
          disabled={!interactive}
          onChange={(event) => {
            const picked = (event.currentTarget as HTMLInputElement).value;
            if (picked) setValue(fromPicker(picked, withTime));
          }}
        />
      </div>
    </div>
  );
}
