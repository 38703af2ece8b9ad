/**
 * Firefox-only scenarios, run by scripts/firefox-e2e.ts after the shared
 * ones. Chromium's counterpart is tests/e2e/private-window.spec.ts.
 *
 * A page read in a private window: the badge shows on the page and on the
 * toolbar, the popup describes it and Verify works, but nothing of it reaches
 * the history, the verifications, the originals cache or extension storage.
 *
 * Firefox lets an add-on into private windows only when the reader allows it
 * (the hidden permission "internal:privateBrowsingAllowed", switched in
 * about:addons), and WebDriver BiDi's webExtension.install cannot ask for it
 * (bugzilla.mozilla.org/show_bug.cgi?id=1947679). So the scenario grants it
 * the way about:addons does, in chrome scope (ExtensionPermissions), and
 * reloads the add-on; the add-on then opens the private window itself
 * (windows.create({ incognito: true })). Chrome scope over BiDi needs Firefox
 * after ESR 140: there the scenario is reported NOT RUN, with the reason, in
 * the suite's summary line.
 */
import type { Page } from 'puppeteer-core';
import { RUNNING_EXAMPLE } from '../e2e/support/pages';
import type { Driver, Scenario } from '../scenarios/driver';
import { check, eventually, waitForAttribute, waitForText } from '../scenarios/steps';
import type { FirefoxDriver } from './support/driver';
import { ADDON_ID } from './support/firefox';

/** A scenario this Firefox cannot run (no chrome scope over BiDi): the runner shows it as not run, never as passed. */
export class NotRunHere extends Error {}

/** Grants the add-on private-window access as about:addons does, reloads it, and waits until Firefox says it is allowed. */
async function allowInPrivateWindows(driver: FirefoxDriver): Promise<void> {
  const firefox = driver.current;
  const id = JSON.stringify(ADDON_ID);
  if (!(await firefox.hasChromeScope()))
    throw new NotRunHere(
      `Firefox ${await firefox.browser.version()} offers no chrome scope over WebDriver BiDi, needed to allow the add-on in private windows`,
    );
  await firefox.evaluateInChrome(`(() => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    globalThis.__privateGrant = ExtensionPermissions.add(${id}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] })
      .then(() => AddonManager.getAddonByID(${id}))
      .then((addon) => addon.reload())
      .then(() => 'done', (error) => 'failed: ' + error);
    return 'started';
  })()`);
  await eventually(
    async () =>
      (await firefox.evaluateInChrome(`WebExtensionPolicy.getByID(${id})?.privateBrowsingAllowed === true`)) === 'true' ? true : undefined,
    () => 'Firefox never allowed the add-on in private windows',
    { timeout: 15_000 },
  );
}

/** Counts in the extension's IndexedDB stores, and whether any stored row mentions `url`. */
function storedExpression(url: string): string {
  return `(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('provenance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (name) => db.objectStoreNames.contains(name)
      ? new Promise((resolve) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => resolve(r.result); })
      : Promise.resolve([]);
    const [pages, verifications, originals] = await Promise.all([all('pages'), all('verifications'), all('originals')]);
    db.close();
    const local = JSON.stringify(await browser.storage.local.get(null));
    return JSON.stringify({ pages: pages.length, verifications: verifications.length, originals: originals.length,
      mentions: JSON.stringify([pages, verifications, originals]).includes(${JSON.stringify(url)}) || local.includes(${JSON.stringify(new URL(url).host)}) });
  })()`;
}

async function privatePage(driver: FirefoxDriver, url: string): Promise<Page> {
  return eventually(
    async () => (await driver.current.browser.pages()).find((page) => page.url() === url),
    () => `No page shows ${url}`,
    { timeout: 15_000 },
  );
}

export const FIREFOX_SCENARIOS: Scenario[] = [
  {
    name: 'a page in a private window: badge, toolbar mark, popup and Verify work; nothing is stored',
    timeout: 120_000,
    async run(generic: Driver) {
      const driver = generic as FirefoxDriver;
      const url = RUNNING_EXAMPLE.syndicatedPage;
      await allowInPrivateWindows(driver);
      const helper = await driver.openExtensionPage('options.html');
      const opened = JSON.parse(
        await helper.evaluateExpression<string>(
          `browser.windows.create({ incognito: true, url: ${JSON.stringify(url)} }).then((w) => JSON.stringify({ windowId: w.id, incognito: w.incognito, tabId: w.tabs[0].id }))`,
        ),
      ) as { windowId: number; incognito: boolean; tabId: number };
      check(opened.incognito, 'the window the add-on opened is not private');

      // The toolbar mark of that tab, and the badge on the page itself.
      await eventually(
        async () =>
          (await helper.evaluateExpression<string>(`browser.browserAction.getBadgeText({ tabId: ${opened.tabId} })`)) === 'COPY' ? true : undefined,
        () => 'The private tab never got the COPY mark on the toolbar',
        { timeout: 20_000 },
      );
      const page = await privatePage(driver, url);
      await eventually(
        async () => ((await page.evaluate("!!document.querySelector('provenance-badge')")) ? true : undefined),
        () => 'No badge on the page in the private window',
      );

      // The popup describes the private tab and verifies it; a new popup shows the result again (kept with the tab).
      const popup = await driver.openExtensionPage(`popup.html?tab=${opened.tabId}`);
      await waitForText(popup, '[data-testid="verdict"]', 'Copy of a Washington Post story', 15_000);
      await popup.click('[data-testid="verify-button"]');
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await popup.reload();
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 15_000);
      await popup.close();

      // Nothing of it on disk: no entry, verification or cached original; nothing in extension storage.
      const stored = await helper.evaluateExpression<string>(storedExpression(url));
      check(stored === JSON.stringify({ pages: 0, verifications: 0, originals: 0, mentions: false }), `A private page left a trace: ${stored}`);

      // Closing the private window forgets its tab's state.
      await helper.evaluateExpression(`browser.windows.remove(${opened.windowId})`);
      await eventually(
        async () =>
          (await helper.evaluateExpression<boolean>(`browser.storage.session.get(null).then((all) => 'tab:${opened.tabId}' in all)`))
            ? undefined
            : true,
        () => "The private tab's state outlived its window",
      );
      await eventually(
        async () =>
          (await helper.evaluateExpression<boolean>('browser.windows.getAll().then((all) => all.some((w) => w.incognito))')) ? undefined : true,
        () => 'The private window never closed',
      );

      // The same page in a normal window (a new tab opens in the last focused window: hence after closing the
      // private one) is stored as usual: the checks above are not vacuous.
      const normal = await driver.open(url);
      const incognito = await helper.evaluateExpression<boolean>(`browser.tabs.query({}).then((tabs) => tabs.some((t) => t.incognito))`);
      check(!incognito, `The page ${normal.url} opened in a private window`);
      await eventually(
        async () =>
          (JSON.parse(await helper.evaluateExpression<string>(storedExpression(url))) as { pages: number }).pages === 1 ? true : undefined,
        () => 'The page read in a normal window was not stored',
        { timeout: 20_000 },
      );
    },
  },
];
