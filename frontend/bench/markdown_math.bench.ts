// @vitest-environment jsdom
// Math in Markdown, from source to typeset DOM: limelight's way (math kept away from marked as
// placeholders, the sanitised HTML put in the page, then KaTeX's auto-render over its text, in a
// chunk loaded only when there is math) against marked-katex-extension (KaTeX run inside marked's
// renderer, its HTML then sanitised like the rest). marked-katex-extension 5.1.13 asks for
// katex <0.19 while limelight uses 0.19, so it is not a dependency: install it for this run with
// `npm install --no-save --legacy-peer-deps marked-katex-extension@5.1.13`; without it only
// limelight's side runs.

import { Marked, type MarkedExtension } from "marked";
import { bench, describe } from "vitest";
import { renderMarkdown } from "../src/components/markdown_full";
import { renderMath } from "../src/components/math";
import { sanitize } from "../src/components/sanitize";
import { mathText } from "./inputs";

type Extension = (options: { throwOnError: boolean }) => MarkedExtension;
const EXTENSION = "marked-katex-extension";
const markedKatex: Extension | null = await import(/* @vite-ignore */ EXTENSION).then(
  (module: { default: Extension }) => module.default,
  () => null,
);

const DOLLARS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
];
const RUN = { time: 500 };

const cases: [string, string][] = [
  ["a maths reply (20 paragraphs, 80 formulas)", mathText(20)],
  ["one chat block with two formulas", mathText(1).split("\n\n")[0]],
];

for (const [name, text] of cases) {
  describe(`${name}, to typeset DOM`, () => {
    bench(
      "placeholders + marked + DOMPurify, then KaTeX auto-render",
      () => {
        const root = document.createElement("div");
        root.innerHTML = renderMarkdown(text, false, true, DOLLARS).html;
        renderMath(root, DOLLARS);
      },
      RUN,
    );
    if (markedKatex !== null) {
      const marked = new Marked({ gfm: true }).use(markedKatex({ throwOnError: false }));
      bench(
        "marked + marked-katex-extension + DOMPurify",
        () => {
          const root = document.createElement("div");
          root.innerHTML = sanitize(marked.parse(text, { async: false }));
        },
        RUN,
      );
    }
  });
}
