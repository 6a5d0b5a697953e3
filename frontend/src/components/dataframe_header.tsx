// One column header of a Dataframe: the label (a button that cycles the sort), the filter
// funnel when `show_search="filter"`, and the rename pencil of editable columns, which turns
// the label into a text box until Enter (keep) or Escape (cancel).

import { FunnelIcon } from "./dataframe_filters";

interface HeaderProps {
  name: string;
  /** 1 ascending, -1 descending, 0 not sorted by this column. */
  sorted: 1 | -1 | 0;
  renaming: boolean;
  renamable: boolean;
  /** Absent when the table has no column filters; else whether this column's is in force. */
  filtered?: boolean;
  filterOpen: boolean;
  onSort: () => void;
  onToggleFilter: () => void;
  onStartRename: () => void;
  /** The new name, or null when renaming was cancelled. */
  onRename: (name: string | null) => void;
}

export function HeaderCell(p: HeaderProps) {
  const ariaSort = p.sorted === 1 ? "ascending" : p.sorted === -1 ? "descending" : "none";
  if (p.renaming) {
    return (
      <div role="columnheader" class="df-cell" aria-sort={ariaSort}>
        <input
          class="df-edit"
          aria-label={`New name for ${p.name}`}
          ref={(el) => el?.focus()}
          defaultValue={p.name}
          onBlur={(event) => p.onRename((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") (event.currentTarget as HTMLInputElement).blur();
            if (event.key === "Escape") p.onRename(null);
          }}
        />
      </div>
    );
  }
  return (
    <div role="columnheader" class="df-cell" aria-sort={ariaSort}>
      <button type="button" class="df-sort" onClick={p.onSort}>
        {p.name}
        <span class="df-arrow" aria-hidden="true">
          {p.sorted === 1 ? "▲" : p.sorted === -1 ? "▼" : ""}
        </span>
      </button>
      {p.filtered !== undefined ? (
        <button
          type="button"
          class={`df-filter${p.filtered ? " active" : ""}`}
          aria-label={`Filter ${p.name}`}
          aria-expanded={p.filterOpen}
          title="Filter"
          onClick={p.onToggleFilter}
        >
          <FunnelIcon />
        </button>
      ) : null}
      {p.renamable ? (
        <button
          type="button"
          class="df-rename"
          aria-label={`Rename ${p.name}`}
          title="Rename"
          onClick={p.onStartRename}
        >
          ✎
        </button>
      ) : null}
    </div>
  );
}
