/**
 * End-to-end checks in real Firefox: Debian's firefox-esr, headless, with the
 * Firefox build of the extension installed as a temporary add-on, browsing the
 * fixture web (tests/fixtures/web) through a loopback proxy.
 *
 *   npx tsx scripts/firefox-e2e.ts          build (.output/firefox-mv2), then check
 *   PROVENANCE_SKIP_BUILD=1 …               check what is already built
 *   FIREFOX_PATH=/path/to/firefox …         another Firefox (default /usr/bin/firefox-esr)
 *   FIXTURE_WEB_VERBOSE=1 …                 print every request the fixture web answers
 *
 * It checks what a person sees:
 *   1. the running example shows the inline badge ("Syndicated … The Washington Post");
 *   2. an original shows no badge;
 *   3. the popup, for the running example's tab, shows the "Syndicated" verdict;
 *   4. the options page lists the visited pages;
 *   5. the extension threw no uncaught error (background, pages, content script).
 *
 * Prints ✓/✘ with a reason per check and ends with "N passed, N failed";
 * exits 1 when a check failed. How it works: tests/firefox/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';
import { ORIGINALS, RUNNING_EXAMPLE } from '../tests/e2e/support/pages';
import { buildExtension, OUTPUT_DIRS, stageBuild } from '../tests/e2e/support/build';
import { ADDON_ID, FirefoxWithExtension, sleep, withTimeout } from '../tests/firefox/support/firefox';
import { LoopbackProxy } from '../tests/firefox/support/proxy';

/** The whole run, build included, must end within this. */
const RUN_TIMEOUT = 150_000;
const CHECK_TIMEOUT = 30_000;

interface Outcome {
  name: string;
  ok: boolean;
  reason: string;
}

const outcomes: Outcome[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

function report(outcome: Outcome): void {
  outcomes.push(outcome);
  console.log(`${outcome.ok ? '✓' : '✘'} ${outcome.name} — ${outcome.reason}`);
}

/** Runs one check: its return value is the ✓ reason, a thrown error the ✘ reason. */
async function check(name: string, fn: () => Promise<string>, timeout = CHECK_TIMEOUT): Promise<boolean> {
  try {
    report({ name, ok: true, reason: await withTimeout(fn(), timeout, 'The check') });
    return true;
  } catch (error) {
    report({ name, ok: false, reason: errorText(error) });
    return false;
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return error.message.split('\n').slice(0, 6).join(' | ') + cause;
}

/** Calls `probe` until it returns a value (not undefined) or the time is up; then throws with the last state. */
async function poll<T>(probe: () => Promise<T | undefined>, { timeout, interval = 250, describe }: { timeout: number; interval?: number; describe: () => string }): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${describe()} (after ${timeout} ms)`);
    await sleep(interval);
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const CHECKS = [
  '1. The running example shows the inline badge',
  '2. An original shows no badge',
  '3. The popup shows the "Syndicated" verdict for the running example\'s tab',
  '4. The options page lists the visited pages',
  '5. The extension threw no uncaught error',
];

async function main(): Promise<void> {
  const started = Date.now();

  // — The build, and a private copy of it (others rebuild .output/ at any time).
  const buildDir = OUTPUT_DIRS.firefox;
  if (process.env.PROVENANCE_SKIP_BUILD === '1') {
    console.log(`[firefox-e2e] PROVENANCE_SKIP_BUILD=1: using the existing ${path.relative(process.cwd(), buildDir)}`);
  } else {
    const { ms } = buildExtension('firefox');
    console.log(`[firefox-e2e] built ${path.relative(process.cwd(), buildDir)} in ${(ms / 1000).toFixed(1)} s`);
  }
  if (!fs.existsSync(path.join(buildDir, 'manifest.json'))) throw new Error(`No Firefox build at ${buildDir}: run \`npx wxt build -b firefox\`.`);
  const staged = stageBuild(buildDir, `firefox-e2e-${process.pid}`);
  cleanups.push(() => fs.rmSync(staged, { recursive: true, force: true }));

  // — The fixture web, and the proxy Firefox reaches it through.
  const web = await new FixtureWeb().start();
  cleanups.push(() => web.stop());
  const proxy = await new LoopbackProxy(web.port).start();
  cleanups.push(() => proxy.stop());

  // — Firefox with the extension.
  const firefox = await FirefoxWithExtension.launch({ proxyPort: proxy.port });
  cleanups.push(() => firefox.close());
  const version = await firefox.browser.version();
  const { id, host } = await firefox.installExtension(staged);
  if (id !== ADDON_ID) throw new Error(`Firefox installed the add-on as "${id}", expected "${ADDON_ID}".`);
  console.log(`[firefox-e2e] ${version}, fixture web on 127.0.0.1:${web.port} via proxy :${proxy.port}, add-on ${id} at moz-extension://${host}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let exampleTab: Page | null = null;

  await check(CHECKS[0]!, async () => {
    exampleTab = await firefox.openPage(RUNNING_EXAMPLE.syndicatedPage);
    const page = exampleTab;
    let seen = 'no <provenance-badge> element';
    const text = await poll(
      async () => {
        const state = await page.evaluate(() => {
          const badgeHost = document.querySelector('provenance-badge');
          if (!badgeHost) return { found: 'no <provenance-badge> element' };
          if (!badgeHost.shadowRoot) return { found: '<provenance-badge> without an open shadow root' };
          const pill = badgeHost.shadowRoot.querySelector<HTMLElement>('[data-testid="provenance-badge"]');
          if (!pill) return { found: 'a shadow root without [data-testid="provenance-badge"]' };
          const box = pill.getBoundingClientRect();
          return { text: pill.innerText || pill.textContent || '', visible: box.width > 0 && box.height > 0 && pill.checkVisibility() };
        });
        if ('found' in state) {
          seen = state.found ?? seen;
          return undefined;
        }
        seen = `badge ${state.visible ? 'visible' : 'not visible'} with text ${JSON.stringify(squash(state.text))}`;
        return state.visible && /Syndicated/.test(state.text) && state.text.includes(RUNNING_EXAMPLE.originalPublisher) ? squash(state.text) : undefined;
      },
      { timeout: 15_000, describe: () => `Expected a visible badge saying "Syndicated" and "${RUNNING_EXAMPLE.originalPublisher}", found ${seen}` },
    );
    return `badge says ${JSON.stringify(text)}`;
  });

  await check(CHECKS[1]!, async () => {
    const page = await firefox.openPage(ORIGINALS.tech.url);
    // Make sure it is the article, not a 404 page that would trivially have no badge.
    const headline = squash(await page.evaluate(() => document.querySelector('h1')?.textContent ?? ''));
    if (!headline.includes(ORIGINALS.tech.headline)) throw new Error(`The page did not load as expected: its <h1> is ${JSON.stringify(headline)}`);
    await sleep(2_000);
    const badges = await page.evaluate(() => document.querySelectorAll('provenance-badge').length);
    if (badges !== 0) throw new Error(`Found ${badges} <provenance-badge> element(s) on an original (${ORIGINALS.tech.url})`);
    return `no badge 2 s after load on "${ORIGINALS.tech.headline}"`;
  });

  // The options page doubles as the place to ask `browser.tabs` for the running example's tab.
  let options: Page | null = null;
  const openOptions = async () => (options ??= await firefox.openExtensionPage('options.html'));

  await check(CHECKS[2]!, async () => {
    if (!exampleTab) throw new Error('Not run: check 1 did not open the running example');
    const extensionPage = await openOptions();
    let tabs: Array<{ id: number; url: string }> = [];
    const tabId = await poll(
      async () => {
        tabs = await extensionPage.evaluate(async () => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
          return (await api.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url ?? '' }));
        });
        return tabs.find((t) => t.url === RUNNING_EXAMPLE.syndicatedPage && t.id >= 0)?.id;
      },
      { timeout: 5_000, describe: () => `No tab shows the running example; browser.tabs.query({}) gave ${JSON.stringify(tabs)}` },
    );
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    let shown = '';
    let lastLoad = Date.now();
    const verdict = await poll(
      async () => {
        const state = await popup.evaluate(() => ({
          verdict: document.querySelector('[data-testid="verdict"]')?.textContent ?? null,
          body: document.body?.innerText ?? '',
        }));
        shown = squash(state.body).slice(0, 300);
        if (state.verdict !== null && /Syndicated/.test(state.verdict)) return squash(state.verdict);
        // A popup opened before the background had the tab's scan may not update: open it again.
        if (Date.now() - lastLoad > 3_000) {
          lastLoad = Date.now();
          await firefox.navigate(popup, firefox.extensionUrl(`popup.html?tab=${tabId}`));
        }
        return undefined;
      },
      { timeout: 15_000, interval: 300, describe: () => `popup.html?tab=${tabId} never showed [data-testid="verdict"] containing "Syndicated"; it showed ${JSON.stringify(shown)}` },
    );
    return `tab ${tabId}: verdict ${JSON.stringify(verdict)}`;
  });

  await check(CHECKS[3]!, async () => {
    const page = await openOptions();
    const wanted = [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.tech.url];
    let rows: Array<{ text: string; href: string | null }> = [];
    let lastLoad = Date.now();
    await poll(
      async () => {
        rows = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="history-row"]')].map((row) => ({
            text: (row as HTMLElement).innerText,
            href: row.querySelector<HTMLAnchorElement>('[data-testid="history-headline"] a')?.href ?? null,
          })),
        );
        const hrefs = rows.map((r) => r.href);
        if (wanted.every((u) => hrefs.includes(u))) return true;
        // The background stores a scan shortly after the page loads; the list is read when the page opens.
        if (Date.now() - lastLoad > 1_500) {
          lastLoad = Date.now();
          await firefox.navigate(page, firefox.extensionUrl('options.html'));
        }
        return undefined;
      },
      {
        timeout: 20_000,
        interval: 300,
        describe: () =>
          `Expected history rows linking to ${wanted.join(' and ')}; found ${rows.length} row(s): ${JSON.stringify(rows.map((r) => r.href ?? squash(r.text).slice(0, 80)))}`,
      },
    );
    const example = rows.find((r) => r.href === RUNNING_EXAMPLE.syndicatedPage)!;
    return `${rows.length} rows, incl. ${JSON.stringify(squash(example.text).slice(0, 90))}… and the original`;
  });

  await check(CHECKS[4]!, async () => {
    const errors = await firefox.extensionErrors();
    const real = errors.filter((e) => !e.warning);
    for (const e of errors) console.log(`    ${e.warning ? 'warning' : 'error'}: ${e.source}:${e.line}: ${e.message}`);
    if (real.length) throw new Error(`${real.length} uncaught error(s) from moz-extension://${firefox.extensionHost}/ (listed above)`);
    return errors.length ? `no errors (${errors.length} warning(s), listed above)` : "nothing from the extension in Firefox's console service";
  });

  const lines = firefox.consoleLines();
  const failed = outcomes.some((o) => !o.ok);
  if (lines.length && (failed || process.env.FIREFOX_E2E_VERBOSE === '1')) {
    console.log(`[firefox-e2e] Firefox console output (web pages and extension; ${lines.length} line(s), last 40):`);
    for (const line of lines.slice(-40)) console.log(`    ${line}`);
  }
  if (failed && web.requests.length) {
    console.log(`[firefox-e2e] fixture web requests (${web.requests.length}, last 30):`);
    for (const r of web.requests.slice(-30)) console.log(`    ${r.method} ${r.url} → ${r.status ?? 'no answer'} (${r.servedBy})`);
  }
}

async function cleanup(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await withTimeout(Promise.resolve(fn()), 20_000, 'Cleanup');
    } catch (error) {
      console.error(`[firefox-e2e] cleanup: ${errorText(error)}`);
    }
  }
}

function summarize(setupError?: unknown): number {
  if (setupError !== undefined) {
    const reason = `not run: ${errorText(setupError)}`;
    console.log(`✘ setup failed — ${errorText(setupError)}`);
    for (const name of CHECKS.slice(outcomes.length)) report({ name, ok: false, reason });
  }
  const passed = outcomes.filter((o) => o.ok).length;
  console.log(`${passed} passed, ${outcomes.length - passed} failed`);
  return outcomes.length - passed === 0 && outcomes.length > 0 ? 0 : 1;
}

let finished = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (finished) return;
    finished = true;
    console.log(`[firefox-e2e] ${signal}: closing Firefox and the fixture web`);
    void cleanup().finally(() => process.exit(130));
  });
}

const watchdog = setTimeout(() => {
  if (finished) return;
  finished = true;
  const code = summarize(new Error(`the run took longer than ${RUN_TIMEOUT / 1000} s`));
  void cleanup().finally(() => process.exit(code || 1));
}, RUN_TIMEOUT);

let setupError: unknown;
try {
  await main();
} catch (error) {
  setupError = error;
}
if (!finished) {
  finished = true;
  clearTimeout(watchdog);
  await cleanup();
  process.exit(summarize(setupError));
}
