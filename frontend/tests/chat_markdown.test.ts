// @vitest-environment jsdom
// Incremental chat Markdown: blocks split where marked would, and rendering block by block
// gives the same HTML as rendering the whole message (copy buttons aside).

import { describe, expect, it } from "vitest";
import { renderBlocks, splitBlocks, type RenderOptions } from "../src/components/chat_markdown";
import { renderFull } from "../src/components/markdown_full";

const OPTIONS: RenderOptions = { breaks: false, sanitize: true, delimiters: [] };
const DOLLARS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
];

function html(source: string, options = OPTIONS): string {
  return renderBlocks(source, options)
    .map((block) => block.html)
    .join("");
}

describe("splitBlocks", () => {
  it("splits paragraphs at blank lines", () => {
    expect(splitBlocks("a\nb\n\nc\n\n\nd")).toEqual(["a\nb", "c", "d"]);
  });
  it("keeps a fenced code block with blank lines whole", () => {
    const source = "text\n\n```py\nx = 1\n\ny = 2\n```\n\nafter";
    expect(splitBlocks(source)).toEqual(["text", "```py\nx = 1\n\ny = 2\n```", "after"]);
  });
  it("keeps an unclosed fence (a streaming code block) as the last block", () => {
    expect(splitBlocks("intro\n\n```\ncode\n\nmore")).toEqual(["intro", "```\ncode\n\nmore"]);
  });
  it("keeps a loose list together", () => {
    expect(splitBlocks("- one\n\n- two\n\n  continued\n\nend")).toEqual(["- one\n\n- two\n\n  continued", "end"]);
  });
});

describe("renderBlocks", () => {
  const messages = [
    "Hello **world**",
    "# Title\n\nSome *text*.\n\n- a\n- b\n\n> quote\n\n| x | y |\n|---|---|\n| 1 | 2 |",
    "Para\n\n```js\nlet a = 1;\n\nlet b = 2;\n```\n\nEnd",
  ];
  for (const message of messages) {
    it(`matches a whole-message render: ${JSON.stringify(message.slice(0, 20))}`, () => {
      const blocks = html(message)
        .replace(/<button[^>]*class="copy-code"[^>]*>Copy<\/button>/g, "")
        .replace(/<pre class="has-copy">/g, "<pre>");
      const whole = renderFull(message, false, true);
      expect(blocks.replace(/\s+/g, "")).toBe(whole.replace(/\s+/g, ""));
    });
  }
  it("adds a copy button to code blocks and strips script", () => {
    const out = html("```\ncode\n```\n\n<img src=x onerror=alert(1)>");
    expect(out).toContain('class="copy-code"');
    expect(out).not.toContain("onerror");
  });
  it("keeps math as text for KaTeX and flags the blocks that need it", () => {
    const blocks = renderBlocks("The square $a*b*c$ here.\n\n```python\nx = 1\n```\n\nplain", {
      ...OPTIONS,
      delimiters: DOLLARS,
    });
    expect(blocks.map((b) => [b.hasMath, b.hasCode])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(blocks[0].html).toContain("$a*b*c$");
    expect(blocks[0].html).not.toContain("<em>");
  });
  it("escapes markup inside math", () => {
    const out = html("$<img src=x onerror=alert(1)>$", { ...OPTIONS, delimiters: DOLLARS });
    expect(out).not.toContain("<img");
  });
});
