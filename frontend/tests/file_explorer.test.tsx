import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ComponentProps } from "../src/block";
import FileExplorer from "../src/components/file_explorer";
import { settle } from "./fakes";

let host: HTMLElement;
let values: unknown[];
let fired: [string, unknown][];
let listed: unknown[];

const LISTINGS: Record<string, unknown> = {
  "[]": [
    { name: "docs", type: "folder", valid: true },
    { name: "a.txt", type: "file", valid: true },
  ],
  '["docs"]': [{ name: "b.md", type: "file", valid: true }],
};

beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  values = [];
  fired = [];
  listed = [];
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function explorer(props: Record<string, unknown>): ComponentProps {
  return {
    id: 3,
    type: "fileexplorer",
    inputId: "input-3",
    props: { visible: true, root_dir: "/srv", glob: "**/*", ...props },
    interactive: true,
    setValue: (value) => values.push(value),
    fire: (event, data) => fired.push([event, data]),
    callServer: async (fnName, data) => {
      listed.push([fnName, data]);
      return LISTINGS[JSON.stringify(data)] ?? [];
    },
  };
}

async function mount(props: ComponentProps): Promise<void> {
  act(() => render(<FileExplorer {...props} />, host));
  await act(settle);
}

describe("fileexplorer", () => {
  it("lists the root through ls and shows the checked files", async () => {
    await mount(explorer({ value: [["a.txt"]] }));
    expect(listed).toEqual([["ls", []]]);
    const names = [...host.querySelectorAll(".fileexplorer-name")].map((n) => n.textContent);
    expect(names).toEqual(["docs", "a.txt"]);
    const box = host.querySelector<HTMLInputElement>('input[aria-label="Select a.txt"]')!;
    expect(box.checked).toBe(true);
  });

  it("opens a folder by listing it, and checking adds to the value", async () => {
    await mount(explorer({ value: [["a.txt"]] }));
    act(() => host.querySelector<HTMLButtonElement>('button[aria-label="Open docs"]')!.click());
    await act(settle);
    expect(listed).toEqual([
      ["ls", []],
      ["ls", ["docs"]],
    ]);
    act(() => host.querySelector<HTMLInputElement>('input[aria-label="Select b.md"]')!.click());
    expect(values).toEqual([[["a.txt"], ["docs", "b.md"]]]);
    expect(fired).toEqual([["select", { value: "docs/b.md", index: null, selected: true }]]);
  });

  it("keeps one file for file_count single", async () => {
    await mount(explorer({ value: [["a.txt"]], file_count: "single" }));
    act(() => host.querySelector<HTMLInputElement>('input[aria-label="Select docs"]')!.click());
    expect(values).toEqual([[["docs"]]]);
  });
});
