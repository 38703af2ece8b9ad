/** The history's search form: words, copies only, kind of copy, publisher, dates, and grouping by original. */
import type { CopyKind } from '@/core/types';
import { COPY_KINDS, kindName } from '@/lib/kind-text';
import { t } from '@/lib/i18n';
import type { HistoryQuery } from './useHistoryQuery';

/** A date input's value for a filter bound (its day in UTC), and back: the start or the end of that day. */
const dateValue = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));
const parseDay = (value: string, endOfDay: boolean) => (value ? Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}`) : null);

export function HistoryFilters({ query }: { query: Pick<HistoryQuery, 'filter' | 'changeFilter' | 'publisherList' | 'grouped' | 'setGrouped'> }) {
  const { filter, changeFilter, publisherList, grouped, setGrouped } = query;
  return (
    <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label class="search">
        <span class="visually-hidden">{t('searchLabel')}</span>
        <input
          type="search"
          data-testid="history-search"
          placeholder={t('searchPlaceholder')}
          value={filter.text}
          onInput={(event) => changeFilter({ text: (event.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="filter-syndicated"
          checked={filter.syndicatedOnly}
          onChange={(event) => changeFilter({ syndicatedOnly: (event.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('filterSyndicatedOnly')}</span>
      </label>
      <label>
        {t('history_filterKind')}{' '}
        <select
          data-testid="filter-kind"
          value={filter.kind}
          onChange={(event) => changeFilter({ kind: (event.currentTarget as HTMLSelectElement).value as CopyKind | '' })}
        >
          <option value="">{t('history_filterAnyKind')}</option>
          {COPY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindName(kind)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterPublisher')}{' '}
        <select
          data-testid="filter-publisher"
          value={filter.publisher}
          onChange={(event) => changeFilter({ publisher: (event.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{t('filterAnyPublisher')}</option>
          {publisherList.map((p) => (
            <option key={p.key} value={p.key}>
              {p.key} ({p.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterFrom')}{' '}
        <input
          type="date"
          data-testid="filter-from"
          value={dateValue(filter.from)}
          onChange={(event) => changeFilter({ from: parseDay((event.currentTarget as HTMLInputElement).value, false) })}
        />
      </label>
      <label>
        {t('filterTo')}{' '}
        <input
          type="date"
          data-testid="filter-to"
          value={dateValue(filter.to)}
          onChange={(event) => changeFilter({ to: parseDay((event.currentTarget as HTMLInputElement).value, true) })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="history-group"
          checked={grouped}
          onChange={(event) => setGrouped((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('history_groupToggle')}</span>
      </label>
    </form>
  );
}
