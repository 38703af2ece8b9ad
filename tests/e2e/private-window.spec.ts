/**
 * A page read in a private (incognito) window, in real Chromium: the badge
 * shows on the page and on the toolbar, the popup describes the page and
 * Verify works, but nothing of it reaches the history, the verifications,
 * the originals cache or extension storage (tests/unit/private-window.test.ts
 * also shows that a normal window's tab on the same page knows nothing of it).
 *
 * Playwright cannot open an incognito window (launchPersistentContext has
 * none), and an extension runs there only when the reader allows it. So the
 * profile is first started once (Chromium records the unpacked extension in
 * its Preferences), the setting "Allow in Incognito" is switched on in that
 * file (extensions.settings.<id>.incognito, what chrome://extensions writes),
 * and the browser is started again on it. The extension's service worker then
 * opens the private window (chrome.windows.create({ incognito: true })): the
 * extension runs in Chrome's default "spanning" mode, one background for both
 * kinds of window, which is what the background must keep apart. The page in
 * the private window is read through the DevTools protocol (Target domain),
 * since it belongs to no Playwright context.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { test, expect } from './fixtures';
import { inServiceWorker, openOptions, openPopupFor } from './support/browser';
import { RUNNING_EXAMPLE } from './support/pages';

/** The few chrome.* calls made in the service worker here (each function runs there on its own: no closure). */
interface ChromeApi {
  chrome: {
    extension: { isAllowedIncognitoAccess(): Promise<boolean> };
    windows: {
      create(options: { incognito: boolean; url: string }): Promise<{ id?: number; incognito: boolean; tabs?: Array<{ id?: number }> }>;
      remove(id: number): Promise<void>;
    };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    storage: { session: { get(keys: null): Promise<Record<string, unknown>> }; local: { get(keys: null): Promise<Record<string, unknown>> } };
  };
}

/** Switches on "Allow in Incognito" for the extension in a closed profile. */
function allowInIncognito(userDataDir: string, extensionId: string): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(fs.readFileSync(file, 'utf8')) as { extensions?: { settings?: Record<string, { incognito?: boolean }> } };
  const entry = prefs.extensions?.settings?.[extensionId];
  if (!entry) throw new Error(`Chromium's Preferences have no entry for the extension ${extensionId}; cannot allow it in incognito.`);
  entry.incognito = true;
  fs.writeFileSync(file, JSON.stringify(prefs));
}

/** Runs an expression in the page showing `url` (any browser context, incognito included) and returns its value. */
async function evaluateInPage(cdp: CDPSession, url: string, expression: string): Promise<unknown> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'page' && info.url === url);
  if (!target) throw new Error(`No page shows ${url}: ${targetInfos.map((info) => info.url).join(', ')}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const answer = new Promise<unknown>((resolve) => {
    const listener = (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
      if (event.sessionId !== sessionId || message.id !== 1) return;
      cdp.off('Target.receivedMessageFromTarget', listener);
      resolve(message.result?.result?.value);
    };
    cdp.on('Target.receivedMessageFromTarget', listener);
  });
  const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message });
  const value = await answer;
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  return value;
}

/** Counts of the extension's IndexedDB stores and the page's presence in them, read from an extension page. */
async function stored(context: BrowserContext, extensionId: string, url: string) {
  const options = await openOptions(context, extensionId);
  const counts = await options.evaluate(async (pageUrl) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('provenance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = async (name: string): Promise<unknown[]> =>
      db.objectStoreNames.contains(name)
        ? new Promise((resolve) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
          })
        : [];
    const [pages, verifications, originals] = await Promise.all([all('pages'), all('verifications'), all('originals')]);
    db.close();
    return {
      pages: pages.length,
      verifications: verifications.length,
      originals: originals.length,
      mentions: JSON.stringify([pages, verifications]).includes(pageUrl),
    };
  }, url);
  await options.close();
  return counts;
}

test('a page in a private window: badge, toolbar mark, popup and Verify work; nothing is stored', async ({ launchExtension, userDataDir }) => {
  test.setTimeout(120_000);
  const url = RUNNING_EXAMPLE.syndicatedPage;
  // Once to let Chromium record the extension, then again with "Allow in Incognito" on.
  const first = await launchExtension({ userDataDir });
  const extensionId = first.extensionId;
  await first.context.close();
  allowInIncognito(userDataDir, extensionId);
  const { context } = await launchExtension({ userDataDir });
  expect(
    await inServiceWorker(context, extensionId, () => (globalThis as unknown as ChromeApi).chrome.extension.isAllowedIncognitoAccess(), undefined),
  ).toBe(true);

  const opened = await inServiceWorker(
    context,
    extensionId,
    async (pageUrl) => {
      const window = await (globalThis as unknown as ChromeApi).chrome.windows.create({ incognito: true, url: pageUrl });
      return { windowId: window.id!, incognito: window.incognito, tabId: window.tabs?.[0]?.id ?? -1 };
    },
    url,
  );
  expect(opened.incognito).toBe(true);
  const { windowId, tabId } = opened;

  // The toolbar mark of that tab, and the badge on the page itself.
  await expect
    .poll(
      () => inServiceWorker(context, extensionId, (id) => (globalThis as unknown as ChromeApi).chrome.action.getBadgeText({ tabId: id }), tabId),
      { timeout: 20_000 },
    )
    .toBe('COPY');
  const probe = await context.newPage();
  const cdp = await context.newCDPSession(probe);
  await expect.poll(() => evaluateInPage(cdp, url, "!!document.querySelector('provenance-badge')"), { timeout: 10_000 }).toBe(true);

  // The popup describes the private tab, and verifies it.
  const popup = await openPopupFor(context, extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Copy of a Washington Post story', { timeout: 15_000 });
  await popup.getByTestId('verify-button').click();
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 30_000 });
  // Shown again by a new popup of that tab (kept with the tab, in memory).
  await popup.reload();
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 15_000 });
  await popup.close();

  // Nothing of it on disk: no history entry, verification or cached original; nothing in extension storage.
  expect(await stored(context, extensionId, url)).toEqual({ pages: 0, verifications: 0, originals: 0, mentions: false });
  const local = await inServiceWorker(context, extensionId, () => (globalThis as unknown as ChromeApi).chrome.storage.local.get(null), undefined);
  expect(JSON.stringify(local)).not.toContain('newsharbordaily');
  const options = await openOptions(context, extensionId);
  await expect(options.getByTestId('history-empty')).toBeVisible();
  await options.close();

  // The same page in a normal window is stored as usual: the checks above are not vacuous.
  const normal = await context.newPage();
  await normal.goto(url);
  await expect.poll(async () => (await stored(context, extensionId, url)).pages, { timeout: 20_000 }).toBe(1);

  // Closing the private window forgets its tab's state.
  await inServiceWorker(context, extensionId, (id) => (globalThis as unknown as ChromeApi).chrome.windows.remove(id), windowId);
  await expect
    .poll(
      async () =>
        Object.keys(
          await inServiceWorker(context, extensionId, () => (globalThis as unknown as ChromeApi).chrome.storage.session.get(null), undefined),
        ).includes(`tab:${tabId}`),
      { timeout: 10_000 },
    )
    .toBe(false);
});
