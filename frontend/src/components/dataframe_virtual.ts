// The rows of a Dataframe in view, from @tanstack/virtual-core: only they are in the DOM. Rows
// are ROW_HEIGHT tall unless the table wraps its text (`wrap=True`): then each drawn row is
// measured, so long cells grow their row instead of being clipped, and the rows below move.

import {
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
  type VirtualizerOptions,
} from "@tanstack/virtual-core";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;

export interface RowWindow {
  items: VirtualItem[];
  totalSize: number;
  /** Put on each drawn row when rows are measured (wrapped text); null otherwise. */
  measure: ((node: HTMLDivElement | null) => void) | null;
}

/** The rows of `count` to draw inside `scroller`, whose body starts `offset` pixels down. */
export function useRowWindow(
  scroller: { current: HTMLDivElement | null },
  count: number,
  wrap: boolean,
  offset: number,
): RowWindow {
  const [, redraw] = useState(0);
  const instance = useRef<Virtualizer<HTMLDivElement, HTMLDivElement> | null>(null);
  const options: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: offset,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    measureElement,
    onChange: () => redraw((n) => n + 1),
  };
  const virtualizer = (instance.current ??= new Virtualizer(options));
  virtualizer.setOptions({ ...virtualizer.options, ...options });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return {
    items: virtualizer.getVirtualItems(),
    totalSize: virtualizer.getTotalSize(),
    measure: wrap ? virtualizer.measureElement : null,
  };
}
