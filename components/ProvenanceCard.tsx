/**
 * The provenance card: everything known about one page, with the evidence.
 * Used by the popup (active tab) and the options page (a history entry).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Provenance } from '@/core/types';
import { searchLink } from '@/core/next-hop';
import { displayHost } from '@/core/url';
import type { Verification } from '@/core/verify';
import { t } from '@/lib/i18n';
import { ExternalLink } from './ExternalLink';

/** The original as best known: verified by fetching, else as the page claims it. */
export function originalOf(record: Provenance, verification: Verification | null) {
  const verified = verification?.outcome === 'verified' ? verification.original : null;
  return {
    url: verified?.url ?? record.original?.url ?? null,
    publisher: verified?.publisher ?? record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null,
    headline: verified?.headline ?? record.original?.headline ?? null,
    publishedAt: verified?.publishedAt ?? record.original?.publishedAt ?? null,
  };
}

/** A plain-text citation of the original, naming where the copy was read. */
export function citationText(record: Provenance, verification: Verification | null): string {
  const original = originalOf(record, verification);
  const parts = [
    original.publisher,
    original.headline ? `“${original.headline}”` : null,
    original.publishedAt ? t('citationPublished', original.publishedAt) : null,
    original.url,
  ].filter(Boolean);
  const copy = t('citationRepublished', [record.page.siteName ?? new URL(record.url).hostname, record.url]);
  return `${parts.join('. ')}. ${copy}`;
}

export function verdictText(record: Provenance): string {
  if (!record.syndicated) return t('verdictOriginal');
  const publisher = record.original?.publisher ?? record.chain.at(-1)?.publisher;
  return publisher ? t('verdictSyndicatedFrom', publisher) : t('verdictSyndicated');
}

export function confidenceText(confidence: number): string {
  if (confidence >= 0.85) return t('confidenceHigh');
  if (confidence >= 0.6) return t('confidenceMedium');
  return t('confidenceLow');
}

export function ProvenanceCard({
  record,
  verification = null,
  onCopy,
}: {
  record: Provenance;
  verification?: Verification | null;
  onCopy?: (text: string) => Promise<void>;
}) {
  const { page, original } = record;
  const best = originalOf(record, verification);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = onCopy
    ? () =>
        onCopy(citationText(record, verification)).then(
          () => setCopied('done'),
          () => setCopied('failed'),
        )
    : null;
  return (
    <article class={`card ${record.syndicated ? 'is-copy' : 'is-original'}`} aria-labelledby="verdict">
      <header class="verdict-row">
        <h1 id="verdict" class="verdict" data-testid="verdict">
          {verdictText(record)}
        </h1>
        <p class="confidence" data-testid="confidence">
          {confidenceText(record.confidence)}
        </p>
      </header>

      {record.syndicated && (
        <div class="actions">
          {best.url && (
            // The host is always shown: the name a page gives its original is only its word.
            <a class="button" href={best.url} target="_blank" rel="noopener noreferrer" data-testid="open-original">
              {t('actionOpenOriginal', displayHost(best.url))}
            </a>
          )}
          {!best.url && best.publisher && (
            // Named but not linked: a search the user may run; nothing is requested on their behalf.
            <a
              class="button"
              href={searchLink(best.publisher, best.headline ?? page.headline, record.chain.at(-1)?.site ?? null)}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="search-original-action"
            >
              {t('searchOriginal', best.publisher)}
            </a>
          )}
          {copy && (
            <button type="button" class="button secondary" data-testid="copy-citation" onClick={copy}>
              {t('actionCopyCitation')}
            </button>
          )}
          <span role="status" class="copied" data-testid="copy-status">
            {copied === 'done' ? t('citationCopied') : copied === 'failed' ? t('citationCopyFailed') : ''}
          </span>
        </div>
      )}

      <dl class="facts">
        {original?.publisher && (
          <Fact label={t('labelOriginalPublisher')} testid="original-publisher">
            {original.publisher}
          </Fact>
        )}
        {record.sourceUrl && (
          <Fact label={t('labelSourceLink')}>
            <ExternalLink href={record.sourceUrl} testid="source-link" />
          </Fact>
        )}
        {record.chain.length > 0 && (
          <Fact label={t('labelChain')}>
            <ol class="chain" data-testid="chain">
              <li class="hop">{t('chainThisPage')}</li>
              {record.chain.map((hop, index) => (
                <li class="hop" key={index} data-testid="chain-hop">
                  {hop.url ? <ExternalLink href={hop.url} label={hop.publisher ?? hop.site ?? hop.url} /> : <span>{hop.publisher ?? hop.site}</span>}
                  {hop.site && hop.publisher && <span class="site"> ({hop.site})</span>}
                </li>
              ))}
            </ol>
          </Fact>
        )}
        {page.headline && (
          <Fact label={t('labelPageHeadline')} testid="page-headline">
            {page.headline}
          </Fact>
        )}
        {original?.headline && (
          <Fact label={t('labelOriginalHeadline')} testid="original-headline">
            {original.headline}
          </Fact>
        )}
        {(page.publishedAtText ?? page.publishedAt) && (
          <Fact label={t('labelPublished')} testid="published">
            {page.publishedAtText ?? page.publishedAt}
          </Fact>
        )}
        {original?.publishedAt && (
          <Fact label={t('labelOriginalPublished')} testid="original-published">
            {original.publishedAt}
          </Fact>
        )}
        {page.author && (
          <Fact label={t('labelAuthor')} testid="author">
            {page.author}
          </Fact>
        )}
        {record.copyright && (
          <Fact label={t('labelCopyright')}>
            <blockquote class="quote" data-testid="copyright">
              {record.copyright}
            </blockquote>
          </Fact>
        )}
      </dl>

      {record.signals.length > 0 && (
        // Folded by default: the verdict and facts come first; the evidence is there for whoever checks.
        <details class="evidence" data-testid="evidence-details">
          <summary>
            <h2 id="evidence-title">{t('labelEvidenceCount', String(record.signals.length))}</h2>
          </summary>
          <ul data-testid="evidence" aria-labelledby="evidence-title">
            {record.signals.map((signal, index) => (
              <li key={index} data-testid="evidence-item">
                <p class="detail">{signal.detail}</p>
                <blockquote class="quote">{signal.evidence.text}</blockquote>
                <p class="where">{signal.evidence.location}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

function Fact({ label, testid, children }: { label: string; testid?: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}
