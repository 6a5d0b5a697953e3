// @vitest-environment jsdom
// A streamed chat reply, token by token: what the chatbot does for each token of a 2,000-token
// reply (at its 200th and its 2,000th token, to see whether the cost grows with the message), the
// whole stream, and cutting a 200-message history into blocks. jsdom, as in the tests: DOMPurify
// skips nodes under happy-dom. The hand-rolled splitter this replaced is timed by this file's
// first version in git (CONTRIBUTING.md, "Frontend libraries", has both sets of figures).

import { Lexer } from "marked";
import { bench, describe } from "vitest";
import { renderBlocks, splitBlocks, type RenderOptions } from "../src/components/chat_markdown";
import { renderMarkdown } from "../src/components/markdown_full";
import { history, prefixes, reply } from "./inputs";

const OPTIONS: RenderOptions = {
  breaks: false,
  sanitize: true,
  delimiters: [{ left: "$$", right: "$$", display: true }],
};
const STEPS = prefixes(reply(2000));
const HISTORY = history(200);
const RUN = { time: 300 };

for (const at of [200, 2000]) {
  describe(`one token, at token ${at} of a streamed reply`, () => {
    const text = STEPS[at - 1];
    const previous = renderBlocks(STEPS[at - 2], OPTIONS);
    bench(
      "marked's block lexer from the last block on, last block rendered",
      () => {
        renderBlocks(text, OPTIONS, previous);
      },
      RUN,
    );
    bench(
      "marked, the whole reply rendered again",
      () => {
        renderMarkdown(text, false, true, OPTIONS.delimiters);
      },
      RUN,
    );
  });
}

describe("a whole 2,000-token reply streamed", () => {
  bench(
    "splitBlocks alone for every token, each from the previous one",
    () => {
      let split = splitBlocks("");
      for (const text of STEPS) split = splitBlocks(text, split);
    },
    RUN,
  );
  bench(
    "renderBlocks for every token, each from the previous one",
    () => {
      let rendered = renderBlocks("", OPTIONS);
      for (const text of STEPS) rendered = renderBlocks(text, OPTIONS, rendered);
    },
    { time: 0, iterations: 3 },
  );
});

describe("drawing a 200-message history", () => {
  let run = 0;
  bench(
    "renderBlocks for every message (a fresh cache each time)",
    () => {
      // A delimiter no message has makes the options, and so the cache keys, new for each run.
      const options = {
        ...OPTIONS,
        delimiters: [...OPTIONS.delimiters, { left: `\u0000${run++}`, right: "\u0000", display: false }],
      };
      for (const message of HISTORY) renderBlocks(message, options);
    },
    { time: 0, iterations: 5 },
  );
});

describe("cutting a 200-message history into blocks", () => {
  bench(
    "splitBlocks (marked's block lexer)",
    () => {
      for (const message of HISTORY) splitBlocks(message);
    },
    RUN,
  );
  bench(
    "marked's Lexer.lex (block and inline tokens)",
    () => {
      for (const message of HISTORY) Lexer.lex(message, { gfm: true });
    },
    RUN,
  );
});
