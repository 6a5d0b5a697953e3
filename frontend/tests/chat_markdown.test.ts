// @vitest-environment jsdom
// Incremental chat Markdown: blocks split where marked's lexer splits them, a growing message
// split from its previous split as from scratch, and rendering block by block gives the same
// HTML as rendering the whole message (copy buttons aside).

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
    .blocks.map((block) => block.html)
    .join("");
}

const REFERENCES =
  'See [the docs][1] and [Two].\n\n- a [1] item\n\n[1]: https://a.example/docs\n[two]: https://b.example "B"\n\nagain [1]';

const STREAMED = [
  "# Plan\n\nFirst *read* the `data`.\n\n- one\n\n- two\n\n  continued\n\n1. a\n2. b\n\nTitle\n---\n\nend",
  "Intro\n\n```py\nx = 1\n\ny = 2\n```\n\n    indented\n\n    code\n\n> quote\n> more\n\n| x | y |\n|---|---|\n| 1 | 2 |\n",
  "<pre>\na\n\nb\n</pre>\n\npara\n- item\n\n***\n\n~~~\nopen fence\r\n\r\nstill code",
  "x\r\ny\r\n\r\n- z\r\n\r\n  more\r\n\r\nlast\rline\r\rend",
  REFERENCES,
];

function blocksOf(source: string): string[] {
  return splitBlocks(source).blocks;
}

describe("splitBlocks", () => {
  it("splits paragraphs at blank lines", () => {
    expect(blocksOf("a\nb\n\nc\n\n\nd")).toEqual(["a\nb", "c", "d"]);
  });
  it("keeps a fenced code block with blank lines whole", () => {
    const source = "text\n\n```py\nx = 1\n\ny = 2\n```\n\nafter";
    expect(blocksOf(source)).toEqual(["text", "```py\nx = 1\n\ny = 2\n```", "after"]);
  });
  it("keeps an unclosed fence (a streaming code block) as the last block", () => {
    expect(blocksOf("intro\n\n```\ncode\n\nmore")).toEqual(["intro", "```\ncode\n\nmore"]);
  });
  it("keeps a loose list together", () => {
    expect(blocksOf("- one\n\n- two\n\n  continued\n\nend")).toEqual(["- one\n\n- two\n\n  continued", "end"]);
  });
  it("keeps indented code and a <pre> block with blank lines whole", () => {
    expect(blocksOf("    a\n\n    b\n\nafter")).toEqual(["    a\n\n    b", "after"]);
    expect(blocksOf("<pre>\na\n\nb\n</pre>\n\nz")).toEqual(["<pre>\na\n\nb\n</pre>", "z"]);
  });
  it.each(STREAMED)("splits a message growing a character at a time as it splits it whole: %j", (message) => {
    let split = splitBlocks("");
    for (let end = 1; end <= message.length; end++) {
      const source = message.slice(0, end);
      split = splitBlocks(source, split);
      expect(split.blocks).toEqual(blocksOf(source.replace(/\r\n?/g, "\n")));
    }
  });
});

describe("renderBlocks", () => {
  const messages = [
    "Hello **world**",
    "# Title\n\nSome *text*.\n\n- a\n- b\n\n> quote\n\n| x | y |\n|---|---|\n| 1 | 2 |",
    "Para\n\n```js\nlet a = 1;\n\nlet b = 2;\n```\n\nEnd",
    REFERENCES,
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
    const { blocks } = renderBlocks("The square $a*b*c$ here.\n\n```python\nx = 1\n```\n\nplain", {
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
  it("links references to definitions in other blocks, as they stream in", () => {
    const cited = "See [the docs][1].";
    let rendered = renderBlocks(`${cited}\n\n[1]: https://a.example/do`, OPTIONS);
    rendered = renderBlocks(`${cited}\n\n[1]: https://a.example/docs`, OPTIONS, rendered);
    expect(rendered.blocks[0].html).toContain('href="https://a.example/docs"');
    const plain = renderBlocks("No links here.\n\nnext", OPTIONS);
    expect(renderBlocks("No links here.\n\nnext\n\n[1]: https://x.example", OPTIONS, plain).blocks[0]).toBe(
      plain.blocks[0],
    );
  });
  it("escapes markup inside math", () => {
    const out = html("$<img src=x onerror=alert(1)>$", { ...OPTIONS, delimiters: DOLLARS });
    expect(out).not.toContain("<img");
  });
  it.each(STREAMED)("renders a streamed message as it renders it whole, reusing finished blocks: %j", (message) => {
    let rendered = renderBlocks("", OPTIONS);
    for (let end = 1; end <= message.length; end++) {
      const previous = rendered;
      rendered = renderBlocks(message.slice(0, end), OPTIONS, previous);
      const whole = renderBlocks(message.slice(0, end).replace(/\r\n?/g, "\n"), OPTIONS);
      expect(rendered.blocks.map((b) => b.html)).toEqual(whole.blocks.map((b) => b.html));
      // Blocks finished before this token are the same objects: they were not rendered again
      // (unless they cite a link definition, which may still be streaming).
      const finished = Math.min(previous.blocks.length, rendered.blocks.length) - 1;
      for (let i = 0; i < finished; i++) {
        if (!rendered.split.blocks[i].includes("[")) expect(rendered.blocks[i]).toBe(previous.blocks[i]);
      }
    }
  });
});
