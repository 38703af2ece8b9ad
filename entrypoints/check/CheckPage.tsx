/**
 * The check page (check.html): where the badge's card and the link menu send
 * the reader when a check needs what only a page of the extension can do,
 * ask for a site's access (permissions.request wants a click on our own page).
 *
 * - `?url=<page>&tab=<id>`, from the card: the tab's page, as the popup shows
 *   it (EntryView), with its Verify asking for the sites in that click;
 * - `?url=<link>`, from the link menu "Where does this article come from?":
 *   the linked page is read (by the background, only from a site the reader
 *   allowed, asked for here in a click) and its provenance shown. Nothing of
 *   it is stored.
 */
import { useEffect, useState } from 'preact/hooks';
import { EntryView } from '@/components/EntryView';
import { ExternalLink } from '@/components/ExternalLink';
import { ProvenanceCard } from '@/components/ProvenanceCard';
import { hopRefusal } from '@/core/private-network';
import type { Provenance } from '@/core/types';
import { displayHost, normalizeUrl } from '@/core/url';
import type { ProvenanceClient } from '@/lib/client';
import { t } from '@/lib/i18n';
import type { TabReport } from '@/lib/messages';

type View =
  | { kind: 'loading' }
  | { kind: 'bad'; message: string }
  | { kind: 'tab'; tabId: number; report: TabReport }
  | { kind: 'link'; url: string; note: string | null };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function sameUrl(a: string | null, b: string): boolean {
  try {
    return a !== null && normalizeUrl(a) === normalizeUrl(b);
  } catch {
    return false;
  }
}

function webUrl(value: string | null): string | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function CheckPage({ client, query }: { client: ProvenanceClient; query: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    const params = new URLSearchParams(query);
    const url = webUrl(params.get('url'));
    if (!url) return setView({ kind: 'bad', message: `${t('card_inspectFailed', t('card_inspectNotWeb'))} ${params.get('url') ?? ''}`.trim() });
    const tabId = Number(params.get('tab'));
    if (!params.has('tab') || !Number.isInteger(tabId) || tabId < 0) return setView({ kind: 'link', url, note: null });
    // From the card: the tab's page as the popup shows it, while the tab still shows it.
    client.tabReport(tabId).then(
      (report) =>
        setView(
          report.state === 'article' && report.entry && sameUrl(report.tabUrl, url)
            ? { kind: 'tab', tabId, report }
            : { kind: 'link', url, note: t('card_checkTabGone') },
        ),
      () => setView({ kind: 'link', url, note: t('card_checkTabGone') }),
    );
  }, [client, query]);

  return (
    <main class="check">
      <p class="brand">{t('extensionName')}</p>
      <h1 data-testid="check-title">{t('card_checkTitle')}</h1>
      {view.kind === 'loading' && <p role="status">{t('stateLoading')}</p>}
      {view.kind === 'bad' && (
        <p role="alert" class="problem" data-testid="check-problem">
          {view.message}
        </p>
      )}
      {view.kind === 'tab' && (
        <>
          <p class="hint" data-testid="check-intro">
            {t('card_checkIntro')}
          </p>
          <EntryView client={client} entry={view.report.entry!} tabId={view.tabId} stored={view.report.verification} />
        </>
      )}
      {view.kind === 'link' && <LinkCheck client={client} url={view.url} note={view.note} />}
    </main>
  );
}

type LinkState =
  | { kind: 'starting' }
  /** The reader's leave is needed for `askFor`'s site (the link's, or a site it redirects to). */
  | { kind: 'ask'; askFor: string; refused: boolean }
  | { kind: 'reading' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; record: Provenance; finalUrl: string };

/** The linked page: asks for its site's access (in the reader's click), reads it, shows its provenance. */
function LinkCheck({ client, url, note }: { client: ProvenanceClient; url: string; note: string | null }) {
  const [state, setState] = useState<LinkState>({ kind: 'starting' });

  const inspect = async () => {
    setState({ kind: 'reading' });
    try {
      const answer = await client.inspectUrl(url);
      if (answer.ok) return setState({ kind: 'done', record: answer.record, finalUrl: answer.finalUrl });
      if (answer.code === 'permission-refused' && answer.url) return setState({ kind: 'ask', askFor: answer.url, refused: false });
      setState({ kind: 'failed', message: t('card_inspectFailed', answer.message) });
    } catch (error) {
      setState({ kind: 'failed', message: t('card_inspectFailed', errorText(error)) });
    }
  };

  useEffect(() => {
    // An address into a private network is never asked for: the background refuses it before any request, and says why.
    if (hopRefusal(url)) return void inspect();
    void client.hasSiteAccess([url]).then((allowed) => (allowed ? inspect() : setState({ kind: 'ask', askFor: url, refused: false })));
  }, [client, url]);

  const allow = async (askFor: string) => {
    let granted = false;
    try {
      granted = await client.requestSiteAccess([askFor]);
    } catch {
      granted = false;
    }
    if (granted) await inspect();
    else setState({ kind: 'ask', askFor, refused: true });
  };

  const host = displayHost(url);
  return (
    <>
      <p class="address" data-testid="check-address">
        <ExternalLink href={url} label={t('card_openPage', host)} />
      </p>
      {note && <p class="hint">{note}</p>}
      {state.kind === 'ask' && (
        <div class="ask" data-testid="check-ask">
          <p>{t('card_inspectAsk', displayHost(state.askFor))}</p>
          <button type="button" class="button" data-testid="check-allow" onClick={() => void allow(state.askFor)}>
            {t('card_inspectAllow', displayHost(state.askFor))}
          </button>
          {state.refused && (
            <p role="alert" class="problem" data-testid="check-refused">
              {t('verifyPermissionRefused', displayHost(state.askFor))}
            </p>
          )}
        </div>
      )}
      {(state.kind === 'reading' || state.kind === 'starting') && (
        <p role="status" class="progress" data-testid="check-reading">
          {t('card_inspectRunning', host)}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="problem" data-testid="check-problem">
          {state.message}
        </p>
      )}
      {state.kind === 'done' &&
        (state.record.isArticle ? (
          <ProvenanceCard record={state.record} onCopy={client.copyText} />
        ) : (
          <p data-testid="check-no-article">{t('card_inspectNoArticle')}</p>
        ))}
    </>
  );
}
