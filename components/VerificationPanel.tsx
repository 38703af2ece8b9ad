/**
 * The result of checking a page against its original: the chain as fetched,
 * the headline diff, text reuse, the delay, the author — or why the check
 * could not be made. Honest about age: a cached result says when it was made.
 */
import type { ArticleComparison, DiffSegment } from '@/core/compare';
import type { Verification } from '@/core/verify';
import type { VerificationEntry } from '@/lib/db';
import { displayDelay } from '@/lib/dates-display';
import { failureText, t, type MessageKey } from '@/lib/i18n';
import { displayHost } from '@/core/url';
import { ExternalLink } from './ExternalLink';

export type VerifyStatus = { kind: 'idle' } | { kind: 'running'; step: string | null } | { kind: 'error'; message: string };

function ageText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return t('ageJustNow');
  if (minutes < 60) return t('ageMinutes', String(minutes));
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('ageHours', String(hours));
  return t('ageDays', String(Math.round(hours / 24)));
}

const OUTCOME_TITLE: Record<Verification['outcome'], MessageKey> = {
  verified: 'verifyOutcomeVerified',
  'named-not-linked': 'verifyOutcomeNamed',
  failed: 'verifyOutcomeFailed',
  loop: 'verifyOutcomeLoop',
  'too-long': 'verifyOutcomeTooLong',
  'nothing-to-verify': 'verifyOutcomeNothing',
};

/**
 * The main action under the verdict: Find and compare the original (fetch the chain, compare), and its result.
 * With no link to fetch, the main action is `fallback`: a search for the headline the reader may run.
 */
export function VerificationPanel({
  entry,
  status,
  canVerify,
  onVerify,
  fallback = null,
  now = Date.now(),
}: {
  entry: VerificationEntry | null;
  status: VerifyStatus;
  canVerify: boolean;
  /** Runs the check; it shows its own outcome and failures (components/useVerification.ts). */
  onVerify: (force: boolean) => Promise<void>;
  fallback?: { href: string; label: string } | null;
  now?: number;
}) {
  const verification = entry?.verification ?? null;
  // The main action until a check is made; then a small "Compare again" beside its outcome.
  const button = canVerify && (
    <button
      type="button"
      class={verification ? 'button secondary' : 'button main-action'}
      data-testid="verify-button"
      disabled={status.kind === 'running'}
      onClick={() => void onVerify(verification !== null)}
    >
      {status.kind === 'running' ? t('verifyRunning') : verification ? t('verifyRecheck') : t('verifyButton')}
    </button>
  );
  return (
    <section class="verification" aria-labelledby="verification-title" data-testid="verification">
      <h2 id="verification-title" class="visually-hidden">
        {t('verifyTitle')}
      </h2>
      {!verification && button}
      {!canVerify && fallback && !verification && (
        // No link to fetch: a search the reader may run; nothing is requested on their behalf.
        <a class="button main-action" href={fallback.href} target="_blank" rel="noopener noreferrer" data-testid="search-original-action">
          {fallback.label}
        </a>
      )}
      {status.kind === 'running' && (
        <p role="status" class="progress" data-testid="verify-progress">
          {status.step ? t('verifyProgressFetching', status.step) : t('verifyRunning')}
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert" class="problem" data-testid="verify-error">
          {status.message}
        </p>
      )}
      {!verification && status.kind === 'idle' && (
        <p class="hint">{canVerify ? t('verifyHint') : fallback ? t('popup_searchHint') : t('verifyNothingHint')}</p>
      )}
      {verification && (
        <div data-testid="verification-result" data-outcome={verification.outcome}>
          <div class="outcome-row">
            <p class="outcome" data-testid="verify-outcome">
              <strong>{t(OUTCOME_TITLE[verification.outcome])}</strong>{' '}
              <span class="age" data-testid="verify-age">
                {t('verifyCheckedAgo', ageText(now - verification.checkedAt))}
              </span>
            </p>
            {button}
          </div>
          {verification.failure && (
            <p class="problem" data-testid="verify-failure" data-code={verification.failure.code}>
              {failureSentence(verification)}
            </p>
          )}
          {entry?.lastFailure && (
            <p class="problem" data-testid="verify-last-failure" data-code={entry.lastFailure.verification.failure?.code}>
              {t('verifyRecheckFailed', [
                ageText(now - entry.lastFailure.at),
                (entry.lastFailure.verification.failure && failureText(entry.lastFailure.verification.failure)) ??
                  entry.lastFailure.verification.outcome,
              ])}
            </p>
          )}
          {verification.hops.some((hop) => hop.stale) && <p class="hint">{t('verifyStale')}</p>}
          {verification.hops.length > 0 && (
            <ol class="chain" data-testid="verified-chain">
              <li>{t('chainThisPage')}</li>
              {verification.hops.map((hop, index) => (
                <li key={index} data-testid="verified-hop">
                  <ExternalLink href={hop.finalUrl} label={hop.publisher ?? hop.site ?? hop.finalUrl} />
                  <span class="site"> ({displayHost(hop.site ?? hop.finalUrl)})</span>
                  {hop.impersonates && (
                    <span class="problem" data-testid="hop-impersonates">
                      {' '}
                      {t('hopImpersonates', [hop.impersonates, displayHost(hop.site ?? hop.finalUrl)])}
                    </span>
                  )}
                  {hop.syndicated && <span class="tag"> {t('hopIsCopy')}</span>}
                  {hop.redirectedAcrossSites && <span class="tag"> {t('hopRedirected', hop.url)}</span>}
                  {/^http:/i.test(hop.finalUrl) && (
                    <span class="tag" data-testid="hop-unencrypted">
                      {' '}
                      {t('hopUnencrypted')}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {verification.search && (
            <p data-testid="search-original">
              {t('verifyNamedNotLinked', verification.search.publisher)}{' '}
              <ExternalLink href={verification.search.url} label={t('searchOriginal', verification.search.publisher)} />
            </p>
          )}
          {verification.comparison && <ComparisonView comparison={verification.comparison} />}
        </div>
      )}
    </section>
  );
}

function failureSentence(verification: Verification): string {
  const failure = verification.failure!;
  // A refused redirect names the address it led to (failure.url) and the page that redirected there.
  const from = failure.redirectedFrom ? hostOf(failure.redirectedFrom) : null;
  if (failure.code === 'permission-refused') {
    return from ? t('verifyRedirectPermissionNeeded', [from, hostOf(failure.url)]) : t('verifyPermissionNeeded', hostOf(failure.url));
  }
  const text = failureText(failure);
  const sentence = t('verifyFailedBecause', text);
  // The engine's own sentence (the fallback) names the redirect already.
  return from && text !== failure.message ? `${sentence} ${t('verifyRedirectNotFollowed', from)}` : sentence;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const HEADLINE_VERDICT: Record<string, MessageKey> = {
  same: 'headlineSame',
  'lightly-edited': 'headlineLightlyEdited',
  rewritten: 'headlineRewritten',
  'different-story': 'headlineDifferentStory',
};
const TEXT_VERDICT: Record<string, MessageKey> = {
  verbatim: 'textVerbatim',
  partial: 'textPartial',
  rewritten: 'textRewritten',
  unknown: 'textUnknown',
};
const AUTHOR_VERDICT: Record<string, MessageKey> = {
  match: 'authorsMatch',
  different: 'authorsDifferent',
  unknown: 'authorsUnknown',
};

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

function ComparisonView({ comparison }: { comparison: ArticleComparison }) {
  const { headline, text, delay, authors } = comparison;
  return (
    <dl class="facts comparison" data-testid="comparison">
      {headline && (
        <div class="fact">
          <dt>{t('labelHeadlineComparison')}</dt>
          <dd data-testid="headline-verdict" data-verdict={headline.verdict}>
            {t(HEADLINE_VERDICT[headline.verdict]!)} ({percent(headline.similarity)})
          </dd>
          <dd class="diff" data-testid="headline-diff">
            <HeadlineDiff segments={headline.diff} />
          </dd>
        </div>
      )}
      {text && (
        <div class="fact">
          <dt>{t('labelTextReuse')}</dt>
          <dd data-testid="text-verdict" data-verdict={text.verdict}>
            {t(TEXT_VERDICT[text.verdict]!)}
          </dd>
          <dd data-testid="text-reuse">
            {t('textReuseShares', [percent(text.originalOnPage), percent(text.pageFromOriginal)])}
            {text.approximate ? ` ${t('approximate')}` : ''}
          </dd>
        </div>
      )}
      {delay.text && (
        <div class="fact">
          <dt>{t('labelDelay')}</dt>
          <dd data-testid="delay">
            {displayDelay(delay)}
            {delay.approximate ? ` ${t('approximate')}` : ''}
          </dd>
        </div>
      )}
      <div class="fact">
        <dt>{t('labelAuthorMatch')}</dt>
        <dd data-testid="author-match" data-verdict={authors.verdict}>
          {t(AUTHOR_VERDICT[authors.verdict]!)}
        </dd>
      </div>
    </dl>
  );
}

/** The page's headline with words the copy added and the original had marked, for the eye and for screen readers. */
function HeadlineDiff({ segments }: { segments: DiffSegment[] }) {
  return (
    <span>
      {segments.map((segment, index) => {
        if (segment.op === 'same') return <span key={index}>{segment.text} </span>;
        if (segment.op === 'added')
          return (
            <ins key={index} title={t('diffAdded')}>
              {segment.text}{' '}
            </ins>
          );
        return (
          <del key={index} title={t('diffRemoved')}>
            {segment.text}{' '}
          </del>
        );
      })}
    </span>
  );
}
