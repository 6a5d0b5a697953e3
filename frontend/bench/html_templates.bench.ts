// gr.HTML's Handlebars tags: the hand-rolled interpreter (html_handlebars.ts) against the
// `handlebars` library, on a 1,000-row table re-rendered with one changed value, a small
// card, and a template seen for the first time (parse/compile included).
import Handlebars from "handlebars";
import { bench, describe } from "vitest";
import { renderHandlebars } from "../src/components/html_handlebars";

const TABLE =
  "<table><thead><tr><th>#</th><th>Name</th><th>Score</th><th>State</th></tr></thead><tbody>" +
  "{{#each rows}}<tr class='{{#if @first}}first{{/if}}'><td>{{@index}}</td><td>{{name}}</td>" +
  "<td>{{score}}</td><td>{{#if done}}done{{else}}<b>{{../pending}}</b>{{/if}}</td></tr>{{/each}}" +
  "</tbody></table>";

const CARD =
  "<div class='card'><h2>{{title}}</h2>{{#if subtitle}}<p>{{subtitle}}</p>{{/if}}" +
  "<ul>{{#each tags}}<li>{{this}}</li>{{/each}}</ul><a href='{{link}}'>{{{footer}}}</a></div>";

const rows = Array.from({ length: 1000 }, (_, i) => ({
  name: `row <${i}> & "friends"`,
  score: i * 3,
  done: i % 3 === 0,
}));
const tableContext = { rows, pending: "pending" };
const cardContext = {
  title: "Limelight & co",
  subtitle: "A <small> card",
  tags: ["fast", "typed", "tested"],
  link: "https://example.com/?a=1&b=2",
  footer: "<i>more</i>",
};

const compiledTable = Handlebars.compile(TABLE);
const compiledCard = Handlebars.compile(CARD);
let tick = 0;

/** The table's context with one cell changed, as a prop update gives it. */
function nextTable(): Record<string, unknown> {
  tick += 1;
  const changed = rows.slice();
  changed[500] = { ...rows[500], score: tick } as (typeof rows)[number];
  return { rows: changed, pending: "pending" };
}

describe("1,000-row table, one value changed (template cached)", () => {
  bench("hand-rolled", () => {
    renderHandlebars(TABLE, nextTable());
  });
  bench("handlebars", () => {
    compiledTable(nextTable());
  });
});

describe("small card (template cached)", () => {
  bench("hand-rolled", () => {
    renderHandlebars(CARD, cardContext);
  });
  bench("handlebars", () => {
    compiledCard(cardContext);
  });
});

describe("small card, template seen for the first time (parse or compile + render)", () => {
  bench("hand-rolled", () => {
    tick += 1;
    renderHandlebars(`${CARD}{{!${tick}}}`, cardContext);
  });
  bench("handlebars", () => {
    tick += 1;
    Handlebars.compile(`${CARD}{{!${tick}}}`)(cardContext);
  });
});

describe("1,000-row table, template seen for the first time", () => {
  bench("hand-rolled", () => {
    tick += 1;
    renderHandlebars(`${TABLE}{{!${tick}}}`, tableContext);
  });
  bench("handlebars", () => {
    tick += 1;
    Handlebars.compile(`${TABLE}{{!${tick}}}`)(tableContext);
  });
});
