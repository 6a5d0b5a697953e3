// @vitest-environment jsdom
// The short Markdown most apps show (a title, a line of description), drawn by limelight's small
// renderer, which declines anything else, against marked + DOMPurify, which it keeps off the
// first page (their chunks are 27 KB min+gzip; CONTRIBUTING.md, "Frontend libraries").

import { bench, describe } from "vitest";
import { renderFull } from "../src/components/markdown_full";
import { renderSimple } from "../src/components/markdown_simple";
import { LABELS, reply } from "./inputs";

const RUN = { time: 500 };
const LONG = reply(2000).join("");

describe("four short labels", () => {
  bench(
    "renderSimple",
    () => {
      for (const label of LABELS) renderSimple(label, false);
    },
    RUN,
  );
  bench(
    "marked + DOMPurify",
    () => {
      for (const label of LABELS) renderFull(label, false, true);
    },
    RUN,
  );
});

describe("a long reply it declines (lists, code, tables)", () => {
  bench(
    "renderSimple declining, then marked + DOMPurify",
    () => {
      if (renderSimple(LONG, false) === null) renderFull(LONG, false, true);
    },
    RUN,
  );
  bench(
    "marked + DOMPurify",
    () => {
      renderFull(LONG, false, true);
    },
    RUN,
  );
});
