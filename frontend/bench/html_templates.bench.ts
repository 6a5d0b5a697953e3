// gr.HTML's Handlebars tags, now filled by the `handlebars` library (html_handlebars.ts), against
// the same markup written as a JavaScript template (`${}`), on a 1,000-row table re-rendered
// with one changed value, a small card, and a template seen for the first time (compile
// included). The hand-rolled interpreter that the library replaced timed within 2x of it (see
// CONTRIBUTING.md, "Frontend libraries").
import { bench, describe } from "vitest";
import { loadHandlebars } from "../src/components/html_handlebars";
import { renderTemplate } from "../src/components/html_template";

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

// The same markup as a JavaScript template (unescaped, as authors write them).
const JS_TABLE =
  "<table><thead><tr><th>#</th><th>Name</th><th>Score</th><th>State</th></tr></thead><tbody>" +
  "${rows.map((r, i) => `<tr class='${i === 0 ? 'first' : ''}'><td>${i}</td><td>${r.name}</td>" +
  "<td>${r.score}</td><td>${r.done ? 'done' : `<b>${pending}</b>`}</td></tr>`).join('')}</tbody></table>";
const JS_CARD =
  "<div class='card'><h2>${title}</h2>${subtitle ? `<p>${subtitle}</p>` : ''}" +
  "<ul>${tags.map((t) => `<li>${t}</li>`).join('')}</ul><a href='${link}'>${footer}</a></div>";

await loadHandlebars();
let tick = 0;

/** The table's context with one cell changed, as a prop update gives it. */
function nextTable(): Record<string, unknown> {
  tick += 1;
  const changed = rows.slice();
  changed[500] = { ...rows[500], score: tick } as (typeof rows)[number];
  return { rows: changed, pending: "pending" };
}

describe("1,000-row table, one value changed (template cached)", () => {
  bench("handlebars", () => {
    renderTemplate(TABLE, nextTable());
  });
  bench("javascript", () => {
    renderTemplate(JS_TABLE, nextTable());
  });
});

describe("small card (template cached)", () => {
  bench("handlebars", () => {
    renderTemplate(CARD, cardContext);
  });
  bench("javascript", () => {
    renderTemplate(JS_CARD, cardContext);
  });
});

describe("small card, template seen for the first time (compile + render)", () => {
  bench("handlebars", () => {
    tick += 1;
    renderTemplate(`${CARD}{{!${tick}}}`, cardContext);
  });
  bench("javascript", () => {
    tick += 1;
    renderTemplate(`${JS_CARD}<!--${tick}-->`, cardContext);
  });
});

describe("1,000-row table, template seen for the first time", () => {
  bench("handlebars", () => {
    tick += 1;
    renderTemplate(`${TABLE}{{!${tick}}}`, tableContext);
  });
  bench("javascript", () => {
    tick += 1;
    renderTemplate(`${JS_TABLE}<!--${tick}-->`, tableContext);
  });
});
