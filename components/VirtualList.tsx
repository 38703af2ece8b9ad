/**
 * A list that renders only the rows in view (plus a margin), so 100,000
 * entries scroll like 50. Rows have a fixed height; the list is a listbox-like
 * region the keyboard can scroll.
 */
import type { ComponentChildren } from 'preact';
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
}) {
  const scroller = useRef<HTMLDivElement>(null);
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
      <div key={index} role="listitem" class="virtual-row" style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}>
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
