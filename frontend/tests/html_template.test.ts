import { beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, loadHandlebars, renderHandlebars } from "../src/components/html_handlebars";
import { literalBody, patchHtml, renderTemplate, scopeCss } from "../src/components/html_template";

describe("gr.HTML templates before the Handlebars library has arrived", () => {
  it("fill JavaScript alone and wait for the library only where a tag is", () => {
    expect(renderTemplate("<b>${value}</b>", { value: "{{x}}" })).toBe("<b>{{x}}</b>");
    expect(renderTemplate("<b>{{value}}</b>", { value: 1 })).toBeNull();
  });
});

describe("gr.HTML templates", () => {
  beforeAll(loadHandlebars);

  it("fills ${} expressions with the value and props", () => {
    const html = renderTemplate(
      "<h1>${value} (${value.length})</h1>${Array.from({length: n}, (_, i) => `<b>${i}</b>`).join('')}",
      {
        value: "John",
        n: 2,
      },
    );
    expect(html).toBe("<h1>John (4)</h1><b>0</b><b>1</b>");
  });

  it("leaves backticks and backslashes outside expressions as text", () => {
    expect(literalBody("a`b\\c${`x`}")).toBe("a\\`b\\\\c${`x`}");
    expect(renderTemplate("`code` \\n ${value}", { value: 1 })).toBe("`code` \\n 1");
  });

  it("exposes props by name and as props", () => {
    expect(renderTemplate("${props.size}-${size}", { size: 3 })).toBe("3-3");
  });

  it("runs Handlebars loops and conditionals after the JavaScript", () => {
    const template = "{{#each value}}<li>{{@index}}:{{this}}</li>{{else}}none{{/each}}{{#if ok}}Y{{else}}N{{/if}}";
    expect(renderTemplate(template, { value: ["a", "<b>"], ok: false })).toBe("<li>0:a</li><li>1:&lt;b&gt;</li>N");
    expect(renderTemplate(template, { value: [], ok: true })).toBe("noneY");
    expect(
      renderHandlebars("{{#each items}}{{name}}/{{../title}} {{/each}}", { title: "T", items: [{ name: "x" }] }),
    ).toBe("x/T ");
    expect(renderHandlebars("{{{raw}}}{{!comment}}{{#unless no}}u{{/unless}}", { raw: "<i>", no: 0 })).toBe("<i>u");
  });

  it("never reaches code or prototypes from Handlebars tags", () => {
    expect(renderHandlebars("{{constructor}}{{value.constructor}}{{__proto__}}", { value: "x" })).toBe("");
  });

  it("does not run text from a value as template code", () => {
    expect(renderTemplate("<p>${value}</p>", { value: "${alert(1)}" })).toBe("<p>${alert(1)}</p>");
  });

  it("escapes the characters that break out of markup", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>\``)).toBe(
      "&lt;a href&#x3D;&quot;x&quot; onclick&#x3D;&#x27;y&#x27;&gt;&#x60;",
    );
  });

  it("reports an unclosed block", () => {
    expect(() => renderHandlebars("{{#each x}}", { x: [] })).toThrow(/Parse error/);
  });

  it("fills only the template's own tags, never ones in the text that expressions give", () => {
    const scope = { value: "{{secret}} \\", secret: "s" };
    expect(renderTemplate("${value}{{secret}}|{{{value}}}", scope)).toBe("{{secret}} \\s|{{secret}} \\");
  });

  it("has the library's helpers: else if, lookup, block parameters and whitespace control", () => {
    const template =
      "{{#each items as |item i|}}{{i}}={{lookup ../names item}} {{~/each}}{{#if a}}A{{else if b}}B{{/if}}";
    expect(renderTemplate(template, { items: ["x"], names: { x: "ex" }, a: false, b: true })).toBe("0=exB");
  });
});

describe("scoped CSS", () => {
  it("nests the rules under the component's class", () => {
    expect(scopeCss("color: red; img { height: 5px; }", "s1")).toBe(".s1 {\ncolor: red; img { height: 5px; }\n\n}");
    expect(scopeCss("  ", "s1")).toBe("");
  });

  it("drops CSS that would close the scope early", () => {
    expect(scopeCss("} body { display: none", "s1")).toBe("");
  });
});

describe("patchHtml", () => {
  it("keeps unchanged elements (and their listeners) when redrawing", () => {
    const root = document.createElement("div");
    patchHtml(root, "<button class='a'>1</button><p>x</p>");
    const button = root.querySelector("button");
    patchHtml(root, "<button class='a b'>2</button><p>y</p><i></i>");
    expect(root.querySelector("button")).toBe(button);
    expect(root.innerHTML).toBe('<button class="a b">2</button><p>y</p><i></i>');
    patchHtml(root, "<span>z</span>");
    expect(root.innerHTML).toBe("<span>z</span>");
  });

  it("moves elements with an id instead of rewriting every row after an insertion", () => {
    const root = document.createElement("div");
    const rows = (ids: string[]): string => `<ul>${ids.map((id) => `<li id="${id}">${id}</li>`).join("")}</ul>`;
    patchHtml(root, rows(["r1", "r2"]));
    const first = root.querySelector("#r1");
    patchHtml(root, rows(["r0", "r1", "r2"]));
    expect(root.querySelector("#r1")).toBe(first);
    expect(root.textContent).toBe("r0r1r2");
  });

  it("keeps table rows written at the top of the template", () => {
    const root = document.createElement("tbody");
    patchHtml(root, "<tr><td>1</td></tr>");
    expect(root.innerHTML).toBe("<tr><td>1</td></tr>");
  });
});
