/** The history's list: a virtual table of entries (or of originals with their copies), one line per row. */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ExternalLink } from '@/components/ExternalLink';
import { VirtualList } from '@/components/VirtualList';
import { checkedText } from '@/lib/checked-text';
import { verificationFits } from '@/lib/corrections';
import { displayMoment } from '@/lib/dates-display';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import type { HistoryLine } from '@/lib/history-groups';
import { t } from '@/lib/i18n';
import { kindName, kindText } from '@/lib/kind-text';
import type { HistoryQuery } from './useHistoryQuery';

/** One line of text per row (options style.css keeps cells to one line). */
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 34;
/** The most the list takes: the window's height less the page's head, filters and toolbar. */
const listHeight = () => Math.max(300, window.innerHeight - 260);

export function HistoryTable({
  query,
  scroller,
  onOpen,
  onDelete,
}: {
  query: Pick<HistoryQuery, 'result' | 'lines' | 'lineCount' | 'lineAt' | 'entry' | 'check' | 'onRange'>;
  scroller: RefObject<HTMLDivElement | null>;
  onOpen: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}) {
  const [height, setHeight] = useState(listHeight);
  useEffect(() => {
    const onResize = () => setHeight(listHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <VirtualList
      count={query.lineCount}
      rowHeight={ROW_HEIGHT}
      height={height}
      label={t('historyListLabel')}
      header={
        <>
          <span role="columnheader">{t('columnHeadline')}</span>
          <span role="columnheader">{t('columnSite')}</span>
          <span role="columnheader">{t('columnOriginal')}</span>
          <span role="columnheader">{t('history_columnChecked')}</span>
          <span role="columnheader">{t('columnSeen')}</span>
          <span role="columnheader">{t('history_columnActions')}</span>
        </>
      }
      headerHeight={HEADER_HEIGHT}
      scrollerRef={scroller}
      onRange={query.onRange}
      resetKey={`${query.result?.shown ?? 0}:${query.lines ? 'grouped' : 'flat'}`}
      rowProps={(index) => {
        const line = query.lineAt(index);
        if (line.type === 'group') return { class: 'history-row group-row', 'data-testid': 'history-group-row' };
        const entry = query.entry(line.id);
        if (!entry) return { class: 'history-row row-loading' };
        return {
          class: `history-row ${entry.syndicated ? 'is-copy' : 'is-original'}${line.grouped ? ' in-group' : ''}`,
          'data-testid': 'history-row',
          // A click on the row (not on its links or buttons, nor to select text) opens its details.
          onClick: (event) => {
            if ((event.target as Element).closest('a, button') || window.getSelection()?.toString()) return;
            onOpen(entry);
          },
        };
      }}
      renderRow={(index) => {
        const line = query.lineAt(index);
        if (line.type === 'group') return <GroupCells line={line} />;
        const entry = query.entry(line.id);
        return entry ? (
          <HistoryCells entry={entry} check={query.check(entry.key)} onOpen={() => onOpen(entry)} onDelete={() => onDelete(entry)} />
        ) : (
          <span role="cell" class="cell loading-cell" />
        );
      }}
    />
  );
}

/** The Checked column's words: the page's latest check (one made before the reader corrected the page does not count). */
function checkedCell(entry: HistoryEntry, check: VerificationEntry | null | undefined): { text: string; checked: boolean } {
  if (check === undefined) return { text: '', checked: false };
  const fits = check && verificationFits(entry.correction, check.checkedAt);
  if (fits) return { text: checkedText(check.verification), checked: true };
  return { text: entry.syndicated ? t('history_checkedNever') : '', checked: false };
}

function HistoryCells({
  entry,
  check,
  onOpen,
  onDelete,
}: {
  entry: HistoryEntry;
  check: VerificationEntry | null | undefined;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const { record } = entry;
  const checked = checkedCell(entry, check);
  const publisher = record.original?.publisher ?? t('historyUnknownPublisher');
  return (
    <>
      <span role="cell" class="cell headline" data-testid="history-headline">
        <ExternalLink href={record.url} label={record.page.headline ?? record.url} />
      </span>
      <span role="cell" class="cell" data-testid="history-site">
        {record.page.siteName ?? entry.site}
      </span>
      <span role="cell" class="cell publisher" data-testid="history-original">
        {/* The kind of copy comes first, as on every surface; an archived copy (not syndicated) is named by its kind. */}
        {record.kind && (
          <span class="kind-name" data-testid="history-kind" title={kindText(record).label}>
            {kindName(record.kind)}
            {record.syndicated ? ' · ' : ''}
          </span>
        )}
        {record.syndicated ? (
          record.original?.url ? (
            <ExternalLink href={record.original.url} label={publisher} testid="history-original-link" />
          ) : (
            publisher
          )
        ) : record.kind ? null : (
          t('historyOriginal')
        )}
        {entry.correction && <em data-testid="history-corrected"> ({t('control_historyCorrected')})</em>}
      </span>
      <span role="cell" class={`cell ${checked.checked ? 'checked' : 'unchecked'}`} data-testid="history-checked">
        {checked.text}
      </span>
      <span role="cell" class="cell" data-testid="history-seen">
        <time dateTime={new Date(entry.lastSeen).toISOString()}>{displayMoment(entry.lastSeen)}</time>
      </span>
      <span role="cell" class="cell row-actions">
        <button
          type="button"
          class="link-button"
          data-testid="history-details"
          onClick={onOpen}
          aria-label={t('detailsEntryLabel', record.page.headline ?? record.url)}
        >
          {t('details')}
        </button>
        <button
          type="button"
          class="link-button"
          data-testid="history-delete"
          onClick={onDelete}
          aria-label={t('deleteEntryLabel', record.page.headline ?? record.url)}
        >
          {t('delete')}
        </button>
      </span>
    </>
  );
}

/** An original's line over its copies: its publisher (linked when its address is known), its headline, how many copies. */
function GroupCells({ line }: { line: Extract<HistoryLine, { type: 'group' }> }) {
  const name = line.publisher ? t('history_groupOriginal', line.publisher) : t('history_groupUnknown');
  return (
    <span role="cell" class="cell group-cell" data-testid="history-group-line">
      <strong>{line.url ? <ExternalLink href={line.url} label={name} /> : name}</strong>
      {line.headline && <span class="group-headline"> · {line.headline}</span>}
      <span class="group-count"> · {t('history_groupCopies', String(line.copies))}</span>
    </span>
  );
}
