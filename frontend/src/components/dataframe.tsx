// gr.Dataframe: a table drawn a window at a time (only the rows in view are in the DOM), so
// 100,000 rows stay responsive. Click a header to sort (asc, desc, off); click a cell to select it
// (`select` with its index and value); double-click an editable cell to change it. Editable
// tables can rename columns and add rows and columns (within `row_limits`/`column_limits`);
// `show_search="search"` filters the rows shown by a query on any cell; `"filter"` adds a
// condition per column (`dataframe_filter.ts`); markdown and html cells are rendered, sanitised.
// A big table comes from the server a window at a time (`window` in its value) and is sorted,
// searched and filtered there; `dataframe_rows.ts` keeps its pages and the user's edits.

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { BlockTitle, num, str, type ComponentProps } from "../block";
import { RichCell } from "./dataframe_cell";
import { rowTest, type ColumnFilter } from "./dataframe_filter";
import { FilterChips, FilterForm } from "./dataframe_filters";
import { HeaderCell } from "./dataframe_header";
import { WindowedRows, windowValue, type RowsAnswer, type ShownRow } from "./dataframe_rows";
import { useRowWindow } from "./dataframe_virtual";

const SEARCH_PAUSE_MS = 200;
import "./dataframe.css";

interface Table {
  headers: string[];
  data: unknown[][];
  /** A pandas Styler's text and CSS per cell (`metadata.display_value` / `.styling`). */
  shown: unknown[][] | null;
  styling: unknown[][] | null;
}

function grid(value: unknown): unknown[][] | null {
  return Array.isArray(value) ? (value.filter(Array.isArray) as unknown[][]) : null;
}

function tableOf(value: unknown): Table {
  const v = (value ?? {}) as { headers?: unknown; data?: unknown; metadata?: unknown };
  const data = grid(v.data) ?? [];
  const headers = Array.isArray(v.headers) ? v.headers.map((h) => str(h)) : [];
  const meta = (v.metadata ?? {}) as { display_value?: unknown; styling?: unknown };
  return { headers, data, shown: grid(meta.display_value), styling: grid(meta.styling) };
}

/** `value` once it has not changed for SEARCH_PAUSE_MS (at once when not `pausing`): a
 * windowed table is searched on the server, once the user pauses typing. */
function useSettled(value: string, pausing: boolean): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (!pausing) return setSettled(value);
    const timer = setTimeout(() => setSettled(value), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, pausing]);
  return pausing ? settled : value;
}

/** The `window` of a table the server sends a window at a time (rows, edits), or null for a whole one. */
function windowOf(value: unknown): { rows: number; changed?: Record<string, unknown[]> } | null {
  const window = (value as { window?: { rows?: unknown; changed?: unknown } } | null)?.window;
  if (!window || typeof window.rows !== "number") return null;
  const changed = window.changed && typeof window.changed === "object" ? window.changed : {};
  return { rows: window.rows, changed: changed as Record<string, unknown[]> };
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return str(a).localeCompare(str(b), undefined, { numeric: true });
}

function parseCell(text: string, datatype: string): unknown {
  if (datatype === "number") return text.trim() === "" ? null : Number(text);
  if (datatype === "bool") return text.trim().toLowerCase() === "true";
  return text;
}

/** Whether the UI may add one more row (or column): not "fixed" and under the upper limit. */
function canGrow(count: unknown, limits: unknown, current: number): boolean {
  if (Array.isArray(count) && count[1] === "fixed") return false;
  const max = Array.isArray(limits) ? num(limits[1]) : null;
  return max === null || current < max;
}

function blankCell(datatype: string): unknown {
  if (datatype === "number") return null;
  return datatype === "bool" ? false : "";
}

/** Whether a column holds numbers: its datatype says so, or its first filled cell is one. */
function isNumeric(data: unknown[][], col: number, datatype: string): boolean {
  if (datatype === "number") return true;
  if (datatype !== "str") return false;
  const first = data.find((row) => row[col] !== null && row[col] !== undefined && row[col] !== "");
  return typeof first?.[col] === "number";
}

function width(value: unknown): string | undefined {
  if (typeof value === "number") return `${value}px`;
  return typeof value === "string" && value ? value : undefined;
}

/** A cell's text cut to `max_chars` characters (the whole text in its tooltip). */
function Clipped({ text, max }: { text: string; max: number | null }) {
  if (max === null || text.length <= max) return <>{text}</>;
  return <span title={text}>{text.slice(0, max)}…</span>;
}

/** The windowed rows of `value`, kept across the values the table itself sends back. */
function useWindowedRows(value: unknown, table: Table, callServer: ComponentProps["callServer"]) {
  const [, redraw] = useState(0);
  const source = useRef<{ from: unknown; rows: WindowedRows } | null>(null);
  const own = useRef<unknown>(null);
  const window = windowOf(value);
  if (window === null) source.current = null;
  else if (value !== own.current && source.current?.from !== value) {
    const load = (request: unknown) =>
      callServer ? (callServer("rows", request) as Promise<RowsAnswer>) : Promise.reject(new Error("no server"));
    const first = { ...window, data: table.data, shown: table.shown, styling: table.styling };
    source.current = { from: value, rows: new WindowedRows(first, load, () => redraw((n) => n + 1)) };
  }
  return { rows: source.current?.rows ?? null, own };
}

export default function Dataframe({ inputId, props, interactive, setValue, fire, callServer }: ComponentProps) {
  const maxChars = num(props.max_chars);
  const table = useMemo(() => tableOf(props.value), [props.value]);
  const { rows: windowed, own } = useWindowedRows(props.value, table, callServer);
  const columns = Math.max(table.headers.length, table.data[0]?.length ?? 0);
  const headers = Array.from({ length: columns }, (_, i) => table.headers[i] ?? String(i + 1));
  const datatypes = Array.from({ length: columns }, (_, i) =>
    Array.isArray(props.datatype) ? str(props.datatype[i], "str") : str(props.datatype, "str"),
  );
  const widths = Array.isArray(props.column_widths) ? props.column_widths : [];
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const [query, setQuery] = useState("");
  const [renaming, setRenaming] = useState<number | null>(null);
  const searchable = props.show_search === "search" || props.show_search === "filter" || props.show_search === true;
  const filtering = props.show_search === "filter";
  const [filters, setFilters] = useState<ColumnFilter[]>([]);
  const [filterCol, setFilterCol] = useState<number | null>(null);
  const numeric = useMemo(
    () => datatypes.map((d, col) => filtering && isNumeric(windowed?.sample() ?? table.data, col, d)),
    [table, windowed, filtering, datatypes.join()],
  );
  const statics = new Set(Array.isArray(props.static_columns) ? props.static_columns : []);
  const order = useMemo(() => {
    if (windowed) return [];
    const needle = query.trim().toLowerCase();
    let idx = table.data.map((_, i) => i);
    if (needle) idx = idx.filter((i) => table.data[i].some((c) => str(c).toLowerCase().includes(needle)));
    if (filtering && filters.length) {
      const keep = rowTest(filters);
      idx = idx.filter((i) => keep(table.data[i]));
    }
    if (sort) idx.sort((a, b) => sort.dir * compare(table.data[a][sort.col], table.data[b][sort.col]));
    return idx;
  }, [table, sort, query, filtering, filters, windowed]);
  const searched = useSettled(query, windowed !== null);
  const shownFilters = filtering ? filters : [];
  const plainView = sort === null && searched.trim() === "" && shownFilters.length === 0;
  const viewKey = plainView ? null : JSON.stringify([sort, searched, shownFilters]);
  // Each new window starts in the table's own order: it is re-sorted when the page's isn't.
  if (windowed && windowed.viewKey !== viewKey) {
    windowed.viewKey = viewKey;
    windowed.setView({ sort: sort ? [sort.col, sort.dir] : null, query: searched, filters: shownFilters });
  }
  const count = windowed ? (windowed.total ?? 0) : order.length;
  const rowAt = (pos: number): ShownRow | null => {
    if (windowed) return windowed.at(pos);
    const index = order[pos];
    return {
      index,
      row: table.data[index],
      shown: table.shown?.[index] ?? null,
      styling: table.styling?.[index] ?? null,
    };
  };
  const [editing, setEditing] = useState<[number, number] | null>(null);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const maxHeight = num(props.max_height) ?? 500;
  const wrap = props.wrap === true;
  const body = useRef<HTMLDivElement>(null);
  const [bodyTop, setBodyTop] = useState(0);
  useLayoutEffect(() => {
    const top = body.current?.offsetTop ?? 0;
    if (top !== bodyTop) setBodyTop(top);
  });
  const view = useRowWindow(scroller, count, wrap, bodyTop);
  const first = view.items[0]?.index ?? 0;
  const last = (view.items.at(-1)?.index ?? -1) + 1;
  useEffect(() => windowed?.want(first, last, headers));
  /** Send the table as the user left it: a window's edits, or the whole table. */
  const send = (next: { headers: string[]; data: unknown[][] }) => {
    const value = windowed ? windowValue(next.headers, windowed) : { ...next, metadata: null };
    own.current = value;
    setValue(value);
  };

  const toggleSort = (col: number) => {
    setSort((s) => (!s || s.col !== col ? { col, dir: 1 } : s.dir === 1 ? { col, dir: -1 } : null));
  };
  const commit = (shown: ShownRow, col: number, text: string) => {
    setEditing(null);
    const { index, row } = shown;
    const cell = parseCell(text, datatypes[col]);
    if (cell === row[col]) return;
    const changed = row.slice();
    changed[col] = cell;
    if (windowed) {
      windowed.change(index, changed);
      send({ headers, data: [] });
    } else {
      const data = table.data.slice();
      data[index] = changed;
      send({ headers, data });
    }
    fire("edit", { index: [index, col], value: cell, previous_value: row[col] });
  };
  const rename = (col: number, text: string) => {
    setRenaming(null);
    if (text === headers[col]) return;
    send({ headers: headers.map((h, i) => (i === col ? text : h)), data: table.data });
  };
  const rowCount = windowed ? windowed.rows : table.data.length;
  const addRow = () => {
    const blank = datatypes.map(blankCell);
    windowed?.add(blank);
    send({ headers, data: [...table.data, blank] });
  };
  const addColumn = () => {
    send({ headers: [...headers, String(columns + 1)], data: table.data.map((row) => [...row, ""]) });
  };
  const select = ({ index, row }: ShownRow, col: number) => {
    setSelected([index, col]);
    fire("select", {
      index: [index, col],
      value: row[col],
      row_value: row,
      // A windowed table's column is on the server; the page sends only what it has.
      col_value: windowed ? null : table.data.map((r) => r[col]),
      selected: true,
    });
  };
  const applyFilter = (col: number, filter: ColumnFilter | null) => {
    setFilters((all) => [...all.filter((f) => f.col !== col), ...(filter ? [filter] : [])]);
    setFilterCol(null);
  };
  const template = headers.map((_, i) => width(widths[i]) ?? "minmax(100px, 1fr)").join(" ");
  const rowNumbers = props.show_row_numbers === true;
  const gridColumns = rowNumbers ? `56px ${template}` : template;

  return (
    <div class="dataframe">
      <BlockTitle id={`${inputId}-label`} props={props} />
      {searchable ? (
        <input
          type="search"
          class="df-search"
          placeholder="Search"
          aria-label="Search the table"
          value={query}
          onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
        />
      ) : null}
      {filtering && filterCol !== null && filterCol < columns ? (
        <FilterForm
          key={filterCol}
          col={filterCol}
          header={headers[filterCol]}
          numeric={numeric[filterCol]}
          current={filters.find((f) => f.col === filterCol)}
          apply={(filter) => applyFilter(filterCol, filter)}
          close={() => setFilterCol(null)}
        />
      ) : null}
      {filtering ? (
        <FilterChips
          filters={filters}
          headers={headers}
          remove={(col) => applyFilter(col, null)}
          clear={() => setFilters([])}
        />
      ) : null}
      <div
        ref={scroller}
        class={`df-scroll${wrap ? " wrap" : ""}`}
        style={{ maxHeight: `${maxHeight}px` }}
        role="grid"
        aria-labelledby={`${inputId}-label`}
        aria-rowcount={count + 1}
        aria-colcount={columns}
      >
        <div class="df-row df-head" role="row" style={{ gridTemplateColumns: gridColumns }}>
          {rowNumbers ? <div class="df-cell df-num" role="columnheader" /> : null}
          {headers.map((h, col) => (
            <HeaderCell
              key={col}
              name={h}
              sorted={sort?.col === col ? sort.dir : 0}
              renaming={renaming === col}
              renamable={interactive && !statics.has(col)}
              filtered={filtering ? filters.some((f) => f.col === col) : undefined}
              filterOpen={filterCol === col}
              onSort={() => toggleSort(col)}
              onToggleFilter={() => setFilterCol((open) => (open === col ? null : col))}
              onStartRename={() => setRenaming(col)}
              onRename={(name) => (name === null ? setRenaming(null) : rename(col, name))}
            />
          ))}
        </div>
        <div ref={body} class="df-body" style={{ height: `${view.totalSize}px` }}>
          {view.items.map((item) => {
            const shownRow = rowAt(item.index);
            const place = {
              gridTemplateColumns: gridColumns,
              transform: `translateY(${item.start - bodyTop}px)`,
            };
            return shownRow === null ? (
              <div key={`pending-${item.index}`} role="row" aria-busy="true" class="df-row df-pending" style={place} />
            ) : (
              <div
                key={shownRow.index}
                ref={view.measure}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                class={item.index % 2 ? "df-row df-even" : "df-row"}
                style={place}
              >
                {rowNumbers ? <div class="df-cell df-num">{shownRow.index + 1}</div> : null}
                {headers.map((_, col) => {
                  const row = shownRow.index;
                  const value = shownRow.row[col];
                  const shown = shownRow.shown?.[col] ?? value;
                  const css = shownRow.styling?.[col];
                  const isEditing = editing?.[0] === row && editing[1] === col;
                  const isSelected = selected?.[0] === row && selected[1] === col;
                  return (
                    <div
                      key={col}
                      role="gridcell"
                      class={`df-cell${isSelected ? " selected" : ""}${datatypes[col] === "number" ? " number" : ""}`}
                      onClick={() => select(shownRow, col)}
                      style={typeof css === "string" && css ? css : undefined}
                      onDblClick={() => interactive && !statics.has(col) && setEditing([row, col])}
                    >
                      {isEditing ? (
                        <input
                          class="df-edit"
                          ref={(el) => el?.focus()}
                          defaultValue={str(value)}
                          onBlur={(event) => commit(shownRow, col, (event.currentTarget as HTMLInputElement).value)}
                          onKeyDown={(event) => {
                            if (event.key === "Enter") (event.currentTarget as HTMLInputElement).blur();
                            if (event.key === "Escape") setEditing(null);
                          }}
                        />
                      ) : datatypes[col] === "markdown" || datatypes[col] === "html" ? (
                        <RichCell text={str(shown)} kind={datatypes[col]} />
                      ) : (
                        <Clipped text={str(shown)} max={maxChars} />
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div class="df-footer">
        {interactive && canGrow(props.row_count, props.row_limits, rowCount) ? (
          <button type="button" class="btn btn-secondary btn-sm" onClick={addRow}>
            + Row
          </button>
        ) : null}
        {interactive && canGrow(props.column_count ?? props.col_count, props.column_limits, columns) ? (
          <button type="button" class="btn btn-secondary btn-sm" onClick={addColumn}>
            + Column
          </button>
        ) : null}
        <span class="df-count">
          {windowed && windowed.total === null ? "…" : count.toLocaleString()} rows × {columns} columns
        </span>
      </div>
    </div>
  );
}
