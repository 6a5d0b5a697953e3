import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ComponentProps } from "../src/block";
import Button from "../src/components/button";
import Checkbox from "../src/components/checkbox";
import Dropdown from "../src/components/dropdown";
import Json from "../src/components/json_component";
import Label from "../src/components/label";
import Markdown from "../src/components/markdown";
import Radio from "../src/components/radio";
import Slider from "../src/components/slider";
import Textbox from "../src/components/textbox";

let host: HTMLElement;
let calls: { setValue: unknown[]; fired: [string, unknown][] };

beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
  calls = { setValue: [], fired: [] };
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function propsFor(type: string, props: Record<string, unknown>, interactive = true): ComponentProps {
  return {
    id: 7,
    type,
    inputId: "input-7",
    props: { visible: true, ...props },
    interactive,
    setValue: (value) => calls.setValue.push(value),
    fire: (event, data) => calls.fired.push([event, data]),
  };
}

function mount(vnode: preact.VNode): void {
  act(() => render(vnode, host));
}

function type(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  el.value = text;
  act(() => void el.dispatchEvent(new Event("input", { bubbles: true })));
}

function key(el: Element, name: string, init: KeyboardEventInit = {}): void {
  act(() => void el.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, ...init })));
}

describe("textbox", () => {
  it("ties its label to the input and shows the value", () => {
    mount(<Textbox {...propsFor("textbox", { label: "Name", value: "Ada", placeholder: "Your name" })} />);
    const label = host.querySelector("label")!;
    const input = host.querySelector("input")!;
    expect(label.textContent).toBe("Name");
    expect(label.getAttribute("for")).toBe(input.id);
    expect(input.value).toBe("Ada");
    expect(input.placeholder).toBe("Your name");
  });

  it("reports edits and submits on Enter when it has one line", () => {
    mount(<Textbox {...propsFor("textbox", { label: "Name", value: "" })} />);
    const input = host.querySelector("input")!;
    type(input, "Bob");
    key(input, "Enter");
    expect(calls.setValue).toEqual(["Bob"]);
    expect(calls.fired.map(([event]) => event)).toContain("submit");
  });

  it("adds lines on Enter when multi-line", () => {
    mount(<Textbox {...propsFor("textbox", { label: "Text", lines: 3, value: "" })} />);
    const area = host.querySelector("textarea")!;
    key(area, "Enter");
    key(area, "Enter", { shiftKey: true });
    expect(calls.fired.map(([event]) => event)).not.toContain("submit");
    key(area, "Enter", { ctrlKey: true });
    expect(calls.fired.map(([event]) => event)).toContain("submit");
  });

  it("is read-only when not interactive, and keeps a hidden label", () => {
    mount(<Textbox {...propsFor("textbox", { label: "Out", show_label: false, type: "password" }, false)} />);
    const input = host.querySelector("input")!;
    expect(input.readOnly).toBe(true);
    expect(input.type).toBe("password");
    expect(host.querySelector("label")!.className).toBe("sr-only");
  });
});

describe("textbox html_attributes", () => {
  it("sets the attributes given on the input", () => {
    mount(
      <Textbox {...propsFor("textbox", { html_attributes: { spellcheck: false, autocorrect: "off", lang: null } })} />,
    );
    const input = host.querySelector("input")!;
    expect(input.getAttribute("autocorrect")).toBe("off");
    expect(input.getAttribute("spellcheck")).toBe("false");
    expect(input.hasAttribute("lang")).toBe(false);
  });
});

describe("button", () => {
  it("shows its value and fires click", () => {
    mount(<Button {...propsFor("button", { value: "Submit", variant: "primary" })} />);
    const button = host.querySelector("button")!;
    expect(button.textContent).toBe("Submit");
    expect(button.className).toContain("btn-primary");
    act(() => button.click());
    expect(calls.fired).toEqual([["click", undefined]]);
  });

  it("is disabled only by interactive: false", () => {
    mount(<Button {...propsFor("button", { value: "x", interactive: false })} />);
    expect(host.querySelector("button")!.disabled).toBe(true);
  });
});

describe("checkbox, radio, slider", () => {
  it("checkbox reports its state", () => {
    mount(<Checkbox {...propsFor("checkbox", { label: "Agree", value: false })} />);
    const box = host.querySelector<HTMLInputElement>("input[type=checkbox]")!;
    expect(host.querySelector(`label[for="${box.id}"]`)).not.toBeNull();
    box.checked = true;
    act(() => void box.dispatchEvent(new Event("change", { bubbles: true })));
    expect(calls.setValue).toEqual([true]);
  });

  it("radio labels every choice and reports the chosen value", () => {
    mount(
      <Radio
        {...propsFor("radio", {
          label: "Pick",
          choices: [
            ["One", 1],
            ["Two", 2],
          ],
          value: 1,
        })}
      />,
    );
    const radios = host.querySelectorAll<HTMLInputElement>("input[type=radio]");
    expect(radios).toHaveLength(2);
    expect(radios[0].checked).toBe(true);
    expect(host.querySelector(`label[for="${radios[1].id}"]`)!.textContent).toBe("Two");
    act(() => void radios[1].dispatchEvent(new Event("change", { bubbles: true })));
    expect(calls.setValue).toEqual([2]);
    expect(calls.fired).toContainEqual(["select", { value: 2, index: 1, selected: true }]);
  });

  it("slider reports drags and release", () => {
    mount(<Slider {...propsFor("slider", { label: "Level", minimum: 0, maximum: 10, step: 1, value: 3 })} />);
    const range = host.querySelector<HTMLInputElement>("input[type=range]")!;
    expect(host.querySelector(`label[for="${range.id}"]`)).not.toBeNull();
    type(range, "7");
    act(() => void range.dispatchEvent(new Event("change", { bubbles: true })));
    expect(calls.setValue).toEqual([7]);
    expect(calls.fired).toContainEqual(["release", 7]);
  });
});

describe("dropdown", () => {
  const choices = [
    ["Apple", "apple"],
    ["Banana", "banana"],
    ["Cherry", "cherry"],
  ];

  it("filters as you type and picks with the keyboard", () => {
    mount(<Dropdown {...propsFor("dropdown", { label: "Fruit", choices, value: "apple" })} />);
    const input = host.querySelector<HTMLInputElement>("input[role=combobox]")!;
    expect(input.value).toBe("Apple");
    expect(host.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    type(input, "an");
    const options = host.querySelectorAll("[role=option]");
    expect(Array.from(options, (o) => o.textContent)).toEqual(["Banana"]);
    key(input, "Enter");
    expect(calls.setValue).toEqual(["banana"]);
    expect(calls.fired).toContainEqual(["select", { value: "banana", index: 1, selected: true }]);
  });

  it("multiselect adds and removes values", () => {
    mount(<Dropdown {...propsFor("dropdown", { label: "Fruit", choices, value: ["apple"], multiselect: true })} />);
    const input = host.querySelector<HTMLInputElement>("input[role=combobox]")!;
    key(input, "ArrowDown");
    key(input, "ArrowDown");
    key(input, "Enter");
    expect(calls.setValue).toEqual([["apple", "banana"]]);
    act(() => host.querySelector<HTMLButtonElement>("button[aria-label='Remove Apple']")!.click());
    expect(calls.setValue[1]).toEqual([]);
  });

  it("accepts a custom value when allowed", () => {
    mount(<Dropdown {...propsFor("dropdown", { label: "Fruit", choices, value: null, allow_custom_value: true })} />);
    const input = host.querySelector<HTMLInputElement>("input[role=combobox]")!;
    type(input, "Durian");
    key(input, "Escape");
    type(input, "Durian");
    act(() => void input.dispatchEvent(new FocusEvent("blur")));
    expect(calls.setValue).toEqual(["Durian"]);
  });

  it("fires key_up with the key and the text typed so far", () => {
    mount(<Dropdown {...propsFor("dropdown", { label: "Fruit", choices, value: null, allow_custom_value: true })} />);
    const input = host.querySelector<HTMLInputElement>("input[role=combobox]")!;
    type(input, "Du");
    act(() => void input.dispatchEvent(new KeyboardEvent("keyup", { key: "u", bubbles: true })));
    expect(calls.fired).toContainEqual(["key_up", { key: "u", input_value: "Du" }]);
  });
});

describe("output displays", () => {
  it("markdown with buttons=['copy'] fires copy with its text", () => {
    mount(<Markdown {...propsFor("markdown", { value: "Some *text*", buttons: ["copy"] })} />);
    act(() => host.querySelector<HTMLButtonElement>("button[aria-label='Copy']")!.click());
    expect(calls.fired).toContainEqual(["copy", { value: "Some *text*" }]);
    mount(<Markdown {...propsFor("markdown", { value: "plain" })} />);
    expect(host.querySelector("button")).toBeNull();
  });

  it("json shows a collapsible tree", () => {
    mount(<Json {...propsFor("json", { label: "Data", value: { a: [1, 2], b: { c: null } } })} />);
    expect(host.querySelectorAll("details").length).toBeGreaterThan(1);
    expect(host.textContent).toContain('"a": ');
    expect(host.querySelector(".json-null")!.textContent).toBe("null");
  });

  it("label shows the top class and one bar per confidence, best first", () => {
    const value = {
      label: "cat",
      confidences: [
        { label: "dog", confidence: 0.2 },
        { label: "cat", confidence: 0.8 },
      ],
    };
    mount(<Label {...propsFor("label", { label: "Prediction", value })} />);
    expect(host.querySelector(".label-top")!.textContent).toBe("cat");
    const rows = host.querySelectorAll(".confidence-text");
    expect(Array.from(rows, (r) => r.textContent)).toEqual(["cat80%", "dog20%"]);
  });
});
