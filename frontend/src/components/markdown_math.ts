// Keeping math away from the markdown parser, which would read `\(` as an escaped bracket and
// `a*b*c` as emphasis. Math spans are swapped for inert placeholders before parsing and put back,
// escaped, as plain text afterwards; KaTeX (math.ts) then typesets that text. Code spans and fences
// are left alone. This module is small and ships with the markdown component.

export interface Delimiter {
  left: string;
  right: string;
  display: boolean;
}

export interface Protected {
  source: string;
  spans: string[];
}

const CODE = /(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function placeholder(index: number): string {
  return `LLMATH${index}X`;
}

/** Replace every delimited math span outside code with a placeholder. */
export function protectMath(source: string, delimiters: Delimiter[]): Protected {
  const spans: string[] = [];
  if (delimiters.length === 0) return { source, spans };
  const sorted = [...delimiters].sort((a, b) => b.left.length - a.left.length);
  const pattern = new RegExp(
    sorted.map((d) => `${escapeRegExp(d.left)}[\\s\\S]+?${escapeRegExp(d.right)}`).join("|"),
    "g",
  );
  const parts = source.split(CODE);
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part; // a code span or fence
    return part.replace(pattern, (match) => {
      spans.push(match);
      return placeholder(spans.length - 1);
    });
  });
  return { source: out.join(""), spans };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Put the math spans back into rendered HTML as escaped text. */
export function restoreMath(html: string, spans: string[]): string {
  if (spans.length === 0) return html;
  return html.replace(/LLMATH(\d+)X/g, (match, index: string) => {
    const span = spans[Number(index)];
    return span === undefined ? match : escapeHtml(span);
  });
}

export function delimitersOf(value: unknown): Delimiter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is Delimiter =>
      typeof d === "object" && d !== null && typeof d.left === "string" && typeof d.right === "string" && d.left !== "",
  );
}
