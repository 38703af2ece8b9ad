/**
 * The Sites view: for each site of the local history, the pages read, the
 * share that were copies, the outlets it copies most, first and last seen
 * (lib/sites.ts). Read once when the view opens, a slice of the history at a
 * time (lib/site-history.ts), with the count read so far on screen.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import { displayMoment } from '@/lib/dates-display';
import { t } from '@/lib/i18n';
import { filterSites, type SiteFigures } from '@/lib/sites';

/** Rows shown at first, and added by each "Show more". */
const PAGE = 100;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function Sites({ client }: { client: ProvenanceClient }) {
  const [sites, setSites] = useState<SiteFigures[] | null>(null);
  const [read, setRead] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [mostlyCopies, setMostlyCopies] = useState(false);
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    let current = true;
    client
      .siteFigures((count) => current && setRead(count))
      .then((figures) => current && setSites(figures))
      .catch((reason) => current && setError(t('sites_error', errorText(reason))));
    return () => {
      current = false;
    };
  }, [client]);

  const matching = useMemo(() => (sites ? filterSites(sites, text, mostlyCopies) : []), [sites, text, mostlyCopies]);
  const pages = useMemo(() => sites?.reduce((sum, site) => sum + site.pages, 0) ?? 0, [sites]);
  const visible = matching.slice(0, shown);

  return (
    <section aria-labelledby="sites-title" class="sites" data-testid="sites-view">
      <h1 id="sites-title">{t('sites_title')}</h1>
      <p class="intro">{t('sites_intro')}</p>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label class="search">
          <span class="visually-hidden">{t('sites_searchLabel')}</span>
          <input
            type="search"
            data-testid="sites-search"
            placeholder={t('sites_searchLabel')}
            value={text}
            onInput={(event) => {
              setText((event.currentTarget as HTMLInputElement).value);
              setShown(PAGE);
            }}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="sites-mostly-copies"
            checked={mostlyCopies}
            onChange={(event) => {
              setMostlyCopies((event.currentTarget as HTMLInputElement).checked);
              setShown(PAGE);
            }}
          />
          <span>{t('sites_filterMostlyCopies')}</span>
        </label>
      </form>
      <p role="status" data-testid="sites-status">
        {error
          ? ''
          : sites === null
            ? t('sites_reading', String(read))
            : sites.length > 0
              ? t('sites_count', [String(matching.length), String(pages)])
              : ''}
      </p>
      {error && (
        <p role="alert" class="problem" data-testid="sites-error">
          {error}
        </p>
      )}
      {sites?.length === 0 && <p data-testid="sites-empty">{t('sites_empty')}</p>}
      {sites !== null && sites.length > 0 && matching.length === 0 && <p data-testid="sites-no-match">{t('sites_noMatch')}</p>}
      {visible.length > 0 && (
        <table class="sites-table" data-testid="sites-table">
          <caption class="visually-hidden">{t('sites_tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columnSite')}</th>
              <th scope="col" class="number">
                {t('sites_columnPages')}
              </th>
              <th scope="col">{t('sites_columnCopies')}</th>
              <th scope="col">{t('sites_columnOutlets')}</th>
              <th scope="col">{t('sites_columnFirst')}</th>
              <th scope="col">{t('sites_columnLast')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((site) => (
              <SiteRow key={site.site} site={site} />
            ))}
          </tbody>
        </table>
      )}
      {matching.length > shown && (
        <button type="button" class="button secondary" data-testid="sites-more" onClick={() => setShown(shown + PAGE)}>
          {t('sites_showMore', String(Math.min(PAGE, matching.length - shown)))}
        </button>
      )}
    </section>
  );
}

function SiteRow({ site }: { site: SiteFigures }) {
  const share = site.pages ? Math.round((site.copies / site.pages) * 100) : 0;
  return (
    <tr data-testid="site-row" data-site={site.site} class={site.mostlyScraped ? 'is-scraped' : undefined}>
      <th scope="row" data-testid="site-name">
        <span class="site-domain">{site.site}</span>
        {site.mostlyScraped && (
          <span class="scraped-mark" data-testid="site-scraped">
            {t('sites_mostlyScraped')}
          </span>
        )}
      </th>
      <td class="number" data-testid="site-pages">
        {site.pages}
      </td>
      <td data-testid="site-copies">
        <span class="share" aria-hidden="true">
          <span style={{ width: `${share}%` }} />
        </span>
        {t('sites_copiesShare', [String(share), String(site.copies), String(site.pages)])}
      </td>
      <td data-testid="site-outlets">
        {site.outlets.length ? site.outlets.map((outlet) => t('sites_outlet', [outlet.name, String(outlet.count)])).join(', ') : t('sites_none')}
      </td>
      <td data-testid="site-first">
        <time dateTime={new Date(site.firstSeen).toISOString()}>{displayMoment(site.firstSeen)}</time>
      </td>
      <td data-testid="site-last">
        <time dateTime={new Date(site.lastSeen).toISOString()}>{displayMoment(site.lastSeen)}</time>
      </td>
    </tr>
  );
}
