/**
 * A table that renders only the rows in view (plus a margin), so 100,000
 * entries scroll like 50. Rows have a fixed height. The scroller is a labelled
 * region the keyboard can focus and scroll; inside it an ARIA table whose
 * header row stays at the top and whose rows tell assistive technology their
 * place in the whole table (aria-rowcount/aria-rowindex), since only a window
 * of them is in the DOM. Each row element is the row (`rowProps` gives its
 * class and test id) and `renderRow` gives its cells (role="cell").
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface RowProps {
  class?: string;
  'data-testid'?: string;
  onClick?: (event: MouseEvent) => void;
}

export function VirtualList({
  count,
  rowHeight,
  height,
  overscan = 8,
  label,
  header,
  headerHeight = 0,
  renderRow,
  rowProps,
  onRange,
  resetKey,
  scrollerRef,
}: {
  count: number;
  rowHeight: number;
  /** The most the list may take; it takes less when its rows need less (no blank space under the last row). */
  height: number;
  overscan?: number;
  label: string;
  /** The column headers (role="columnheader" cells), in a row kept at the top. */
  header?: ComponentChildren;
  /** Its height in px, for the list's own height. */
  headerHeight?: number;
  renderRow: (index: number) => ComponentChildren;
  rowProps?: (index: number) => RowProps;
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
  const top = Math.max(0, scrollTop - headerHeight);
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(start, end), [start, end, onRange]);
  const offset = header ? 2 : 1;
  const rows: ComponentChildren[] = [];
  for (let index = start; index < end; index++) {
    const props = rowProps?.(index) ?? {};
    rows.push(
      <div
        key={index}
        role="row"
        aria-rowindex={index + offset}
        {...props}
        class={`virtual-row${index === count - 1 ? ' is-last' : ''} ${props.class ?? ''}`}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
      >
        {renderRow(index)}
      </div>,
    );
  }
  // Each row's bottom border is inside its height: the list ends with its last row (its own border is outside).
  const needed = headerHeight + count * rowHeight;
  return (
    <div
      ref={scroller}
      class="virtual-list"
      style={{ height: `${Math.min(height, needed)}px` }}
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="table" aria-label={label} aria-rowcount={count + offset - 1}>
        {header && (
          <div role="rowgroup" class="virtual-head" style={{ height: `${headerHeight}px` }}>
            <div role="row" aria-rowindex={1} class="virtual-head-row">
              {header}
            </div>
          </div>
        )}
        <div role="rowgroup" style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
