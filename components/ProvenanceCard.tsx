/**
 * The provenance card: everything known about one page, with the evidence.
 * Used by the popup (active tab) and the options page (a history entry).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ChainHop, Provenance, Signal } from '@/core/types';
import { nextHopUrl, searchLink } from '@/core/next-hop';
import { isPublisherName } from '@/core/names';
import { sameName, splitPublisherSuffix } from '@/core/text';
import { displayHost, registrableDomain, sameSite } from '@/core/url';
import type { Verification } from '@/core/verify';
import { t } from '@/lib/i18n';
import { kindText } from '@/lib/kind-text';
import { displayDate } from '@/lib/dates-display';
import { placeText, signalText } from '@/lib/signal-text';
import { DateText } from './DateText';
import { ExternalLink } from './ExternalLink';

/** The original as best known: verified by fetching, else as the page claims it. */
function originalOf(record: Provenance, verification: Verification | null) {
  const verified = verification?.outcome === 'verified' ? verification.original : null;
  return {
    url: verified?.url ?? record.original?.url ?? null,
    publisher: verified?.publisher ?? record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null,
    headline: verified?.headline ?? record.original?.headline ?? null,
    publishedAt: verified?.publishedAt ?? record.original?.publishedAt ?? null,
  };
}

/** A plain-text citation of the original, naming where the copy was read. */
function citationText(record: Provenance, verification: Verification | null): string {
  const original = originalOf(record, verification);
  const parts = [
    original.publisher,
    original.headline ? `“${original.headline}”` : null,
    original.publishedAt ? t('citationPublished', displayDate(original.publishedAt)) : null,
    original.url,
  ].filter(Boolean);
  const copy = t('citationRepublished', [record.page.siteName ?? new URL(record.url).hostname, record.url]);
  return `${parts.join('. ')}. ${copy}`;
}

/** The verdict: the kind of copy and its detail (lib/kind-text.ts), or that the page is an original. */
export function verdictText(record: Provenance): { label: string; detail: string | null } {
  return record.kind ? kindText(record) : { label: t('verdictOriginal'), detail: null };
}

/** The site the reader is on: its name and registrable domain ("News Harbor Daily (newsharbordaily.com)"). */
function siteText(record: Provenance): string {
  const domain = registrableDomain(record.url) ?? displayHost(record.url);
  const name = record.page.siteName;
  return name && name.trim().toLowerCase() !== domain ? t('popup_siteOn', [name.trim(), domain]) : t('popup_siteOnDomain', domain);
}

/**
 * The publisher a headline ends with (" – The Washington Post"), when it is not the site itself: a content
 * farm keeps the original's name there. Null when the original is already linked.
 */
function headlineCredit(record: Provenance, verification: Verification | null): { publisher: string; href: string } | null {
  if (!record.syndicated || !record.page.headline || originalOf(record, verification).url) return null;
  const split = splitPublisherSuffix(record.page.headline);
  if (!split || !isPublisherName(split.publisher)) return null;
  if (record.page.siteName && sameName(split.publisher, record.page.siteName)) return null;
  return { publisher: split.publisher, href: searchLink(split.publisher, split.headline, null) };
}

/** The search for the original when there is nothing to fetch: the publisher's site when one is named, else the web. */
export function originalSearch(record: Provenance, verification: Verification | null): { href: string; label: string } | null {
  const best = originalOf(record, verification);
  const headline = best.headline ?? record.page.headline;
  if (best.publisher)
    return { href: searchLink(best.publisher, headline, record.chain.at(-1)?.site ?? null), label: t('searchOriginal', best.publisher) };
  return headline ? { href: searchLink('', headline, null), label: t('popup_searchHeadline') } : null;
}

/** A source claim that points back at the page's own site: a finding of its own, shown under the verdict. */
const isFinding = (signal: Signal) => signal.kind === 'self-reference';

function confidenceText(confidence: number): string {
  if (confidence >= 0.85) return t('confidenceHigh');
  if (confidence >= 0.6) return t('confidenceMedium');
  return t('confidenceLow');
}

export function ProvenanceCard({
  record,
  verification = null,
  onCopy,
  onShowEvidence,
  correction,
  main,
  actions,
}: {
  record: Provenance;
  verification?: Verification | null;
  onCopy?: (text: string) => Promise<void>;
  /** Scrolls the page to a quote and highlights it; resolves false when the page's text does not hold it (the popup, for its tab). */
  onShowEvidence?: (text: string) => Promise<boolean>;
  /** The reader's correction of the page and its controls, under the verdict (components/CorrectionPanel.tsx). */
  correction?: ComponentChildren;
  /** The main action and its result, right under the verdict (the popup: find and compare the original). */
  main?: ComponentChildren;
  /** More actions for the group of actions (the popup: the report and the archive). */
  actions?: ComponentChildren;
}) {
  const { page, original } = record;
  const best = originalOf(record, verification);
  const verdict = verdictText(record);
  const findings = record.signals.filter(isFinding);
  const evidence = record.signals.filter((signal) => !isFinding(signal));
  const credit = headlineCredit(record, verification);
  // Named but not linked, with a link to fetch on the way: the search is one more action (with none, it is the main one).
  const canVerify = nextHopUrl(record) !== null;
  const search = record.syndicated && !best.url && best.publisher && !credit && canVerify ? originalSearch(record, verification) : null;
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
        <p class="site-on" data-testid="site-on">
          {siteText(record)}
        </p>
        <h1 id="verdict" class="verdict" data-testid="verdict">
          {verdict.label}
        </h1>
        {verdict.detail && (
          <p class="verdict-detail" data-testid="verdict-detail">
            {verdict.detail}
          </p>
        )}
        <p class="confidence" data-testid="confidence">
          {confidenceText(record.confidence)}
        </p>
      </header>
      {(findings.length > 0 || credit) && (
        <ul class="findings" aria-label={t('popup_findingsLabel')} data-testid="findings">
          {findings.map((signal, index) => (
            <li key={index} data-testid="finding-self-reference">
              <p class="finding">{/source link/i.test(signal.detail) ? t('popup_findingSourceLinkSelf') : t('popup_findingSelfReference')}</p>
              <blockquote class="quote">{signal.evidence.text}</blockquote>
            </li>
          ))}
          {credit && (
            <li data-testid="finding-headline-credit">
              <p class="finding">{t('popup_headlineCredit', credit.publisher)}</p>
              {/* With no link to fetch, this search is the main action already. */}
              {canVerify && (
                <a href={credit.href} target="_blank" rel="noopener noreferrer" data-testid="headline-credit-search">
                  {t('searchOriginal', credit.publisher)}
                </a>
              )}
            </li>
          )}
        </ul>
      )}
      {correction}
      {record.syndicated && best.url && (
        // The host is always shown: the name a page gives its original is only its word. Once the check found it, opening it is the main action.
        <a
          class={`button main-action${verification?.outcome === 'verified' ? '' : ' secondary'}`}
          href={best.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="open-original"
        >
          {t('actionOpenOriginal', displayHost(best.url))}
        </a>
      )}
      {main}

      {(record.syndicated || actions) && (
        <div class="actions" role="group" aria-label={t('popup_actionsLabel')} data-testid="actions">
          {search && (
            // Named but not linked: a search the user may run; nothing is requested on their behalf.
            <a class="button secondary" href={search.href} target="_blank" rel="noopener noreferrer" data-testid="search-original-action">
              {search.label}
            </a>
          )}
          {copy && record.syndicated && (
            <button type="button" class="button secondary" data-testid="copy-citation" onClick={() => void copy()}>
              {t('actionCopyCitation')}
            </button>
          )}
          {actions}
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
        {(record.chain.length > 0 || record.syndicated) && (
          <Fact label={t('labelChain')}>
            <ol class="chain" data-testid="chain">
              <li class="hop">
                {t('chainThisPage')}
                {/* Why the chain stops here: a copy whose credits link nowhere. */}
                {record.chain.length === 0 && (
                  <span class="why" data-testid="chain-why">
                    {' '}
                    — {t('popup_chainNoSource')}
                  </span>
                )}
              </li>
              {record.chain.map((hop, index) => (
                <li class="hop" key={index} data-testid="chain-hop">
                  {/* The hop's site is a registrable domain: shown here, and only here, in the form that exposes look-alikes. */}
                  {hop.url ? <ExternalLink href={hop.url} label={hopName(hop)} /> : <span>{hopName(hop)}</span>}
                  {hop.site && hop.publisher && hop.publisher !== hop.site && <span class="site"> ({displayHost(hop.site)})</span>}
                  {/* Why a step has no link to follow. */}
                  {!hop.url && (
                    <span class="why" data-testid="chain-why">
                      {' '}
                      — {t('popup_chainNamedNotLinked')}
                    </span>
                  )}
                  {hop.url && sameSite(hop.url, record.url) && (
                    <span class="why" data-testid="chain-why">
                      {' '}
                      — {t('popup_chainSameSite')}
                    </span>
                  )}
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
            <DateText value={page.publishedAt} asWritten={page.publishedAtText} />
          </Fact>
        )}
        {original?.publishedAt && (
          <Fact label={t('labelOriginalPublished')} testid="original-published">
            <DateText value={original.publishedAt} />
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

      {evidence.length > 0 && (
        // Folded by default: the verdict and facts come first; the evidence is there for whoever checks.
        <details class="evidence" data-testid="evidence-details">
          <summary>
            <h2 id="evidence-title">{t('labelEvidenceCount', String(evidence.length))}</h2>
          </summary>
          <ul data-testid="evidence" aria-labelledby="evidence-title">
            {evidence.map((signal, index) => (
              <li key={index} data-testid="evidence-item">
                <p class="detail">{signalText(signal)}</p>
                <blockquote class="quote">{signal.evidence.text}</blockquote>
                <p class="where">{placeText(signal.evidence.location)}</p>
                {onShowEvidence && <ShowOnPage text={signal.evidence.text} show={onShowEvidence} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/** "Show on the page" for one piece of evidence, and what came of it: highlighted, or only in the page's markup. */
function ShowOnPage({ text, show }: { text: string; show: (text: string) => Promise<boolean> }) {
  const [found, setFound] = useState<boolean | null>(null);
  return (
    <p class="show-on-page">
      <button type="button" class="link-button" data-testid="evidence-show" onClick={() => void show(text).then(setFound, () => setFound(false))}>
        {t('card_showOnPage')}
      </button>{' '}
      <span role="status" data-testid="evidence-show-status">
        {found === null ? '' : found ? t('card_evidenceShown') : t('card_evidenceMarkup', text)}
      </span>
    </p>
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

/** A hop's name: its publisher, else its site for display (a publisher that is the site's domain shown the same way), else its link. */
function hopName(hop: ChainHop): string {
  const name = hop.publisher && hop.publisher !== hop.site ? hop.publisher : hop.site ? displayHost(hop.site) : hop.publisher;
  return name ?? hop.url ?? '';
}
