// The filter controls of a Dataframe with `show_search="filter"`: the form that sets one
// column's condition (opened from the funnel button in its header; Enter applies it), and the
// chips of the filters in force, each removable, with a button that clears them all.

import { useEffect, useRef, useState } from "preact/hooks";
import { describe, operators, takesValue, type ColumnFilter, type FilterOp } from "./dataframe_filter";

/** The funnel drawn in a column header's filter button. */
export function FunnelIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M1.5 2h13l-5 6v5l-3 1.5V8z" fill="currentColor" />
    </svg>
  );
}

interface FormProps {
  col: number;
  header: string;
  numeric: boolean;
  current: ColumnFilter | undefined;
  apply: (filter: ColumnFilter | null) => void;
  close: () => void;
}

/** The condition of one column: an operator, a value, Apply (or Enter), Reset, close. */
export function FilterForm({ col, header, numeric, current, apply, close }: FormProps) {
  const ops = operators(numeric);
  const [op, setOp] = useState<FilterOp>(current?.op ?? ops[0][0]);
  const [value, setValue] = useState(current?.value ?? "");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [col]);
  return (
    <form
      class="df-filter-form"
      aria-label={`Filter ${header}`}
      onSubmit={(event) => {
        event.preventDefault();
        apply({ col, op, value });
      }}
      onKeyDown={(event) => event.key === "Escape" && close()}
    >
      <span class="df-filter-name">{header}</span>
      <select
        aria-label="Condition"
        value={op}
        onChange={(event) => setOp((event.currentTarget as HTMLSelectElement).value as FilterOp)}
      >
        {ops.map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      {takesValue(op) ? (
        <input
          aria-label="Value"
          inputMode={numeric ? "decimal" : "text"}
          value={value}
          ref={input}
          onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
        />
      ) : null}
      <button type="submit" class="btn btn-primary btn-sm">
        Apply
      </button>
      <button type="button" class="btn btn-secondary btn-sm" onClick={() => apply(null)}>
        Reset
      </button>
      <button type="button" class="df-filter-close" aria-label="Close" onClick={close}>
        ×
      </button>
    </form>
  );
}

interface ChipsProps {
  filters: ColumnFilter[];
  headers: string[];
  remove: (col: number) => void;
  clear: () => void;
}

/** The filters in force, one removable chip each, and "Clear filters". */
export function FilterChips({ filters, headers, remove, clear }: ChipsProps) {
  if (filters.length === 0) return null;
  return (
    <div class="df-chips" role="group" aria-label="Filters">
      {filters.map((f) => (
        <span key={f.col} class="df-chip">
          {describe(f, headers[f.col] ?? String(f.col + 1))}
          <button type="button" aria-label={`Remove the filter on ${headers[f.col]}`} onClick={() => remove(f.col)}>
            ×
          </button>
        </span>
      ))}
      <button type="button" class="btn btn-secondary btn-sm" onClick={clear}>
        Clear filters
      </button>
    </div>
  );
}
