/**
 * A list that renders only the rows in view (plus a margin), so 100,000
 * entries scroll like 50. Rows have a fixed height. The scroller is a labelled
 * region the keyboard can focus and scroll; inside it a list whose items tell
 * assistive technology their place in the whole list (aria-posinset/setsize),
 * since only a window of them is in the DOM.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function VirtualList({
  count,
  rowHeight,
  height,
  overscan = 8,
  label,
  renderRow,
  onRange,
  resetKey,
  scrollerRef,
}: {
  count: number;
  rowHeight: number;
  height: number;
  overscan?: number;
  label: string;
  renderRow: (index: number) => ComponentChildren;
  /** Told which rows are about to be shown, to load their data. */
  onRange?: (start: number, end: number) => void;
  /** Scroll back to the top when this changes (a new search). */
  resetKey?: unknown;
  /** The focusable scroller, for a caller that moves focus into the list. */
  scrollerRef?: RefObject<HTMLDivElement | null>;
}) {
  const own = useRef<HTMLDivElement>(null);
  const scroller = scrollerRef ?? own;
  const [scrollTop, setScrollTop] = useState(0);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(start, end), [start, end, onRange]);
  const rows: ComponentChildren[] = [];
  for (let index = start; index < end; index++) {
    rows.push(
      <div key={index} role="listitem" aria-setsize={count} aria-posinset={index + 1} class="virtual-row" style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}>
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      ref={scroller}
      class="virtual-list"
      style={{ height: `${height}px` }}
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="list" style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
