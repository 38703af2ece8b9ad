/**
 * The first-run page (welcome.html), opened when the extension is installed
 * (lib/control.ts) and linked from the options: what is read, kept, fetched
 * and never sent; how to pin the icon and the keyboard shortcut; the one
 * setting that changes when anything is fetched; what the badge looks like.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { kindText } from '@/lib/kind-text';
import badgeCss from '@/components/badge.css?inline';
import { ShortcutNote } from '@/components/ShortcutNote';
import type { Provenance } from '@/core/types';
import type { PageKey } from '@/core/url';
import type { ProvenanceClient } from '@/lib/client';
import { t } from '@/lib/i18n';

export function Welcome({ client }: { client: ProvenanceClient }) {
  return (
    <main class="welcome">
      <p class="brand">{t('extensionName')}</p>
      <h1>{t('control_welcomeTitle')}</h1>
      <p class="lead">{t('control_welcomeIntro')}</p>

      <div class="promises" data-testid="welcome-privacy">
        <Part title={t('control_readTitle')} text={t('control_readText')} />
        <Part title={t('control_storedTitle')} text={t('control_storedText')} />
        <Part title={t('control_fetchTitle')} text={t('control_fetchText')} />
        <Part title={t('control_neverTitle')} text={t('control_neverText')} />
      </div>

      <section aria-labelledby="auto-title">
        <h2 id="auto-title">{t('control_autoTitle')}</h2>
        <AutoVerify client={client} />
      </section>

      <section aria-labelledby="pin-title">
        <h2 id="pin-title">{t('control_pinTitle')}</h2>
        <p data-testid="welcome-pin">{t(import.meta.env.FIREFOX ? 'control_pinFirefox' : 'control_pinChrome')}</p>
      </section>

      <section aria-labelledby="shortcut-title">
        <h2 id="shortcut-title">{t('control_shortcutTitle')}</h2>
        <ShortcutNote client={client} />
      </section>

      <section aria-labelledby="sample-title">
        <h2 id="sample-title">{t('control_sampleTitle')}</h2>
        <p>{t('control_sampleText')}</p>
        <figure class="sample">
          <figcaption>{t('control_sampleLabel')}</figcaption>
          <SampleBadge />
        </figure>
      </section>

      <p class="hint">
        {t('control_welcomeAgain')} <a href="/options.html#settings">{t('settingsTitle')}</a>
      </p>
    </main>
  );
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <h2>{title}</h2>
      <p>{text}</p>
    </section>
  );
}

/** The same setting as in the options (lib/settings.ts), saved as soon as it changes. */
function AutoVerify({ client }: { client: ProvenanceClient }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => void client.readSettings().then((values) => setOn(values.autoVerify)), [client]);
  if (on === null) return <p role="status">{t('stateLoading')}</p>;
  const change = (value: boolean) => {
    setOn(value);
    client.saveSetting('autoVerify', value).then(
      () => setStatus(t('settingsSaved')),
      (error: unknown) => setStatus(t('settingsSaveFailed', error instanceof Error ? error.message : String(error))),
    );
  };
  return (
    <>
      <label class="setting">
        <input
          type="checkbox"
          data-testid="welcome-auto-verify"
          checked={on}
          onChange={(e) => change((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          <strong>{t('settingAutoVerify')}</strong>
          <br />
          <span class="hint">{t('settingAutoVerifyHint')}</span>
        </span>
      </label>
      <p role="status" class="notice" data-testid="welcome-auto-verify-status">
        {status}
      </p>
    </>
  );
}

/** A picture of the badge, drawn with the badge's own styles and words; not a control, not a real page. */
const SAMPLE: Provenance = {
  url: 'https://news.example/2025/02/22/talks/' as PageKey,
  isArticle: true,
  syndicated: true,
  kind: 'scraped',
  confidence: 0.95,
  page: { headline: null, author: null, authors: [], publishedAt: null, publishedAtText: null, siteName: null },
  original: { url: null, publisher: 'The Washington Post', headline: null, publishedAt: null },
  chain: [{ url: null, publisher: 'The Washington Post', site: 'washingtonpost.com' }],
  sourceUrl: null,
  copyright: null,
  signals: [],
  engineMs: 0,
};

function SampleBadge() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || el.shadowRoot) return;
    const style = document.createElement('style');
    style.textContent = badgeCss;
    const root = document.createElement('div');
    root.className = 'root';
    const pill = document.createElement('span');
    pill.className = 'pill';
    pill.style.cursor = 'default';
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.textContent = '⟲';
    mark.setAttribute('aria-hidden', 'true');
    const words = document.createElement('span');
    words.textContent = kindText(SAMPLE).label;
    pill.append(mark, words);
    root.append(pill);
    el.attachShadow({ mode: 'open' }).append(style, root);
  }, []);
  return <div ref={host} data-testid="welcome-sample-badge" />;
}
