// Inputs the benchmarks share: made here, deterministically, so every run times the same text.

const WORDS = (
  "the model reads each request and returns a short answer with a list of steps code samples " +
  "and a table when the question needs one so that a reader can follow along without scrolling"
).split(" ");

/** A chat reply of about `tokens` tokens (a token is a word and its space, as models stream them):
 * paragraphs with emphasis and code spans, a list, a fenced code block and a table, repeated. */
export function reply(tokens: number): string[] {
  const out: string[] = [];
  let n = 0;
  const word = () => WORDS[n++ % WORDS.length];
  const sentence = (length: number) => {
    for (let i = 0; i < length; i++) out.push(i === 3 ? `**${word()}** ` : i === 7 ? `\`${word()}\` ` : `${word()} `);
    out.push(".\n");
  };
  while (out.length < tokens) {
    out.push("## Step ", `${out.length}\n\n`);
    sentence(24);
    sentence(18);
    out.push("\n");
    for (let i = 0; i < 4; i++) {
      out.push("- ");
      sentence(8);
    }
    out.push("\n```python\n");
    for (let i = 0; i < 6; i++) out.push("x = ", `${i}`, " * ", "y\n");
    out.push("```\n\n| name | value |\n|---|---|\n");
    for (let i = 0; i < 3; i++) out.push("| ", word(), " | ", `${i}`, " |\n");
    out.push("\n");
  }
  return out.slice(0, tokens);
}

/** The text of `reply(tokens)` after each of its tokens. */
export function prefixes(tokens: string[]): string[] {
  const out: string[] = [];
  let text = "";
  for (const token of tokens) out.push((text += token));
  return out;
}

/** A chat history: `count` finished messages, alternately a short question and a longer answer. */
export function history(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? `How do I do step ${i}?` : reply(120 + (i % 7) * 20).join(""),
  );
}

/** Text with inline and display math between `$` and `$$`, as a maths tutor's reply has. */
export function mathText(paragraphs: number): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `The area of a circle of radius $r_${i}$ is $\\pi r_${i}^2$ , and the sum $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$ holds for every $n$ .`,
      "",
      "$$",
      `\\int_0^{${i + 1}} x^2 \\, dx = \\frac{${(i + 1) ** 3}}{3}`,
      "$$",
      "",
    );
  }
  return out.join("\n");
}

/** Short Markdown labels: the titles and descriptions most apps show. */
export const LABELS = [
  "# Image classifier",
  "Upload an image; the model returns its top **3** classes.",
  "## Settings\nPick a *temperature* and press `Run`.",
  "Read the [guide](https://example.org/guide) first.",
];
