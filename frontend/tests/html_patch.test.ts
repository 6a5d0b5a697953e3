// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom ties an option's `selected` attribute to its property, so it
// cannot show a user's choice surviving a redraw as a browser does.
import { describe, expect, it } from "vitest";
import { patchHtml } from "../src/components/html_template";

describe("patchHtml and form fields", () => {
  it("keeps what the user typed unless the template changes that field's default", () => {
    const root = document.createElement("div");
    document.body.appendChild(root);
    const form = (cls: string, value: string, text: string): string =>
      `<input class="${cls}" value="${value}"><input type="checkbox"><textarea class="${cls}">${text}</textarea>` +
      `<select class="${cls}"><option>a</option><option>b</option><option>c</option></select>`;
    patchHtml(root, form("x", "v1", "t1"));
    const [input, box] = Array.from(root.querySelectorAll("input"));
    const area = root.querySelector("textarea") as HTMLTextAreaElement;
    const select = root.querySelector("select") as HTMLSelectElement;
    (input as HTMLInputElement).value = "typed";
    (box as HTMLInputElement).checked = true;
    area.value = "typed text";
    select.value = "b";
    (input as HTMLInputElement).focus();
    patchHtml(root, form("y", "v1", "t1"));
    patchHtml(root, form("z", "v1", "t1"));
    expect(root.querySelector("input")).toBe(input);
    expect(document.activeElement).toBe(input);
    expect([(input as HTMLInputElement).value, (box as HTMLInputElement).checked, area.value, select.value]).toEqual([
      "typed",
      true,
      "typed text",
      "b",
    ]);
    expect(input?.className).toBe("z");
    patchHtml(root, form("z", "v2", "t2"));
    expect([(input as HTMLInputElement).value, area.value]).toEqual(["v2", "t2"]);
    patchHtml(root, form("z", "v2", "t2").replace("<option>c", "<option selected>c"));
    expect(select.value).toBe("c");
  });
});
