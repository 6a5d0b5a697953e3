// The rows of a big Dataframe that the server sends a window at a time (`window` in its value,
// docs/protocol.md §8.5): the pages fetched so far in the current order (sort, search,
// filters, all done on the server), and the rows the user changed or added, by their number in
// the whole table. The value the table sends back as an input is `windowValue`: the headers and
// those rows, which the server applies to the table it holds. Pure apart from the `load`
// function it is given, so it is unit-tested.

import type { ColumnFilter } from "./dataframe_filter";

export const PAGE_ROWS = 200;

/** The order the page shows rows in; the server applies it. */
export interface RowView {
  sort: [number, 1 | -1] | null;
  query: string;
  filters: ColumnFilter[];
}

/** What the `rows` server function answers. */
export interface RowsAnswer {
  total: number;
  start: number;
  index: number[];
  data: unknown[][];
  metadata: { display_value?: unknown[][] | null; styling?: unknown[][] | null } | null;
}

/** What the `rows` server function is asked. */
export interface RowsRequest extends RowView {
  start: number;
  count: number;
  headers: string[];
  window: WindowEdits;
}

export interface WindowEdits {
  rows: number;
  changed: Record<string, unknown[]>;
}

export interface ShownRow {
  /** The row's number in the whole table (what select and edit events name). */
  index: number;
  row: unknown[];
  shown: unknown[] | null;
  styling: unknown[] | null;
}

interface Page {
  index: number[];
  data: unknown[][];
  shown: unknown[][] | null;
  styling: unknown[][] | null;
}

export type RowLoader = (request: RowsRequest) => Promise<RowsAnswer>;

const NO_VIEW: RowView = { sort: null, query: "", filters: [] };

function isPlain(view: RowView): boolean {
  return view.sort === null && view.query.trim() === "" && view.filters.length === 0;
}

export class WindowedRows {
  /** Rows in the current order (null while the first page of a new order is on its way). */
  total: number | null;
  /** Rows in the whole table, those the user added included. */
  rows: number;
  /** Names the order the rows are in, for the view that set it (null: the table's own). */
  viewKey: string | null = null;
  private readonly first: unknown[][];
  private readonly changed = new Map<number, unknown[]>();
  private pages = new Map<number, Page>();
  private pending = new Set<number>();
  /** Pages holding fewer rows than they will: the short first window. */
  private partial = new Set<number>();
  private view: RowView = NO_VIEW;
  private generation = 0;

  constructor(
    first: {
      data: unknown[][];
      rows: number;
      shown?: unknown[][] | null;
      styling?: unknown[][] | null;
      /** Edits the value carries already (a table drawn again from its own value). */
      changed?: Record<string, unknown[]>;
    },
    private readonly load: RowLoader,
    private readonly onChange: () => void,
  ) {
    this.rows = first.rows;
    this.total = first.rows;
    this.first = first.data;
    for (const [index, row] of Object.entries(first.changed ?? {})) this.changed.set(Number(index), row);
    const index = first.data.map((_, i) => i);
    this.seed(0, { index, data: first.data, shown: first.shown ?? null, styling: first.styling ?? null });
  }

  /** The first window as whole pages (its rows past the last whole page are fetched again). */
  private seed(start: number, page: Page): void {
    for (let at = 0; at + PAGE_ROWS <= page.index.length; at += PAGE_ROWS) {
      this.pages.set((start + at) / PAGE_ROWS, slicePage(page, at, at + PAGE_ROWS));
    }
    if (page.index.length < PAGE_ROWS && page.index.length > 0) {
      // A short first window: use it until its page arrives whole.
      this.pages.set(start / PAGE_ROWS, page);
      if (page.index.length < Math.min(PAGE_ROWS, this.rows)) this.partial.add(start / PAGE_ROWS);
    }
  }

  /** The rows of the first window, to tell a column's kind by. */
  sample(): unknown[][] {
    return this.first;
  }

  /** The row shown at position `pos` of the current order, or null until its page arrives. */
  at(pos: number): ShownRow | null {
    const page = this.pages.get(Math.floor(pos / PAGE_ROWS));
    const offset = pos % PAGE_ROWS;
    if (!page || offset >= page.index.length) return null;
    const index = page.index[offset];
    const row = this.changed.get(index) ?? page.data[offset];
    return {
      index,
      row,
      shown: this.changed.has(index) ? null : (page.shown?.[offset] ?? null),
      styling: page.styling?.[offset] ?? null,
    };
  }

  /** Fetch the pages that rows `first` to `last` (exclusive) lie on and are not loaded. */
  want(first: number, last: number, headers: string[]): void {
    const end = Math.max(first, Math.min(last, this.total ?? last));
    for (let page = Math.floor(first / PAGE_ROWS); page * PAGE_ROWS < Math.max(end, first + 1); page++) {
      if ((this.pages.has(page) && !this.partial.has(page)) || this.pending.has(page)) continue;
      this.fetch(page, headers);
    }
  }

  private fetch(page: number, headers: string[]): void {
    const generation = this.generation;
    this.pending.add(page);
    const request = { ...this.view, start: page * PAGE_ROWS, count: PAGE_ROWS, headers, window: this.edits() };
    this.load(request).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.pending.delete(page);
        this.partial.delete(page);
        this.total = answer.total;
        this.pages.set(page, {
          index: answer.index,
          data: answer.data,
          shown: answer.metadata?.display_value ?? null,
          styling: answer.metadata?.styling ?? null,
        });
        this.onChange();
      },
      () => {
        if (generation === this.generation) this.pending.delete(page);
      },
    );
  }

  /** Show rows in another order: what was fetched is dropped and fetched again. */
  setView(view: RowView): void {
    this.view = view;
    this.reset();
    this.total = isPlain(view) ? this.rows : null;
  }

  private reset(): void {
    this.generation++;
    this.pages = new Map();
    this.pending = new Set();
    this.partial = new Set();
  }

  /** The user changed row `index` (of the whole table) to `row`. */
  change(index: number, row: unknown[]): void {
    this.changed.set(index, row);
  }

  /** The user added a row at the end; the current order is fetched again to place it. */
  add(row: unknown[]): void {
    this.changed.set(this.rows, row);
    this.rows += 1;
    this.reset();
    if (isPlain(this.view)) this.total = this.rows;
  }

  /** Every row of the whole table that the user changed or added, as the server takes them. */
  edits(): WindowEdits {
    return { rows: this.rows, changed: Object.fromEntries(this.changed) };
  }
}

function slicePage(page: Page, from: number, to: number): Page {
  return {
    index: page.index.slice(from, to),
    data: page.data.slice(from, to),
    shown: page.shown?.slice(from, to) ?? null,
    styling: page.styling?.slice(from, to) ?? null,
  };
}

/** The value a windowed table sends as its input: headers and the user's rows, no data. */
export function windowValue(headers: string[], rows: WindowedRows): Record<string, unknown> {
  return { headers, data: [], metadata: null, window: rows.edits() };
}
