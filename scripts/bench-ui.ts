/**
 * `npx tsx scripts/bench-ui.ts`: how the extension's pages feel with a big history.
 *
 * The built extension in Debian's Chromium against the fixture web:
 *   1. a few fixture pages are visited, so the engine writes real records;
 *      the running example is verified from the popup (a real cached verification);
 *   2. the history is filled to 100,000 entries made from those real records
 *      (headlines from a word list, ~30 % copies, ~40 publishers, hundreds of
 *      sites, dates over two years, the engine's own signals and evidence with
 *      the names swapped), in batches, straight into the extension's IndexedDB;
 *   3. measured:
 *      (a) options page: navigation start → first history row in the DOM   target ≤ 300 ms
 *      (b) search: input event → the count (and list) updated, per keystroke target ≤ 50 ms
 *      (c) storage per record (navigator.storage.estimate, and JSON size)  target ≤ 2 KB
 *      (d) popup on a cached verification: navigation start → result shown target ≤ 100 ms
 *
 * A report, not a test: MISS is printed next to a missed target, the exit code stays 0.
 * Env: BENCH_UI_RECORDS (default 100000), PROVENANCE_EXTENSION_DIR (load that
 * unpacked build as it is), CHROMIUM_PATH.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  CHROME_BUILD_DIR,
  REPO_ROOT,
  launchWithExtension,
  openOptions,
  tabIdFor,
  waitForSettledPopup,
  type ExtensionBrowser,
} from '../tests/e2e/support/browser';
import { stageBuild } from '../tests/e2e/support/build';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';
import { ORIGINALS, RUNNING_EXAMPLE } from '../tests/e2e/support/pages';

const RECORDS = Number(process.env.BENCH_UI_RECORDS ?? 100_000);
const RUNS = 7;
const TARGET = { firstRow: 300, keystroke: 50, bytesPerRecord: 2048, popup: 100 };

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(44)} ${value}${target ? `   [target ${target}: ${verdict(!!ok)}]` : ''}`);
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN, min: sorted[0] ?? NaN };
}

/** The unpacked extension to load: given, or a private copy of the build (built first when missing). */
function extensionToLoad(): string {
  const given = process.env.PROVENANCE_EXTENSION_DIR;
  if (given) return given;
  if (!fs.existsSync(path.join(CHROME_BUILD_DIR, 'manifest.json'))) {
    console.log('building the extension (npx wxt build)…');
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, CI: '1' } });
    if (built.status !== 0) throw new Error('npx wxt build failed');
  }
  // Others rebuild .output/ at any time; the bench loads a copy of its own.
  const dir = stageBuild(CHROME_BUILD_DIR, 'bench-ui-chrome-mv3');
  // As in the e2e setup: the optional host permissions count as granted (a user who clicked "Allow"),
  // since nobody can answer the permission prompt in headless Chromium.
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { optional_host_permissions?: string[]; host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

/** Reloads the options page until every URL has a history row (the background stores a scan shortly after load). */
async function waitForHistory(options: Page, urls: string[]) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const links = await options.locator('[data-testid="history-row"] a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
    if (urls.every((u) => links.includes(u))) return;
    if (Date.now() > deadline) throw new Error(`the history never listed ${urls.filter((u) => !links.includes(u)).join(', ')}`);
    await options.waitForTimeout(300);
    await options.reload();
  }
}

/** Verifies the running example from its popup; the result is cached in the `verifications` table. */
async function verifyRunningExample(context: BrowserContext, extensionId: string, tabId: number): Promise<string | null> {
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  try {
    await popup.getByTestId('verify-button').click();
    const result = popup.getByTestId('verification-result');
    const failure = popup.getByTestId('verify-error');
    await result.or(failure).first().waitFor({ timeout: 30_000 });
    await popup.getByTestId('verify-progress').waitFor({ state: 'detached', timeout: 30_000 });
    if (await failure.count()) return `verification failed: ${await failure.innerText()}`;
    const outcome = await result.getAttribute('data-outcome');
    return outcome === 'verified' ? null : `verification outcome: ${outcome}`;
  } finally {
    await popup.close();
  }
}

/**
 * Runs in the options page: fills the `history` store with `count` entries
 * made from the real records, the shape `toHistoryEntry` produces, in batches.
 */
async function fillHistory(options: Page, count: number) {
  return options.evaluate(async (total: number) => {
    const open = (): Promise<IDBDatabase> =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('provenance');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    const db = await open();
    // "pages" since schema version 4 (numeric ids); "history" in a build from before, to compare with.
    const storeName = db.objectStoreNames.contains('pages') ? 'pages' : 'history';
    type Entry = {
      id?: number;
      key: string;
      firstSeen: number;
      lastSeen: number;
      visits: number;
      syndicated: 0 | 1;
      site: string;
      publisherKey: string;
      words: string[];
      record: Record<string, any>;
    };
    const real: Entry[] = await new Promise((resolve, reject) => {
      const request = db.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result as Entry[]);
      request.onerror = () => reject(request.error);
    });
    const copies = real.filter((e) => e.syndicated === 1);
    const originals = real.filter((e) => e.syndicated === 0);
    if (!copies.length || !originals.length)
      throw new Error(`need real copies and originals to start from; have ${copies.length} and ${originals.length}`);

    // A deterministic random source, so two runs fill the same history.
    let seed = 20250222;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

    const WORDS = (
      'council budget vote plan bridge school police court judge election senate house governor mayor city county state ' +
      'federal minister talks summit deal trade tariff market stocks shares bank rates inflation jobs report economy growth ' +
      'climate storm flood fire heat drought rain snow weather warning evacuation hospital health vaccine study doctors nurses ' +
      'patients drug prices energy oil gas power grid solar wind nuclear plant factory workers union strike contract wages ' +
      'housing rent homes prices mortgage sales record first new old big small major minor local national global world ' +
      'war peace troops border security attack missile drone ceasefire aid refugees crisis protest rally march campaign ' +
      'candidate poll debate party leader president prime former chief officials investigation charges trial verdict jury ' +
      'lawsuit ruling appeal supreme rights law bill reform tax cuts spending deficit debt fund grant program project ' +
      'launch plan approves rejects delays expands closes opens wins loses signs ends starts returns faces warns says ' +
      'team season game coach player injury final championship league match cup title transfer stadium fans tickets ' +
      'technology phone app software data privacy breach hackers ai robots chips company startup merger layoffs profit ' +
      'airline flights airport travel tourism hotel train rail transit road traffic crash safety recall cars electric ' +
      'museum art music festival film award star actor author book library university students teachers tuition exams ' +
      'farmers crops food prices water river lake coast ocean wildlife park forest species science space mission moon mars'
    ).split(' ');
    const PLACES = [
      'Kyiv',
      'Ukraine',
      'Russia',
      'Gaza',
      'Israel',
      'China',
      'Taiwan',
      'India',
      'Brazil',
      'Mexico',
      'Canada',
      'Texas',
      'California',
      'Ohio',
      'Florida',
      'London',
      'Paris',
      'Berlin',
      'Tokyo',
      'Nairobi',
    ];
    const PUBLISHERS = [
      'The Washington Post',
      'The New York Times',
      'Reuters',
      'Associated Press',
      'AFP',
      'BBC News',
      'The Guardian',
      'CNN',
      'NPR',
      'Bloomberg',
      'The Wall Street Journal',
      'Los Angeles Times',
      'Chicago Tribune',
      'USA Today',
      'Politico',
      'Axios',
      'ProPublica',
      'The Conversation',
      'Al Jazeera',
      'Deutsche Welle',
      'Financial Times',
      'The Economist',
      'The Atlantic',
      'Vox',
      'CBS News',
      'NBC News',
      'ABC News',
      'Fox News',
      'Sky News',
      'The Independent',
      'The Telegraph',
      'Le Monde',
      'Der Spiegel',
      'Kyiv Independent',
      'Times of India',
      'South China Morning Post',
      'The Hill',
      'Newsweek',
      'Time',
      'Kaiser Health News',
    ];
    const domainOf = (name: string) =>
      `${name
        .toLowerCase()
        .replace(/^the /, '')
        .replace(/[^a-z0-9]+/g, '')}.com`;
    const SITE_A = [
      'daily',
      'news',
      'world',
      'global',
      'metro',
      'harbor',
      'valley',
      'river',
      'capital',
      'civic',
      'prime',
      'urban',
      'liberty',
      'summit',
      'coastal',
      'northern',
      'southern',
      'pacific',
      'atlantic',
      'central',
    ];
    const SITE_B = [
      'times',
      'post',
      'herald',
      'ledger',
      'gazette',
      'courier',
      'report',
      'wire',
      'journal',
      'tribune',
      'observer',
      'chronicle',
      'digest',
      'bulletin',
      'dispatch',
    ];
    const TLDS = ['com', 'net', 'org', 'news', 'biz', 'info'];
    const SITES = Array.from({ length: 400 }, (_, i) => {
      const a = SITE_A[i % SITE_A.length]!;
      const b = SITE_B[Math.floor(i / SITE_A.length) % SITE_B.length]!;
      const tld = TLDS[i % TLDS.length]!;
      const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);
      return { domain: `${a}${b}${i >= 300 ? i : ''}.${tld}`, name: `${title(a)} ${title(b)}${i >= 300 ? ` ${i}` : ''}` };
    });
    const headline = () => {
      const words = Array.from({ length: 5 + Math.floor(random() * 7) }, () => pick(WORDS));
      if (random() < 0.35) words.splice(Math.floor(random() * words.length), 0, pick(PLACES));
      const text = words.join(' ');
      return text[0]!.toUpperCase() + text.slice(1);
    };
    const slug = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    const esc = (s: string) => JSON.stringify(s).slice(1, -1);
    const replaceAll = (json: string, swaps: Array<[string, string]>) =>
      swaps
        .filter(([from]) => from)
        .sort((a, b) => b[0].length - a[0].length)
        .reduce((text, [from, to]) => text.split(esc(from)).join(esc(to)), json);

    // The search index exactly as lib/db.ts searchWords builds it (keep the two in step).
    const UNSEARCHED = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'and', 'for', 'at', 'by', 'is', 'www', 'com', 'org', 'net', 'co', 'uk']);
    const searchWords = (record: Record<string, any>, site: string) => {
      const text = [record.page.headline, record.page.siteName, site, record.original?.publisher].filter(Boolean).join(' ');
      const words = new Set<string>();
      for (const match of text
        .toLowerCase()
        .normalize('NFKC')
        .matchAll(/[\p{L}\p{N}]+/gu)) {
        if (match[0].length < 2 || UNSEARCHED.has(match[0])) continue;
        words.add(match[0]);
        if (words.size >= 24) break;
      }
      return [...words];
    };

    // Since schema version 4 an entry's id is its time order, as lib/db.ts idAt gives it: lastSeen × 1000, plus a free slot.
    const idsInUse = new Set(real.map((e) => e.id));
    const idFor = (lastSeen: number) => {
      let id = lastSeen * 1000;
      while (idsInUse.has(id)) id++;
      idsInUse.add(id);
      return id;
    };

    const hostOf = (url: string | null | undefined) => (url ? new URL(url).hostname.replace(/^www\./, '') : '');
    const DAY = 86_400_000;
    const now = Date.now();
    const make = (index: number): Entry => {
      const syndicated = random() < 0.3;
      const template = syndicated ? pick(copies) : pick(originals);
      const record = template.record;
      const site = pick(SITES);
      const title = headline();
      const date = new Date(now - Math.floor(random() * 730 * DAY));
      const ymd = date.toISOString().slice(0, 10).replace(/-/g, '/');
      const url = `https://${site.domain}/${ymd}/${slug(title)}-${index}/`;
      const swaps: Array<[string, string]> = [
        [record.url, url],
        [template.site, site.domain],
        [record.page.siteName ?? '', site.name],
        [record.page.headline ?? '', title],
      ];
      if (syndicated) {
        const publisher = pick(PUBLISHERS);
        const hops: Array<{ url: string | null; publisher: string | null; site: string | null }> = record.chain ?? [];
        const originalUrl = `https://www.${domainOf(publisher)}/${ymd}/${slug(title)}/`;
        swaps.push(
          [record.original?.headline ?? '', title],
          [record.original?.publisher ?? '', publisher],
          [record.original?.url ?? '', originalUrl],
          [hostOf(record.original?.url), domainOf(publisher)],
        );
        for (const hop of hops.slice(0, -1)) {
          const via = pick(SITES);
          swaps.push([hop.url ?? '', `https://${via.domain}/${ymd}/${slug(title)}/`], [hop.site ?? '', via.domain], [hop.publisher ?? '', via.name]);
        }
        const last = hops.at(-1);
        if (last) swaps.push([last.url ?? '', originalUrl], [last.site ?? '', domainOf(publisher)], [last.publisher ?? '', publisher]);
        if (record.sourceUrl && !hops.some((h) => h.url === record.sourceUrl)) swaps.push([record.sourceUrl, originalUrl]);
      }
      const copy = JSON.parse(replaceAll(JSON.stringify(record), swaps)) as Record<string, any>;
      copy.engineMs = Math.round(random() * 400) / 10;
      const lastSeen = date.getTime();
      return {
        key: new URL(url).href,
        firstSeen: lastSeen - Math.floor(random() * 3 * DAY),
        lastSeen,
        visits: 1 + Math.floor(random() * 3),
        syndicated: syndicated ? 1 : 0,
        site: site.domain,
        publisherKey: (copy.original?.publisher ?? '').toLowerCase(),
        words: searchWords(copy, site.domain),
        record: copy,
        ...(storeName === 'pages' ? { id: idFor(lastSeen) } : {}),
      };
    };

    const BATCH = 2_000;
    let jsonBytes = 0;
    const started = performance.now();
    for (let start = 0; start < total; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, total - start) }, (_, i) => make(start + i));
      for (const entry of batch) jsonBytes += JSON.stringify(entry).length;
      const tx = db.transaction(storeName, 'readwrite');
      const store = tx.objectStore(storeName);
      // Dexie's bulkPut, without Dexie: one transaction per batch. A new entry has no id yet: IndexedDB numbers it.
      for (const entry of batch) store.put(entry);
      await done(tx);
    }
    db.close();
    return { ms: performance.now() - started, averageJson: jsonBytes / total, realJson: real.map((e) => JSON.stringify(e).length) };
  }, count);
}

/** Where the options page's first render spends its time: the raw IndexedDB reads behind it. */
async function databaseCosts(page: Page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('provenance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const opened = performance.now() - t0;
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const storeName = db.objectStoreNames.contains('pages') ? 'pages' : 'history';
    const store = () => db.transaction(storeName).objectStore(storeName);
    // The time order: the lastSeen index before schema version 4, the store's own keys (time-ordered ids) since.
    const byTimeFrom = store().indexNames.contains('lastSeen') ? 'lastSeen index' : 'time-ordered ids';
    const byTime = () => (store().indexNames.contains('lastSeen') ? store().index('lastSeen') : store());
    let t = performance.now();
    const order = await ask(byTime().getAllKeys());
    const allKeys = performance.now() - t;
    t = performance.now();
    const newest: unknown[] = await new Promise((resolve, reject) => {
      const found: unknown[] = [];
      const request = byTime().openCursor(null, 'prev');
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor || found.length === 60) return resolve(found);
        found.push(cursor.value);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const newest60 = performance.now() - t;
    t = performance.now();
    let publishers = 0;
    await new Promise<void>((resolve, reject) => {
      const request = store().index('publisherKey').openKeyCursor(IDBKeyRange.lowerBound('', true));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        publishers++;
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const publisherWalk = performance.now() - t;
    db.close();
    return { opened, byTimeFrom, allKeys, keys: order.length, newest60, rows: newest.length, publisherWalk, publishers };
  });
}

async function storageUsage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/** Opens `url` in a fresh page and reports when `selector` first appeared, in ms after navigation start. */
async function timeToSelector(context: BrowserContext, url: string, selector: string, viewport?: { width: number; height: number }, withText = '') {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(
    ({ sel, text }: { sel: string; text: string }) => {
      const w = window as unknown as { __seenAt?: number };
      const check = () => {
        const found = document.querySelector(sel);
        if (w.__seenAt === undefined && found && (!text || (found.textContent ?? '').includes(text))) {
          w.__seenAt = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    },
    { sel: selector, text: withText },
  );
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 30_000 });
  const seenAt = await page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN };
  });
  await page.close();
  return { seenAt, ...timing };
}

/**
 * One keystroke in the search box: from the input event to the count's text
 * changing (a MutationObserver, so no frame-rate rounding), and to the next frame.
 */
async function keystroke(options: Page, text: string) {
  return options.evaluate(async (value: string) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="history-search"]')!;
    const count = document.querySelector('[data-testid="history-count"]')!;
    const before = count.textContent;
    const changed = new Promise<number>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (count.textContent !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(count, { childList: true, characterData: true, subtree: true });
      setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the count stayed "${before}" after typing "${value}"`));
      }, 1_500);
    });
    const started = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const updated = await changed;
    const painted = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    // The list shows the first row of the new answer once its record is loaded.
    const rowDeadline = performance.now() + 5_000;
    while (
      !document.querySelector('[data-testid="history-row"]') &&
      !document.querySelector('[data-testid="history-no-match"]') &&
      performance.now() < rowDeadline
    ) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return { count: updated - started, frame: painted - started, rows: performance.now() - started, shown: count.textContent ?? '' };
  }, text);
}

async function main() {
  console.log(`Provenance UI bench: ${RECORDS.toLocaleString('en')} history entries\n`);
  const extensionDir = extensionToLoad();
  const web = await new FixtureWeb().start();
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchWithExtension({ fixturePort: web.port, extensionDir });
    const { context, extensionId } = browser;
    // tsx compiles with keepNames: functions passed to page.evaluate call a __name helper that pages lack.
    await context.addInitScript('globalThis.__name = (fn) => fn;');

    // 1. Real records from the engine, and a real verification.
    const seedUrls = [
      RUNNING_EXAMPLE.syndicatedPage,
      RUNNING_EXAMPLE.sourceLink,
      ORIGINALS.regional.url,
      ORIGINALS.tech.url,
      ORIGINALS.washingtonPost.url,
    ];
    const tabs: Page[] = [];
    for (const url of seedUrls) {
      const tab = await context.newPage();
      await tab.goto(url);
      tabs.push(tab);
    }
    const options = await openOptions(context, extensionId);
    await waitForHistory(options, seedUrls);
    const exampleTab = await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId);
    const verifyProblem = await verifyRunningExample(context, extensionId, exampleTab);

    // 2. The big history.
    const usageBefore = await storageUsage(options);
    const filled = await fillHistory(options, RECORDS - seedUrls.length);
    // Chromium updates its usage figure after the writes settle.
    await options.waitForTimeout(1_500);
    const usageAfter = await storageUsage(options);
    await options.close();
    console.log(
      `  filled ${(RECORDS - seedUrls.length).toLocaleString('en')} entries in ${(filled.ms / 1000).toFixed(1)} s (real records: ${filled.realJson.join(', ')} bytes of JSON)\n`,
    );

    // (a) Options page, first row.
    const optionsUrl = `chrome-extension://${extensionId}/options.html`;
    await timeToSelector(context, optionsUrl, '[data-testid="history-row"]'); // warm-up: code cache, database open
    const firstRows: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < RUNS; i++) firstRows.push((await timeToSelector(context, optionsUrl, '[data-testid="history-row"]')).seenAt);
    for (let i = 0; i < 3; i++) counts.push((await timeToSelector(context, optionsUrl, '[data-testid="history-count"]', undefined, ' of ')).seenAt);
    const first = stats(firstRows);
    console.log('(a) options page, navigation start → first history row');
    line(
      'first row visible',
      `median ${ms(first.median)}   max ${ms(first.max)}   (${RUNS} loads)`,
      `≤ ${TARGET.firstRow} ms`,
      first.median <= TARGET.firstRow,
    );
    line('"n of N articles" shown (whole order loaded)', `median ${ms(stats(counts).median)}`);
    const probe = await context.newPage();
    await probe.goto(optionsUrl);
    const costs = await databaseCosts(probe);
    await probe.close();
    line('  why: open the database', ms(costs.opened));
    line(`  why: every key, ${costs.byTimeFrom} (${costs.keys.toLocaleString('en')})`, ms(costs.allKeys));
    line(`  why: newest ${costs.rows} records by cursor`, ms(costs.newest60));
    line(`  why: publisher index walk (${costs.publishers.toLocaleString('en')})`, ms(costs.publisherWalk));

    // (b) Search keystrokes.
    const page = await context.newPage();
    await page.goto(optionsUrl);
    await page.locator('[data-testid="history-row"]').first().waitFor();
    await page.locator('[data-testid="history-count"]', { hasText: ' of ' }).waitFor();
    const PROBES = [
      'u',
      'uk',
      'ukr',
      'ukra',
      'ukrai',
      'ukraine',
      'ukraine t',
      'ukraine ta',
      'ukraine talks',
      '',
      'reu',
      'reuters',
      '',
      'wash',
      'washington post',
      '',
      'harbor',
      'harbortimes',
      '',
      'bridge council',
      '',
    ];
    const answered: Array<{ text: string; count: number; frame: number; rows: number; shown: string }> = [];
    const firstPass: number[] = [];
    // Two passes; the second is reported (code and database warm, as when someone types).
    for (const [pass, probe] of [...PROBES.map((p) => [1, p] as const), ...PROBES.map((p) => [2, p] as const)]) {
      let result = await keystroke(page, probe).catch(() => null);
      if (!result) {
        // The same count as the keystroke before ("ukr" → "ukra"): nothing changes on screen to time.
        // The query is answered from scratch either way, so time it from the empty box instead.
        await keystroke(page, '').catch(() => undefined);
        result = await keystroke(page, probe).catch(() => null);
      }
      if (result && pass === 2) answered.push({ text: probe, ...result });
      if (result && pass === 1) firstPass.push(result.count);
    }
    const keys = stats(answered.map((a) => a.count));
    const frames = stats(answered.map((a) => a.frame));
    const rowsShown = stats(answered.map((a) => a.rows));
    console.log('\n(b) search, input event → answer on screen');
    for (const a of answered.slice(0, PROBES.length)) {
      line(`  "${a.text}"`, `${ms(a.count).padStart(9)} count, ${ms(a.rows).padStart(9)} rows   ${a.shown}`);
    }
    line(
      'count updated, per keystroke',
      `median ${ms(keys.median)}   max ${ms(keys.max)}`,
      `≤ ${TARGET.keystroke} ms`,
      keys.median <= TARGET.keystroke && keys.max <= TARGET.keystroke * 2,
    );
    const cold = stats(firstPass);
    line('  first pass (nothing read before)', `median ${ms(cold.median)}   max ${ms(cold.max)}`);
    line('next frame after the keystroke', `median ${ms(frames.median)}   max ${ms(frames.max)}`);
    line('first row of the answer shown', `median ${ms(rowsShown.median)}   max ${ms(rowsShown.max)}`);
    await page.close();

    // (c) Storage.
    const perRecord = (usageAfter - usageBefore) / (RECORDS - seedUrls.length);
    console.log('\n(c) storage per history entry');
    line(
      'IndexedDB usage (storage.estimate)',
      `${(perRecord / 1024).toFixed(2)} KB   (${(usageBefore / 1e6).toFixed(1)} MB → ${(usageAfter / 1e6).toFixed(1)} MB)`,
      '≤ 2 KB',
      perRecord <= TARGET.bytesPerRecord,
    );
    line('JSON of an average entry', `${(filled.averageJson / 1024).toFixed(2)} KB`, '≤ 2 KB', filled.averageJson <= TARGET.bytesPerRecord);

    // (d) Popup on a cached verification.
    console.log('\n(d) popup for the running example, verification cached');
    if (verifyProblem) {
      line('verification result shown', `not measured: ${verifyProblem}`, `≤ ${TARGET.popup} ms`, false);
    } else {
      const popupUrl = `chrome-extension://${extensionId}/popup.html?tab=${exampleTab}`;
      await timeToSelector(context, popupUrl, '[data-testid="verification-result"]', { width: 400, height: 600 }); // warm-up
      const shown: number[] = [];
      for (let i = 0; i < RUNS; i++)
        shown.push((await timeToSelector(context, popupUrl, '[data-testid="verification-result"]', { width: 400, height: 600 })).seenAt);
      const popup = stats(shown);
      line(
        'verification result shown',
        `median ${ms(popup.median)}   max ${ms(popup.max)}   (${RUNS} opens)`,
        `≤ ${TARGET.popup} ms`,
        popup.median <= TARGET.popup,
      );
      const loaded: number[] = [];
      const roundTrips: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${exampleTab}`);
        await page.getByTestId('verification-result').waitFor();
        loaded.push(
          await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd),
        );
        roundTrips.push(
          await page.evaluate(async (tabId: number) => {
            const t = performance.now();
            await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
              type: 'get-tab-report',
              tabId,
            });
            return performance.now() - t;
          }, exampleTab),
        );
        await page.close();
      }
      line('  why: DOMContentLoaded (scripts parsed, run)', `median ${ms(stats(loaded).median)}`);
      line('  why: tab report from the background', `median ${ms(stats(roundTrips).median)}`);
    }
  } finally {
    await browser?.context.close().catch(() => undefined);
    await web.stop();
    if (browser) fs.rmSync(browser.userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().catch((error: unknown) => {
  console.error('bench-ui could not run:', error);
  process.exitCode = 0;
});
