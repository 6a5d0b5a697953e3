// gr.FileExplorer: the files under the app's `root_dir` as a tree. Each folder is listed when
// first opened, by the component's `ls` server function (the server decides what is shown and
// keeps it under `root_dir`); the value is the checked entries, each a list of path segments.

import { useEffect, useState } from "preact/hooks";
import { heightStyle, str, type ComponentProps } from "../block";
import "./file_explorer.css";

interface Entry {
  name: string;
  type: "file" | "folder";
  valid: boolean;
}

type Path = string[];
type Lister = (folder: Path) => Promise<Entry[]>;

const key = (path: Path) => JSON.stringify(path);

function pathsOf(value: unknown): Path[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is Path => Array.isArray(p) && p.every((s) => typeof s === "string"));
}

function entriesOf(answer: unknown): Entry[] {
  return Array.isArray(answer) ? (answer as Entry[]) : [];
}

interface FolderProps {
  folder: Path;
  list: Lister;
  /** Bumped when the server-side listing may have changed (a new `root_dir` or glob). */
  generation: string;
  checked: Set<string>;
  interactive: boolean;
  toggle: (path: Path, on: boolean) => void;
}

function Folder({ folder, list, generation, checked, interactive, toggle }: FolderProps) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  useEffect(() => {
    let live = true;
    list(folder).then(
      (found) => live && setEntries(found),
      () => live && setEntries([]),
    );
    return () => {
      live = false;
    };
  }, [generation, key(folder)]);
  if (entries === null) return <div class="fileexplorer-loading">Loading…</div>;
  if (!entries.length && !folder.length) return <div class="fileexplorer-empty">No files</div>;
  return (
    <ul class="fileexplorer-list" role={folder.length ? "group" : "tree"}>
      {entries.map((entry) => {
        const path = [...folder, entry.name];
        const isOpen = open.has(entry.name);
        const flip = () => {
          const next = new Set(open);
          if (isOpen) next.delete(entry.name);
          else next.add(entry.name);
          setOpen(next);
        };
        return (
          <li key={entry.name} role="treeitem" aria-expanded={entry.type === "folder" ? isOpen : undefined}>
            <span class="fileexplorer-row">
              {entry.type === "folder" ? (
                <button type="button" class="fileexplorer-toggle" aria-label={`Open ${entry.name}`} onClick={flip}>
                  {isOpen ? "▾" : "▸"}
                </button>
              ) : (
                <span class="fileexplorer-toggle" />
              )}
              {entry.valid ? (
                <input
                  type="checkbox"
                  aria-label={`Select ${entry.name}`}
                  checked={checked.has(key(path))}
                  disabled={!interactive}
                  onChange={(event) => toggle(path, (event.currentTarget as HTMLInputElement).checked)}
                />
              ) : null}
              <span class={`fileexplorer-name fileexplorer-${entry.type}`}>{entry.name}</span>
            </span>
            {entry.type === "folder" && isOpen ? (
              <Folder
                folder={path}
                list={list}
                generation={generation}
                checked={checked}
                interactive={interactive}
                toggle={toggle}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function FileExplorer({ props, interactive, setValue, fire, callServer }: ComponentProps) {
  const selected = pathsOf(props.value);
  const checked = new Set(selected.map(key));
  const single = props.file_count === "single";
  const list: Lister = async (folder) => (callServer ? entriesOf(await callServer("ls", folder)) : []);
  const generation = key([str(props.root_dir), str(props.glob), str(props.ignore_glob)]);
  const toggle = (path: Path, on: boolean) => {
    const others = single ? [] : selected.filter((p) => key(p) !== key(path));
    setValue(on ? [...others, path] : others);
    fire("select", { value: path.join("/"), index: null, selected: on });
  };
  return (
    <div class="fileexplorer">
      <span class={props.show_label === false ? "sr-only" : "field-label"}>{str(props.label, "File Explorer")}</span>
      <div class="fileexplorer-tree" style={heightStyle(props)}>
        <Folder
          folder={[]}
          list={list}
          generation={generation}
          checked={checked}
          interactive={interactive}
          toggle={toggle}
        />
      </div>
    </div>
  );
}
