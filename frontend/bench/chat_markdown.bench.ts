// @vitest-environment jsdom
// A streamed chat reply, token by token: what the chatbot does for each token of a 2,000-token
// reply (at its 200th and its 2,000th token, to see whether the cost grows with the message), and
// cutting a 200-message history into blocks. jsdom, as in the tests: DOMPurify skips nodes under
// happy-dom.

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
    bench("hand-rolled splitter, last block rendered", () => void renderBlocks(text, OPTIONS), RUN);
    bench(
      "marked, the whole reply rendered again",
      () => void renderMarkdown(text, false, true, OPTIONS.delimiters),
      RUN,
    );
  });
}

describe("cutting a 200-message history into blocks", () => {
  bench("hand-rolled splitter", () => void HISTORY.forEach((m) => splitBlocks(m)), RUN);
  bench("marked's block lexer", () => void HISTORY.forEach((m) => new Lexer({ gfm: true }).blockTokens(m, [])), RUN);
});
