/**
 * `npm run demo`: the extension on the running example, in real Chromium,
 * against the fixture web.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY set): opens a visible browser on
 *   the syndicated page, its popup card and the history, and waits until you
 *   close the window.
 * - Without one (or with --headless): takes screenshots into demo-output/ and
 *   prints their paths: the page with its inline badge, a close-up of the badge,
 *   the popup card for that tab, and the options page's history.
 *
 * Options:
 *   --no-build               use the existing .output/chrome-mv3
 *   --headless / --headed    force a mode
 *   --color-scheme <s>       both (default: light and dark), light or dark
 *   --out <dir>              screenshot folder (default demo-output)
 *   --url <url>              another fixture page to show (default: the running example)
 *
 * PROVENANCE_SKIP_BUILD=1 is the same as --no-build; PROVENANCE_EXTENSION_DIR loads another
 * unpacked build as it is; CHROMIUM_PATH picks the browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';
import {
  CHROME_BUILD_DIR,
  REPO_ROOT,
  launchWithExtension,
  openOptions,
  openPopupFor,
  tabIdFor,
  waitForSettledPopup,
} from '../tests/e2e/support/browser';
import { buildExtension, grantSiteAccess, stageBuild } from '../tests/e2e/support/build';
import { KIND_PAGES, RUNNING_EXAMPLE, ORIGINALS } from '../tests/e2e/support/pages';
import { badgeBox, clickBadgePart, waitForBadgePart } from '../tests/e2e/support/shadow';

type Scheme = 'light' | 'dark';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    'color-scheme': { type: 'string', default: 'both' },
    out: { type: 'string', default: 'demo-output' },
    url: { type: 'string', default: RUNNING_EXAMPLE.syndicatedPage },
  },
});

const schemeOption = values['color-scheme'];
if (!['light', 'dark', 'both'].includes(schemeOption)) {
  console.error(`--color-scheme must be light, dark or both (got "${schemeOption}")`);
  process.exit(2);
}
const schemes: Scheme[] = schemeOption === 'both' ? ['light', 'dark'] : [schemeOption as Scheme];
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || (!values.headed && !hasDisplay);
const outDir = path.resolve(REPO_ROOT, values.out);
const pageUrl = values.url;

function log(message: string): void {
  console.log(`[demo] ${message}`);
}

/** Opens `url` in a new tab and waits (best effort) for the extension's report on it. */
async function visit(context: BrowserContext, extensionId: string, url: string): Promise<{ page: Page; tabId: number; popup: Page | null }> {
  const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  try {
    return { page, tabId, popup: await waitForSettledPopup(context, extensionId, tabId, 10_000) };
  } catch (error) {
    log(`warning: ${(error as Error).message}`);
    return { page, tabId, popup: null };
  }
}

/** A clip around the badge and the headline it sits next to, for a close-up. */
async function badgeClip(page: Page, withCard = false) {
  const badge = await badgeBox(page, 'provenance-badge');
  if (!badge) return null;
  const headline = await page.locator('h1').first().boundingBox();
  const more = withCard ? await badgeBox(page, 'provenance-badge-card') : null;
  const boxes = [badge, headline, more].filter((box): box is NonNullable<typeof box> => box !== null);
  const pad = 16;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
  return { x, y, width: right - x, height: bottom - y };
}

async function screenshots(context: BrowserContext, extensionId: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const shot = async (page: Page, name: string, options: Parameters<Page['screenshot']>[0] = {}) => {
    const file = path.join(outDir, name);
    await page.screenshot({ ...options, path: file });
    written.push(file);
  };

  const main = await visit(context, extensionId, pageUrl);
  const badgeShown = await waitForBadgePart(main.page, 'provenance-badge', 5_000)
    .then(() => true)
    .catch(() => false);
  if (!badgeShown) log('note: no inline badge on this page (an original, or the badge is not built yet)');
  // A few more pages, originals and each kind of copy, so the history and the Sites view have rows.
  for (const url of [ORIGINALS.regional.url, ORIGINALS.tech.url, ...Object.values(KIND_PAGES).map((item) => item.url)]) {
    if (url !== pageUrl) await visit(context, extensionId, url);
  }
  const popup = main.popup ?? (await openPopupFor(context, extensionId, main.tabId));
  // Find and compare the original, as a reader would: the popup then shows the verified chain.
  const verifyButton = popup.locator('[data-testid="verify-button"]');
  if (await verifyButton.isVisible().catch(() => false)) {
    await verifyButton.click();
    await popup
      .locator('[data-testid="verification-result"]')
      .waitFor({ timeout: 30_000 })
      .catch(() => log('note: the check did not finish'));
  }
  // The report the popup saves: one self-contained HTML file, shown as a reader opens it.
  const report = await saveReport(popup);
  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
  const options = await openOptions(context, extensionId);
  await options
    .locator('[data-testid="history-row"]')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => log('note: the history shows no rows'));
  const sites = await openOptions(context, extensionId);
  await sites.locator('[data-testid="sites-tab"]').click();

  for (const scheme of schemes) {
    for (const page of [main.page, popup, options]) await page.emulateMedia({ colorScheme: scheme });
    await main.page.bringToFront();
    await main.page.evaluate(() => window.scrollTo(0, 0));
    await shot(main.page, `page-with-badge-${scheme}.png`);
    const clip = badgeShown ? await badgeClip(main.page) : null;
    if (clip) await shot(main.page, `badge-closeup-${scheme}.png`, { clip });
    if (badgeShown) {
      // The badge expanded into its card, as after a click.
      await clickBadgePart(main.page, 'provenance-badge');
      await waitForBadgePart(main.page, 'provenance-badge-card', 5_000);
      const expanded = await badgeClip(main.page, true);
      if (expanded) await shot(main.page, `badge-expanded-${scheme}.png`, { clip: expanded });
      await clickBadgePart(main.page, 'provenance-badge');
    }
    await popup.bringToFront();
    await shot(popup, `popup-${scheme}.png`, { fullPage: true });
    await options.bringToFront();
    await shot(options, `options-history-${scheme}.png`, { fullPage: true });
    for (const page of [welcome, sites, report].filter((item): item is Page => item !== null)) await page.emulateMedia({ colorScheme: scheme });
    await sites.bringToFront();
    await shot(sites, `options-sites-${scheme}.png`, { fullPage: true });
    await welcome.bringToFront();
    await shot(welcome, `welcome-${scheme}.png`, { fullPage: true });
    if (report) {
      await report.bringToFront();
      await shot(report, `report-${scheme}.png`, { fullPage: true });
    }
  }
  return written;
}

/** Clicks the popup's Save report and opens the saved file in a tab (null when the popup has no report). */
async function saveReport(popup: Page): Promise<Page | null> {
  const link = popup.locator('[data-testid="save-report"]');
  if (!(await link.isVisible().catch(() => false))) {
    log('note: the popup offers no report');
    return null;
  }
  const [download] = await Promise.all([popup.waitForEvent('download'), link.click()]);
  const file = path.join(outDir, '.report.html');
  await download.saveAs(file);
  const page = await popup.context().newPage();
  await page.goto(`file://${file}`);
  fs.rmSync(file, { force: true });
  return page;
}

async function main(): Promise<void> {
  let extensionDir = process.env.PROVENANCE_EXTENSION_DIR;
  if (extensionDir) {
    log(`loading the extension in ${extensionDir} (PROVENANCE_EXTENSION_DIR)`);
  } else {
    if (values['no-build'] || process.env.PROVENANCE_SKIP_BUILD === '1') {
      log('using the existing .output/chrome-mv3');
    } else {
      log('building the extension (npx wxt build)…');
      const { ms } = buildExtension('chrome');
      log(`built in ${(ms / 1000).toFixed(1)} s`);
    }
    extensionDir = stageBuild(CHROME_BUILD_DIR, 'demo-chrome-mv3');
    // Headless, nobody can answer the browser's "allow this site?" prompt: the screenshots' copy has the
    // sites granted, as the end-to-end tests' has. In a visible window the reader grants each site.
    if (headless) grantSiteAccess(extensionDir);
  }

  const web = await new FixtureWeb().start();
  log(`fixture web on https://127.0.0.1:${web.port} (every host name maps to it)`);
  const browser = await launchWithExtension({
    fixturePort: web.port,
    extensionDir,
    headless,
    colorScheme: schemes[0],
    // A visible window sizes its own pages.
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  const { context, extensionId, userDataDir } = browser;
  const cleanUp = async () => {
    await context.close().catch(() => {});
    await web.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    if (headless) {
      const files = await screenshots(context, extensionId);
      log(`wrote ${files.length} screenshots:`);
      for (const file of files) console.log(path.relative(process.cwd(), file));
      await cleanUp();
      return;
    }
    const { page, tabId } = await visit(context, extensionId, pageUrl);
    await openPopupFor(context, extensionId, tabId);
    await openOptions(context, extensionId);
    await page.bringToFront();
    log(`showing ${pageUrl}`);
    log('the popup card and the history are open in other tabs; close the browser window to finish.');
    process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
    await new Promise<void>((resolve) => context.once('close', () => resolve()));
    await cleanUp();
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
