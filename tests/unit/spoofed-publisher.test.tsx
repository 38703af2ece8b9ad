// @vitest-environment jsdom
/**
 * Issue 16: a credit can name any outlet. A WordPress feed footer (Yoast's
 * wording, copied by aggregators) "appeared first on <a
 * href=https://www.washingtonpost-archive.com/>The Washington Post</a>" gave
 * the Post as the publisher with the attacker's link, and after Verify the
 * fetched page's own og:site_name ("The Washington Post") made the result read
 * "Original found and compared" from the Post. Now: a known outlet's name on
 * another site's link is flagged in words, lowers the confidence and is never
 * shown as that link's publisher; the outlets table, not the page's
 * self-description, names a verified hop; and every "Open the original" shows
 * the host it opens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { impersonatedOutlet } from '@/core/outlets';
import { detect } from '@/core/detect';
import { readPage } from '@/core/read-page';
import type { Provenance } from '@/core/types';
import { verifyProvenance, type CachedOriginal, type FetchPage, type Verification } from '@/core/verify';
import { renderBadge } from '@/components/badge';
import { cardWords } from '@/lib/card-words';
import { ProvenanceCard } from '@/components/ProvenanceCard';
import { VerificationPanel } from '@/components/VerificationPanel';
import { getMessage } from './locale-messages';

const FIXTURE = readFileSync(join(__dirname, '../fixtures/engine/spoofed-publisher.html'), 'utf8');
const PAGE_URL = 'https://www.capitolwirenow.com/2025/03/14/senate-passes-stopgap-funding-bill-hours-before-shutdown-deadline/';
const SPOOF_URL = 'https://www.washingtonpost-archive.com/politics/2025/03/14/senate-passes-stopgap-funding-bill/';
/** jsdom's parser: this file renders the popup's components, which need jsdom's document. */
const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The same page with the footer's links on the Post's own site: the honest credit. */
const honest = FIXTURE.replaceAll('https://www.washingtonpost-archive.com/', 'https://www.washingtonpost.com/');

/** The page the footer links: a copy on washingtonpost-archive.com that calls itself the Post. */
function fetchedPage(siteName: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Senate passes stopgap funding bill hours before shutdown deadline - ${siteName}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${siteName}">
<meta property="article:published_time" content="2025-03-14T20:02:00Z"></head>
<body><article><h1>Senate passes stopgap funding bill hours before shutdown deadline</h1>
<p>The Senate on Friday approved a short-term spending measure that keeps federal agencies open through the end of September, sending the bill to the president hours before funding was due to lapse at midnight.</p>
<p>The vote came after a week of negotiations in which several senators had threatened to hold up the measure over disaster aid and defense spending. Leaders of both parties said the agreement was not what either side wanted but was better than a shutdown.</p>
</article></body></html>`;
}

async function verifyAgainst(record: Provenance, siteName: string, finalUrl = SPOOF_URL): Promise<Verification> {
  const fetchPage: FetchPage = async () => ({
    ok: true,
    finalUrl,
    status: 200,
    redirects: [],
    html: fetchedPage(siteName),
    etag: null,
    lastModified: null,
  });
  const memory = new Map<string, CachedOriginal>();
  return verifyProvenance(record, null, {
    fetchPage,
    parsePage: async (html, at) => readPage(doc(html), at),
    cache: { get: async (key) => memory.get(key), put: async (entry) => void memory.set(entry.key, entry) },
    ttlMs: 0,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});

describe('a credit naming a known outlet but linking to another site', () => {
  it('is flagged in words, with lower confidence, and the link is not presented as the Post', () => {
    const spoofed = detect(doc(FIXTURE), PAGE_URL);
    const real = detect(doc(honest), PAGE_URL);
    expect(real.original?.publisher).toBe('The Washington Post');
    expect(real.signals.map((s) => s.kind)).not.toContain('conflict');

    expect(spoofed.syndicated).toBe(true);
    expect(spoofed.original?.url).toBe(SPOOF_URL);
    expect(spoofed.original?.publisher).toBe('washingtonpost-archive.com');
    expect(spoofed.chain.map((hop) => hop.publisher)).not.toContain('The Washington Post');
    const caveat = spoofed.signals.find((s) => s.kind === 'conflict');
    expect(caveat?.evidence.text).toBe('The Washington Post → washingtonpost-archive.com');
    expect(caveat?.detail).toMatch(/not The Washington Post's site/);
    expect(spoofed.confidence).toBeLessThan(real.confidence);
  });

  it('a known outlet under its own name on its own hosts is not flagged', () => {
    expect(impersonatedOutlet('The Washington Post', 'https://www.washingtonpost.com/x')).toBeNull();
    expect(impersonatedOutlet('Washington Post', 'https://www.washingtonpost-archive.com/x')).toBe('The Washington Post');
    expect(impersonatedOutlet('CNN', 'https://edition.cnn.com/2025/x')).toBeNull();
    expect(impersonatedOutlet('BBC', 'https://www.bbc.com/news/x')).toBeNull();
    // The Australian ABC calls itself "ABC News" too: a known outlet's own site is not an impersonation.
    expect(impersonatedOutlet('ABC News', 'https://www.abc.net.au/news/x')).toBeNull();
    expect(impersonatedOutlet('Harbour Times', 'https://www.harbourtimes.example/')).toBeNull();
    expect(impersonatedOutlet('Reuters', 'https://reuters.news-today.example/x')).toBe('Reuters');
  });
});

describe('verification: the outlets table, not the fetched page, names the hop', () => {
  it('a fetched page calling itself the Post on another site is not the Post', async () => {
    const verification = await verifyAgainst(detect(doc(FIXTURE), PAGE_URL), 'The Washington Post');
    expect(verification.outcome).toBe('verified');
    expect(verification.hops[0]).toMatchObject({
      site: 'washingtonpost-archive.com',
      publisher: 'washingtonpost-archive.com',
      impersonates: 'The Washington Post',
    });
    expect(verification.original?.publisher).toBe('washingtonpost-archive.com');
  });

  it("on the outlet's own site the table's name wins over the page's og:site_name", async () => {
    const real = detect(doc(honest), PAGE_URL);
    const verification = await verifyAgainst(real, 'WaPo Live', real.original!.url!);
    expect(verification.hops[0]?.publisher).toBe('The Washington Post');
    expect(verification.hops[0]?.impersonates).toBeUndefined();
    expect(verification.original?.publisher).toBe('The Washington Post');
  });
});

describe('"Open the original" always shows its host', () => {
  it('in the popup card', () => {
    const record = detect(doc(FIXTURE), PAGE_URL);
    const root = document.createElement('div');
    render(h(ProvenanceCard, { record }), root);
    expect(root.querySelector('[data-testid="open-original"]')?.textContent).toBe('Open the original (www.washingtonpost-archive.com)');
    expect(root.querySelector('[data-testid="verdict"]')?.textContent).not.toContain('The Washington Post');
    expect(root.querySelector('[data-testid="evidence"]')?.textContent).toContain(
      'names The Washington Post but links to washingtonpost-archive.com',
    );
  });

  it('in the verification panel, with the impersonation said in words', async () => {
    const verification = await verifyAgainst(detect(doc(FIXTURE), PAGE_URL), 'The Washington Post');
    const root = document.createElement('div');
    render(
      h(VerificationPanel, { entry: { verification } as never, status: { kind: 'idle' }, canVerify: true, onVerify: () => Promise.resolve() }),
      root,
    );
    const hop = root.querySelector('[data-testid="verified-hop"]')?.textContent ?? '';
    expect(hop).toContain('(washingtonpost-archive.com)');
    expect(root.querySelector('[data-testid="hop-impersonates"]')?.textContent).toContain(
      "calls itself The Washington Post, but washingtonpost-archive.com is not The Washington Post's site",
    );
  });

  it("in the badge's card", () => {
    const record = detect(doc(FIXTURE), PAGE_URL);
    const root = document.createElement('div');
    renderBadge(
      root,
      record,
      { dismiss: () => undefined, control: async () => '', verify: async () => '' },
      document.createElement('span'),
      cardWords(record),
    );
    // Labelled with what it leads to, and the host it opens beside it (lib/card-words.ts).
    const link = root.querySelector('[data-testid="provenance-badge-link"]')?.textContent ?? '';
    expect(link).toMatch(/^(Original|Credited page): /);
    expect(link).not.toContain('The Washington Post');
    expect(link.endsWith(' www.washingtonpost-archive.com')).toBe(true);
    expect(root.querySelector('[data-testid="provenance-badge"]')?.textContent).not.toContain('The Washington Post');
  });
});
