import { describe, expect, it } from "vitest";
import { protectMath, restoreMath } from "../src/components/markdown_math";
import { renderMarkdown } from "../src/components/markdown_full";

const DELIMS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
  { left: "\\(", right: "\\)", display: false },
];

describe("markdown math", () => {
  it("keeps math away from the markdown parser", () => {
    const { html, hasMath } = renderMarkdown("Area: $a*b*c$ and \\(x_1\\)", false, true, DELIMS);
    expect(hasMath).toBe(true);
    expect(html).toContain("$a*b*c$");
    expect(html).toContain("\\(x_1\\)");
    expect(html).not.toContain("<em>");
  });

  it("leaves code alone", () => {
    const { spans } = protectMath("`$x$` and\n```\n$y$\n```\n", DELIMS);
    expect(spans).toEqual([]);
  });

  it("puts math back escaped", () => {
    const { source, spans } = protectMath("$<img src=x onerror=alert(1)>$", DELIMS);
    expect(restoreMath(`<p>${source}</p>`, spans)).toBe("<p>$&lt;img src=x onerror=alert(1)&gt;$</p>");
  });

  it("finds no math without delimiters", () => {
    expect(renderMarkdown("costs $5 and $6", false, true, []).hasMath).toBe(false);
  });
});
