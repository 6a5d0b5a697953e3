// gr.HTML's redraw: patchHtml (html_template.ts: morphdom and the hook that keeps what users
// typed; it replaced a hand-rolled index-based patcher that timed the same) against idiomorph
// and bare morphdom, making a live subtree match newly rendered markup. Each case changes one value
// and keeps a focused input, as a template re-rendered on a prop update does.
import { Idiomorph } from "idiomorph";
import morphdom from "morphdom";
import { bench, describe } from "vitest";
import { patchHtml } from "../src/components/html_template";

function table(changed: number): string {
  const body = Array.from(
    { length: 1000 },
    (_, i) => `<tr><td>${i}</td><td>row ${i}</td><td>${i === 500 ? changed : i * 3}</td></tr>`,
  ).join("");
  return `<input id="filter" value="abc"><table><tbody>${body}</tbody></table>`;
}

function card(changed: number): string {
  return (
    `<div class="card"><h2>Title ${changed}</h2><label>Name <input name="n" value="x"></label>` +
    `<button class="go">Go</button><ul><li>a</li><li>b</li></ul></div>`
  );
}

/** A mounted root holding `html`, its input focused. */
function mounted(html: string): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  root.innerHTML = html;
  root.querySelector("input")?.focus();
  return root;
}

function cases(name: string, render: (n: number) => string): void {
  describe(name, () => {
    const roots = [mounted(render(0)), mounted(render(0)), mounted(render(0))];
    let n = 0;
    bench("patchHtml", () => {
      n += 1;
      patchHtml(roots[0] as HTMLElement, render(n));
    });
    bench("idiomorph", () => {
      n += 1;
      Idiomorph.morph(roots[1] as HTMLElement, render(n), { morphStyle: "innerHTML", ignoreActiveValue: true });
    });
    bench("morphdom", () => {
      n += 1;
      morphdom(roots[2] as HTMLElement, `<div>${render(n)}</div>`, { childrenOnly: true });
    });
  });
}

cases("1,000-row table, one cell changed", table);
cases("small card, one value changed", card);
