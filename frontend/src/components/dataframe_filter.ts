// Per-column filters of a Dataframe with `show_search="filter"`: each column may hold one
// condition, and a row is shown when it meets all of them. Text columns offer contains, does
// not contain, starts with, ends with, is, is not, is empty and is not empty (case-sensitive,
// as in Gradio); number columns =, ≠, >, <, ≥, ≤, is empty and is not empty. Pure, so it is
// unit-tested, and quick enough to run over 100,000 rows on every change.

export type TextOp = "contains" | "not_contains" | "starts_with" | "ends_with" | "is" | "is_not";
export type NumberOp = "=" | "≠" | ">" | "<" | "≥" | "≤";
export type FilterOp = TextOp | NumberOp | "empty" | "not_empty";

export interface ColumnFilter {
  col: number;
  op: FilterOp;
  value: string;
}

const NUMBER_OPS = new Set<string>(["=", "≠", ">", "<", "≥", "≤"]);

function isNumberOp(op: FilterOp): op is NumberOp {
  return NUMBER_OPS.has(op);
}

/** The operators a column offers, with their labels, by whether it holds numbers. */
export function operators(numeric: boolean): [FilterOp, string][] {
  const own: [FilterOp, string][] = numeric
    ? [
        ["=", "="],
        ["≠", "≠"],
        [">", ">"],
        ["<", "<"],
        ["≥", "≥"],
        ["≤", "≤"],
      ]
    : [
        ["contains", "contains"],
        ["not_contains", "does not contain"],
        ["starts_with", "starts with"],
        ["ends_with", "ends with"],
        ["is", "is"],
        ["is_not", "is not"],
      ];
  return [...own, ["empty", "is empty"], ["not_empty", "is not empty"]];
}

/** Whether an operator needs a value typed next to it. */
export function takesValue(op: FilterOp): boolean {
  return op !== "empty" && op !== "not_empty";
}

function isEmpty(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "" || (typeof cell === "number" && Number.isNaN(cell));
}

function asNumber(cell: unknown): number {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string" && cell.trim() !== "") return Number(cell);
  return NaN;
}

function text(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

type Test = (cell: unknown) => boolean;

function numberTest(op: NumberOp, wanted: number): Test {
  if (Number.isNaN(wanted)) return () => false;
  const n = (cell: unknown) => asNumber(cell);
  switch (op) {
    case "=":
      return (c) => n(c) === wanted;
    case "≠":
      return (c) => !(n(c) === wanted);
    case ">":
      return (c) => n(c) > wanted;
    case "<":
      return (c) => n(c) < wanted;
    case "≥":
      return (c) => n(c) >= wanted;
    case "≤":
      return (c) => n(c) <= wanted;
  }
}

function textTest(op: TextOp, wanted: string): Test {
  switch (op) {
    case "contains":
      return (c) => text(c).includes(wanted);
    case "not_contains":
      return (c) => !text(c).includes(wanted);
    case "starts_with":
      return (c) => text(c).startsWith(wanted);
    case "ends_with":
      return (c) => text(c).endsWith(wanted);
    case "is":
      return (c) => text(c) === wanted;
    case "is_not":
      return (c) => text(c) !== wanted;
  }
}

/** One filter as a test of a cell. */
export function cellTest(filter: ColumnFilter): Test {
  const { op, value } = filter;
  if (op === "empty") return isEmpty;
  if (op === "not_empty") return (c) => !isEmpty(c);
  if (isNumberOp(op)) return numberTest(op, value.trim() === "" ? NaN : Number(value));
  return textTest(op, value);
}

/** A test of a whole row: every filter holds (no filters: every row). */
export function rowTest(filters: ColumnFilter[]): (row: unknown[]) => boolean {
  const tests = filters.map((f) => ({ col: f.col, test: cellTest(f) }));
  return (row) => tests.every(({ col, test }) => test(row[col]));
}

/** A short description of a filter, for its chip: `price > 3`, `name contains "ap"`. */
export function describe(filter: ColumnFilter, header: string): string {
  const numeric = isNumberOp(filter.op);
  const label = operators(numeric).find(([op]) => op === filter.op)?.[1] ?? filter.op;
  if (!takesValue(filter.op)) return `${header} ${label}`;
  return `${header} ${label} ${numeric ? filter.value : JSON.stringify(filter.value)}`;
}
