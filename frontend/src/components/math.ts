// LaTeX in markdown, typeset by KaTeX: a chunk of its own that only pages whose markdown has
// math download. KaTeX works on the text nodes of the already-sanitised DOM and builds its output
// itself (with `trust` off, so \href and friends cannot make javascript: links).

import renderMathInElement from "katex/contrib/auto-render";
import "katex/dist/katex.min.css";

export interface Delimiter {
  left: string;
  right: string;
  display: boolean;
}

/** Typeset the math between `delimiters` in the text under `root`. */
export function renderMath(root: HTMLElement, delimiters: Delimiter[]): void {
  renderMathInElement(root, { delimiters, throwOnError: false, trust: false, ignoredTags: ["pre", "code"] });
}
