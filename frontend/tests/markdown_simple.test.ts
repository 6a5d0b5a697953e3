// @vitest-environment jsdom
// The fast path must draw exactly what marked + DOMPurify draw, or decline.

import { describe, expect, it } from "vitest";
import { renderFull } from "../src/components/markdown_full";
import { renderSimple } from "../src/components/markdown_simple";

const SIMPLE = [
  "# Hello",
  "Type a name and press **Submit**.",
  "# Hello\nType a name and press **Submit**.",
  "## Sub title ##\n\nFirst line\nsecond line\n\n\nThird *paragraph* with `code` in it.",
  "Read the [docs](https://example.org/guide?page=2#top) or [jump](#usage) or [file](docs/intro.md).",
  "Quotes \"double\" and 'single' and a > sign, 2*3*4 and a**b**c.",
  "### Ünïcödé **héllo** *wörld*",
  "   # indented heading",
  "#hashtag is not a heading",
  "#",
  "Trailing space \nnext ",
  "  leading spaces\n   continue",
  "# Heading with a trailing space \nparagraph",
  "Run `pip install limelight` now.",
  "Hello, **World**! *a* **b** `c` [d](e.html) and **2** items",
  "# Image classifier\nUpload an image; the model returns its top 3 classes.",
  "",
];

const COMPLEX = [
  "- item",
  "1. first",
  "> quote",
  "```\ncode\n```",
  "    indented code",
  "Title\n=====",
  "Title\n---",
  "***",
  "a | b\n--|--\n1 | 2",
  "<b>html</b>",
  "Tom &amp; Jerry",
  "Escaped \\*star\\*",
  "~~gone~~",
  "snake_case_name",
  "Visit https://example.org",
  "Mail me@example.org",
  "![alt](pic.png)",
  "[ref][1]\n\n[1]: https://example.org",
  "[bad](javascript:alert(1))",
  "5 * 3 = 15",
  "**not closed",
  "`unclosed",
  "** spaced **",
  '**"quoted"**',
  "hard break  \nnext",
  "$x^2$",
  "**a *b* c**",
  "Tabs\tinside",
];

describe("renderSimple", () => {
  it.each(SIMPLE)("matches marked + DOMPurify for %j", (source) => {
    expect(renderSimple(source, false)).toBe(renderFull(source, false, true));
  });

  it.each(["line one\nline two", "# T\n*a*\nb"])("matches with line_breaks for %j", (source) => {
    expect(renderSimple(source, true)).toBe(renderFull(source, true, true));
  });

  it.each(COMPLEX)("declines %j", (source) => {
    expect(renderSimple(source, false)).toBeNull();
  });
});
