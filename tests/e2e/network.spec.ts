/**
 * Issue 16, requests the reader never meant to make: a page's source link (or
 * a redirect on the way to it) must not make the extension reach into the
 * reader's own network, reach a site the reader has not let it read, carry a
 * Referer, or take another request to the same address for its own.
 *
 * These tests load a copy of the build that has been given access to a few
 * sites only (as a reader who clicked "Allow" for them would have), so a
 * redirect to any other site meets a missing permission, as it would for real.
 * Everything resolves to the fixture web (Chromium's --host-resolver-rules),
 * 127.0.0.1 and localhost included: a request that should never be sent would
 * show in its request log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { extensionDir, openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { STAGING_ROOT } from './support/build';
import type { FixtureWeb } from './support/fixture-web';
import { RUNNING_EXAMPLE, farmPage } from './support/pages';

const COPY_HOST = 'www.copyfarm-news.com';
const WAPO_FILE = 'washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/index.html';

/** The sites this build may read; everything else is asked for (and never answered in a headless browser). */
const GRANTED = [
  `https://${COPY_HOST}/*`,
  'https://redirector.example/*',
  'https://turns.example/*',
  'https://www.washingtonpost.com/*',
  'http://plain-original.example/*',
  // A site the reader reads and let Provenance read: Chromium shows an extension the requests of a site's
  // service worker only when it may read that site too.
  'https://busy-site.example/*',
  // Private addresses the build could read, to show that it does not all the same.
  'http://127.0.0.1/*',
  'http://localhost/*',
];

/** A copy of the staged build with access to GRANTED only (the optional permissions stay optional). */
function buildWithAccessTo(origins: string[]): string {
  const target = path.join(STAGING_ROOT, 'network-chrome-mv3');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(extensionDir(), target, { recursive: true });
  const file = path.join(target, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  manifest.host_permissions = origins;
  manifest.optional_host_permissions = ['http://*/*', 'https://*/*'];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return target;
}

const test2 = test.extend<{ limited: { context: BrowserContext; extensionId: string; page: Page } }>({
  limited: async ({ launchExtension }, use) => {
    const browser = await launchExtension({ extensionDir: buildWithAccessTo(GRANTED) });
    const page = await browser.context.newPage();
    await use({ context: browser.context, extensionId: browser.extensionId, page });
  },
});

function serveCopy(web: FixtureWeb, slug: string, sourceUrl: string): string {
  const pathname = `/story/${slug}/`;
  web.route({
    host: COPY_HOST,
    path: pathname,
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage(`Story ${slug}`, sourceUrl) },
  });
  return `https://${COPY_HOST}${pathname}`;
}

type Limited = { context: BrowserContext; extensionId: string; page: Page };

async function openPopup({ context, extensionId, page }: Limited, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  await expect(popup.locator('.card.is-copy').getByTestId('verdict')).toHaveCount(1);
  return popup;
}

async function openAndVerify(limited: Limited, url: string) {
  const popup = await openPopup(limited, url);
  await popup.getByTestId('verify-button').click();
  return popup;
}

/** What the fixture web was asked by the extension's verification (its Accept header), not by pages. */
const verificationRequests = (web: FixtureWeb) =>
  web.requests.filter((r) => String(r.headers.accept ?? '').startsWith('text/html,application/xhtml+xml;q=0.9'));

test2('a source link into a private network is refused before any request, even where access was granted', async ({ limited, fixtureWeb }) => {
  const url = serveCopy(fixtureWeb, 'router', `http://localhost:${fixtureWeb.port}/admin/`);
  const popup = await openAndVerify(limited, url);
  const failure = popup.getByTestId('verify-failure');
  await expect(failure).toHaveAttribute('data-code', 'private-address', { timeout: 20_000 });
  await expect(failure).toHaveText(`Could not check: localhost:${fixtureWeb.port} points into a private network: not fetched.`);
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'failed');
  expect(fixtureWeb.requests.filter((r) => r.host === 'localhost' || r.host === '127.0.0.1')).toEqual([]);
});

test2('a source link into a private network is refused before any permission is asked for', async ({ limited, fixtureWeb }) => {
  // No access to 192.168.1.1: asking would open a prompt that nobody answers in a headless browser, and the check would hang.
  const url = serveCopy(fixtureWeb, 'lan', 'http://192.168.1.1/cgi-bin/admin');
  const popup = await openAndVerify(limited, url);
  const failure = popup.getByTestId('verify-failure');
  await expect(failure).toHaveAttribute('data-code', 'private-address', { timeout: 15_000 });
  await expect(failure).toContainText('192.168.1.1 points into a private network: not fetched');
  await expect(popup.getByTestId('verify-error')).toHaveCount(0);
});

test2('a redirect into a private network is not followed, and the popup says where it led', async ({ limited, fixtureWeb }) => {
  const target = `http://127.0.0.1:${fixtureWeb.port}/admin/`;
  fixtureWeb.route({ host: 'redirector.example', path: '/to-router', behaviour: { kind: 'redirect', status: 302, to: target } });
  const url = serveCopy(fixtureWeb, 'redirected', 'https://redirector.example/to-router');
  const popup = await openAndVerify(limited, url);
  const failure = popup.getByTestId('verify-failure');
  await expect(failure).toHaveAttribute('data-code', 'private-address', { timeout: 20_000 });
  await expect(failure).toHaveText(
    `Could not check: 127.0.0.1:${fixtureWeb.port} points into a private network: not fetched. redirector.example redirects there; the redirect was not followed.`,
  );
  expect(fixtureWeb.requestsTo('redirector.example')).toHaveLength(1);
  expect(fixtureWeb.requests.filter((r) => r.host === '127.0.0.1' || r.host === 'localhost')).toEqual([]);
  // And from storage, when the popup opens again.
  await popup.reload();
  await expect(popup.getByTestId('verify-failure')).toHaveAttribute('data-code', 'private-address');
});

test2('a redirect to a site the reader has not let Provenance read stops there and asks for it', async ({ limited, fixtureWeb }) => {
  fixtureWeb.route({
    host: 'redirector.example',
    path: '/away',
    behaviour: { kind: 'redirect', status: 301, to: 'https://elsewhere.example/story/' },
  });
  fixtureWeb.route({ host: 'elsewhere.example', path: '/story/', behaviour: { kind: 'file', file: WAPO_FILE } });
  const url = serveCopy(fixtureWeb, 'away', 'https://redirector.example/away');
  const popup = await openAndVerify(limited, url);
  const failure = popup.getByTestId('verify-failure');
  await expect(failure).toHaveAttribute('data-code', 'permission-refused', { timeout: 20_000 });
  await expect(failure).toHaveText(
    'redirector.example redirects to elsewhere.example. Provenance needs your permission to read elsewhere.example too. Click “Find and compare the original” again to allow it.',
  );
  expect(fixtureWeb.requestsTo('redirector.example')).toHaveLength(1);
  expect(fixtureWeb.requestsTo('elsewhere.example')).toEqual([]);
});

test2(
  'verification requests carry no Referer and no cookie, and an http original is marked as fetched without encryption',
  async ({ limited, fixtureWeb }) => {
    fixtureWeb.route({
      host: 'plain-original.example',
      path: '/story/',
      behaviour: { kind: 'file', file: WAPO_FILE, headers: { 'Set-Cookie': 'tracker=1; Path=/' } },
    });
    const url = serveCopy(fixtureWeb, 'plain', 'http://plain-original.example/story/');
    await limited.context.addCookies([{ name: 'session', value: 'reader', domain: 'plain-original.example', path: '/' }]);
    const popup = await openAndVerify(limited, url);
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    await expect(popup.getByTestId('hop-unencrypted')).toHaveText(/fetched without encryption \(http:\/\/\)/);
    const sent = verificationRequests(fixtureWeb);
    expect(sent.map((r) => r.url)).toContain('http://plain-original.example/story/');
    for (const request of sent) {
      expect(request.headers.referer, request.url).toBeUndefined();
      expect(request.headers.cookie, request.url).toBeUndefined();
    }
    // An https original gets no such mark.
    const secure = await openAndVerify(limited, serveCopy(fixtureWeb, 'secure', RUNNING_EXAMPLE.original));
    await expect(secure.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 30_000 });
    await expect(secure.getByTestId('hop-unencrypted')).toHaveCount(0);
  },
);

test2(
  "a site's service worker requesting the same address at the same time is not taken for the extension's request",
  async ({ limited, fixtureWeb }) => {
    test.setTimeout(90_000);
    // The same address answers the extension (which asks for HTML) with a redirect to the article, and anyone
    // else with a redirect to a page that is not there. Had the extension taken one of the worker's requests for
    // its own, it would wait for that request's answer (queued behind the worker's others) or follow its redirect.
    fixtureWeb.route({
      host: 'turns.example',
      path: '/story/',
      behaviour: (_match, req) => ({
        kind: 'redirect',
        status: 302,
        to: String(req.headers.accept ?? '').startsWith('text/html') ? '/real/' : '/decoy/',
      }),
    });
    fixtureWeb.route({ host: 'turns.example', path: '/decoy/', behaviour: { kind: 'status', status: 404 } });
    fixtureWeb.route({ host: 'turns.example', path: '/real/', behaviour: { kind: 'file', file: WAPO_FILE } });
    fixtureWeb.route({
      host: 'busy-site.example',
      path: '/',
      behaviour: {
        kind: 'body',
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Busy</title><script>navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then(() => (document.title = "ready"));</script>',
      },
    });
    fixtureWeb.route({
      host: 'busy-site.example',
      path: '/sw.js',
      behaviour: {
        kind: 'body',
        contentType: 'text/javascript',
        body: `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
// On request, a burst: 5 requests for the address every 10 ms, for a few seconds (about 2,000).
self.addEventListener('message', (event) => {
  const fire = () => { for (let i = 0; i < 5; i++) fetch(event.data.url, { mode: 'no-cors', cache: 'no-store' }).catch(() => {}); };
  const timer = setInterval(fire, 10);
  event.waitUntil(new Promise((resolve) => setTimeout(() => { clearInterval(timer); resolve(); }, event.data.ms)));
});`,
      },
    });
    const site = await limited.context.newPage();
    await site.goto('https://busy-site.example/');
    await expect(site).toHaveTitle('ready');
    const popup = await openPopup(limited, serveCopy(fixtureWeb, 'busy', 'https://turns.example/story/'));
    // The site's worker asks for the address again and again while the extension verifies.
    await site.evaluate(async () => (await navigator.serviceWorker.ready).active!.postMessage({ url: 'https://turns.example/story/', ms: 4_000 }));
    await expect.poll(() => fixtureWeb.requestsTo('turns.example').length).toBeGreaterThan(20);
    await popup.getByTestId('verify-button').click();
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 30_000 });
    await expect(popup.locator('[data-testid="verified-hop"] a').first()).toHaveAttribute('href', 'https://turns.example/real/');
    const ours = verificationRequests(fixtureWeb).filter((r) => r.host === 'turns.example');
    expect(ours.map((r) => r.path)).toEqual(['/story/', '/real/']);
  },
);

test2('verifications fetching the same address at once each get their own answer', async ({ limited, fixtureWeb }) => {
  // Each request to the address is sent somewhere else: /dest/1, /dest/2.
  let n = 0;
  fixtureWeb.route({ host: 'turns.example', path: '/shared/', behaviour: () => ({ kind: 'redirect', status: 302, to: `/dest/${++n}` }) });
  fixtureWeb.route({ host: 'turns.example', path: /^\/dest\/\d+$/, behaviour: { kind: 'file', file: WAPO_FILE } });
  // Two: the background runs two verifications at a time (lib/service.ts) and queues the rest.
  const copies = [serveCopy(fixtureWeb, 'twin-a', 'https://turns.example/shared/'), serveCopy(fixtureWeb, 'twin-b', 'https://turns.example/shared/')];
  const tabs: number[] = [];
  for (const url of copies) {
    const page = await limited.context.newPage();
    await page.goto(url);
    const tabId = await tabIdFor(limited.context, url, limited.extensionId);
    await waitForSettledPopup(limited.context, limited.extensionId, tabId).then((p) => p.close());
    tabs.push(tabId);
  }
  // Both asked for in one go; with their tabs open, each one's first request is the shared address.
  const options = await openOptions(limited.context, limited.extensionId);
  const finalUrls = await options.evaluate(
    async (jobs) => {
      type Answer = { ok: boolean; entry?: { verification: { outcome: string; hops: { finalUrl: string }[] } } };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<Answer> } } }).chrome.runtime;
      const answers = await Promise.all(jobs.map(([pageUrl, tabId]) => runtime.sendMessage({ type: 'verify', pageUrl, tabId, force: true })));
      return answers.map((answer) => `${answer.entry?.verification.outcome} ${answer.entry?.verification.hops[0]?.finalUrl}`);
    },
    copies.map((url, i) => [url, tabs[i]!] as const),
  );
  // Each verification followed its own redirect: each destination once, none twice.
  expect(finalUrls.sort()).toEqual(['verified https://turns.example/dest/1', 'verified https://turns.example/dest/2']);
  expect(
    fixtureWeb
      .requestsTo('turns.example')
      .map((r) => r.path)
      .sort(),
  ).toEqual(['/dest/1', '/dest/2', '/shared/', '/shared/']);
});
