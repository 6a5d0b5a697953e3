// Streaming outputs after the first `process_generating` arrive as edit lists (docs/protocol.md §4.3).
// Each edit is `[action, path, value]`; this module applies them without mutating its input,
// so every changed container is a new object and signals see the change.

export type PathKey = string | number;
export type EditAction = "replace" | "append" | "add" | "delete";
export type Edit = [action: EditAction, path: PathKey[], value: unknown];

type Container = Record<PathKey, unknown> | unknown[];

function isContainer(node: unknown): node is Container {
  return typeof node === "object" && node !== null;
}

function shallowCopy(node: Container): Container {
  return Array.isArray(node) ? node.slice() : { ...node };
}

/** Return `root` with the node at `path` replaced by `fn(node)`, copying every container on the way. */
function updateIn(root: unknown, path: PathKey[], fn: (node: unknown) => unknown, depth = 0): unknown {
  if (depth === path.length) return fn(root);
  if (!isContainer(root)) return root; // the path does not exist: leave the value alone
  const copy = shallowCopy(root) as Record<PathKey, unknown>;
  const key = path[depth];
  copy[key] = updateIn(copy[key], path, fn, depth + 1);
  return copy;
}

function append(target: unknown, value: unknown): unknown {
  if (typeof target === "string" && typeof value === "string") return target + value;
  if (Array.isArray(target)) return target.concat(Array.isArray(value) ? value : [value]);
  return value;
}

function addChild(parent: unknown, key: PathKey, value: unknown): unknown {
  if (Array.isArray(parent)) {
    const copy = parent.slice();
    copy.splice(Number(key), 0, value);
    return copy;
  }
  if (isContainer(parent)) return { ...parent, [key]: value };
  return parent;
}

function deleteChild(parent: unknown, key: PathKey): unknown {
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (index < 0 || index >= parent.length) return parent;
    const copy = parent.slice();
    copy.splice(index, 1);
    return copy;
  }
  if (isContainer(parent)) {
    const copy: Record<PathKey, unknown> = { ...parent };
    delete copy[key];
    return copy;
  }
  return parent;
}

/** Apply one edit to `value` and return the new value. */
export function applyEdit(value: unknown, [action, path, arg]: Edit): unknown {
  if (action === "replace") return updateIn(value, path, () => arg);
  if (action === "append") return updateIn(value, path, (node) => append(node, arg));
  if (path.length === 0) return value; // add/delete need a parent
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  if (action === "add") return updateIn(value, parentPath, (parent) => addChild(parent, key, arg));
  if (action === "delete") return updateIn(value, parentPath, (parent) => deleteChild(parent, key));
  return value;
}

function isListDelete(edit: Edit): boolean {
  return edit[0] === "delete" && typeof edit[1][edit[1].length - 1] === "number";
}

function sameParent(a: PathKey[], b: PathKey[]): boolean {
  return a.length === b.length && a.slice(0, -1).every((key, i) => key === b[i]);
}

/**
 * Deletes of trailing list items are listed by ascending index, each meant against the original
 * list. Applied one by one that would remove the wrong items, so a run of deletes under the same
 * parent is applied from the highest index down.
 */
function orderDeletes(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let i = 0;
  while (i < edits.length) {
    let j = i + 1;
    if (isListDelete(edits[i])) {
      while (j < edits.length && isListDelete(edits[j]) && sameParent(edits[i][1], edits[j][1])) j++;
      const run = edits.slice(i, j);
      run.sort((a, b) => Number(b[1][b[1].length - 1]) - Number(a[1][a[1].length - 1]));
      out.push(...run);
    } else {
      out.push(edits[i]);
    }
    i = j;
  }
  return out;
}

/** Apply a list of edits in order. An empty list leaves the value unchanged. */
export function applyEdits(value: unknown, edits: Edit[]): unknown {
  return orderDeletes(edits).reduce(applyEdit, value);
}

/** Apply one edit list per output to the previous output values. */
export function applyOutputDiffs(previous: unknown[], diffs: unknown[]): unknown[] {
  return diffs.map((edits, i) => (Array.isArray(edits) ? applyEdits(previous[i], edits as Edit[]) : previous[i]));
}
