/**
 * Steps shared by the scenarios, built only on the Driver and Tab interfaces,
 * so they mean the same thing in Chromium and in Firefox.
 */
import type { Driver, Tab } from './driver';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fails the scenario with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Calls `probe` until it returns something other than undefined, then returns
 * that; after `timeout` ms it throws with `describe()` (the last state seen).
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  describe: () => string,
  { timeout = 10_000, interval = 200 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`${describe()} — after ${timeout} ms${cause}`);
    }
    await sleep(interval);
  }
}

/** What the page shows for `selector` (innerText, squashed), or null when nothing matches. */
export function textOf(tab: Tab, selector: string): Promise<string | null> {
  return tab.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    return el ? (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim() : null;
  }, selector);
}

export function attributeOf(tab: Tab, selector: string, name: string): Promise<string | null> {
  return tab.evaluate(({ sel, attr }) => document.querySelector(sel)?.getAttribute(attr) ?? null, { sel: selector, attr: name });
}

export function countOf(tab: Tab, selector: string): Promise<number> {
  return tab.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

/** Waits until `selector`'s text matches `pattern`; returns the text. */
export async function waitForText(tab: Tab, selector: string, pattern: RegExp | string, timeout = 10_000): Promise<string> {
  let seen: string | null = null;
  return eventually(
    async () => {
      seen = await textOf(tab, selector);
      if (seen === null) return undefined;
      return (typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen)) ? seen : undefined;
    },
    () =>
      `Expected ${selector} to show ${String(pattern)} on ${tab.url}; it ${seen === null ? 'was not there' : `showed ${JSON.stringify(seen.slice(0, 300))}`}`,
    { timeout },
  );
}

export async function waitForAttribute(tab: Tab, selector: string, name: string, pattern: RegExp | string, timeout = 10_000): Promise<string> {
  let seen: string | null = null;
  return eventually(
    async () => {
      seen = await attributeOf(tab, selector, name);
      if (seen === null) return undefined;
      return (typeof pattern === 'string' ? seen === pattern : pattern.test(seen)) ? seen : undefined;
    },
    () => `Expected ${selector}[${name}] to be ${String(pattern)} on ${tab.url}; it was ${JSON.stringify(seen)}`,
    { timeout },
  );
}

export async function waitForCount(tab: Tab, selector: string, count: number, timeout = 10_000): Promise<void> {
  let seen = -1;
  await eventually(
    async () => {
      seen = await countOf(tab, selector);
      return seen === count ? true : undefined;
    },
    () => `Expected ${count} × ${selector} on ${tab.url}, found ${seen}`,
    { timeout },
  );
}

/**
 * Runs `fn` in an extension page, where the WebExtension API is the global
 * `browser` (Firefox) or `chrome` (Chromium, promise-based in MV3), passed in
 * as `api`. One options page per driver serves every call and stays open:
 * closing it while its own API calls are in flight makes Firefox report
 * "Promise resolved after context unloaded". After a restart it is opened anew.
 */
export async function inExtension<R, A>(driver: Driver, fn: (input: { api: ExtensionApi; arg: A }) => R | Promise<R>, arg: A): Promise<R> {
  // Sent as an expression: the extension pages' CSP forbids eval, and the drivers' evaluation is not bound by it.
  const expression = `(${fn.toString()})({ api: globalThis.browser ?? globalThis.chrome, arg: ${JSON.stringify(arg)} })`;
  const cached = helperTabs.get(driver);
  if (cached) {
    try {
      return await cached.evaluateExpression<R>(expression);
    } catch {
      // Gone with a restart: open another.
    }
  }
  const tab = await driver.openExtensionPage('options.html');
  helperTabs.set(driver, tab);
  return tab.evaluateExpression<R>(expression);
}

const helperTabs = new WeakMap<Driver, Tab>();

/** The few API calls the steps make, typed here so the tests add no global types. */
export interface ExtensionApi {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** The id of the tab showing `url`. */
export async function tabIdOf(driver: Driver, url: string): Promise<number> {
  let tabs: Array<{ id: number; url: string }> = [];
  return eventually(
    async () => {
      tabs = await inExtension(
        driver,
        async ({ api }) => (await api.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url ?? t.pendingUrl ?? '' })),
        null,
      );
      const tab = tabs.find((t) => t.url === url && t.id >= 0);
      return tab?.id;
    },
    () => `No tab shows ${url}; the tabs are ${JSON.stringify(tabs)}`,
    { timeout: 10_000, interval: 300 },
  );
}

/** The toolbar icon's badge text for a tab. */
export function toolbarBadgeText(driver: Driver, tabId: number): Promise<string> {
  return inExtension(driver, ({ api, arg }) => (api.action ?? api.browserAction)!.getBadgeText({ tabId: arg }), tabId);
}

/**
 * The popup for the tab showing `pageUrl`, once it shows a verdict or "no
 * article": the toolbar cannot be clicked by a test, so the popup is opened
 * as `popup.html?tab=<id>` in a tab of its own. A popup opened before the
 * background had the page's scan shows a pending state, so it is reloaded
 * until it settles.
 */
export async function settledPopup(driver: Driver, pageUrl: string, timeout = 15_000): Promise<{ popup: Tab; tabId: number }> {
  const tabId = await tabIdOf(driver, pageUrl);
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  let shown = '';
  let loadedAt = Date.now();
  await eventually(
    async () => {
      const state = await popup.evaluate(() => ({
        settled: document.querySelector('[data-testid="verdict"], [data-testid="no-article"]') !== null,
        body: document.body?.innerText ?? '',
      }));
      shown = state.body;
      if (state.settled) return true;
      if (Date.now() - loadedAt > 2_000) {
        loadedAt = Date.now();
        await popup.reload();
      }
      return undefined;
    },
    () => `The popup for tab ${tabId} (${pageUrl}) never showed a verdict or "no article"; it showed ${JSON.stringify(squash(shown).slice(0, 300))}`,
    { timeout, interval: 250 },
  );
  return { popup, tabId };
}

/** The inline badge on a page, read through its closed shadow root (Tab.inShadow: the test's protocol, not the page's script). */
export interface BadgeState {
  present: boolean;
  pill: string;
  pillVisible: boolean;
  expanded: string | null;
  cardVisible: boolean;
  card: string;
  link: string | null;
  /** Where the pill is, and where the page's first <h1> is (page coordinates). */
  pillTop: number;
  headlineTop: number | null;
  headlineHeight: number;
  focused: string | null;
}

export function badgeState(tab: Tab): Promise<BadgeState> {
  return tab.inShadow('provenance-badge', (root) => {
    const host = document.querySelector('provenance-badge');
    const pill = root?.querySelector<HTMLElement>('[data-testid="provenance-badge"]') ?? null;
    const card = root?.querySelector<HTMLElement>('[data-testid="provenance-badge-card"]') ?? null;
    const visible = (el: HTMLElement | null) => {
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    };
    const h1 = document.querySelector('h1');
    const focused = root?.activeElement as HTMLElement | null | undefined;
    return {
      present: host !== null,
      pill: (pill?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      pillVisible: visible(pill),
      expanded: pill?.getAttribute('aria-expanded') ?? null,
      cardVisible: visible(card),
      card: (card?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      link: card?.querySelector<HTMLAnchorElement>('[data-testid="provenance-badge-link"]')?.href ?? null,
      pillTop: pill ? pill.getBoundingClientRect().top + scrollY : 0,
      headlineTop: h1 ? h1.getBoundingClientRect().top + scrollY : null,
      headlineHeight: h1?.getBoundingClientRect().height ?? 0,
      focused: focused?.dataset.testid ?? null,
    };
  });
}

/** Waits for the badge to reach a state `accept` likes; returns it. */
export async function waitForBadge(tab: Tab, accept: (state: BadgeState) => boolean, what: string, timeout = 10_000): Promise<BadgeState> {
  let seen: BadgeState | undefined;
  return eventually(
    async () => {
      seen = await badgeState(tab);
      return accept(seen) ? seen : undefined;
    },
    () => `Expected ${what} on ${tab.url}; the badge was ${JSON.stringify(seen)}`,
    { timeout },
  );
}

/** Waits `ms` and fails if a badge appeared in the meantime (on an original, a silenced site…). */
export async function expectNoBadge(tab: Tab, why: string, ms = 1_500): Promise<void> {
  await sleep(ms);
  const state = await badgeState(tab);
  check(!state.present, `Expected no badge on ${tab.url} (${why}), found one saying ${JSON.stringify(state.pill)}`);
}

export const PILL = 'provenance-badge >>> [data-testid="provenance-badge"]';
export const IN_CARD = (testid: string) => `provenance-badge >>> [data-testid="${testid}"]`;

export interface HistoryRow {
  text: string;
  links: string[];
  seen: string[];
}

export function historyRows(options: Tab): Promise<HistoryRow[]> {
  return options.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="history-row"]')].map((row) => ({
      text: row.innerText.replace(/\s+/g, ' ').trim(),
      links: [...row.querySelectorAll('a')].map((a) => a.href),
      seen: [...row.querySelectorAll('time')].map((t) => t.dateTime),
    })),
  );
}

/**
 * Opens the options page and reloads it until every URL has a history row:
 * the background stores a scan shortly after the page loads, not at once.
 */
export async function openHistoryWith(driver: Driver, urls: string[], timeout = 15_000): Promise<Tab> {
  const options = await driver.openExtensionPage('options.html');
  let rows: HistoryRow[] = [];
  let loadedAt = Date.now();
  await eventually(
    async () => {
      rows = await historyRows(options);
      const linked = rows.flatMap((r) => r.links);
      if (urls.every((u) => linked.includes(u))) return true;
      if (Date.now() - loadedAt > 1_500) {
        loadedAt = Date.now();
        await options.reload();
      }
      return undefined;
    },
    () => `Expected history rows linking to ${urls.join(', ')}; found ${rows.length}: ${JSON.stringify(rows.map((r) => r.text.slice(0, 80)))}`,
    { timeout, interval: 300 },
  );
  return options;
}

/** The toolbar button's title (its tooltip) for a tab. */
export function toolbarTitle(driver: Driver, tabId: number): Promise<string> {
  return inExtension(
    driver,
    ({ api, arg }) => {
      const action = api as unknown as {
        action?: { getTitle(d: { tabId: number }): Promise<string> };
        browserAction?: { getTitle(d: { tabId: number }): Promise<string> };
      };
      return (action.action ?? action.browserAction)!.getTitle({ tabId: arg });
    },
    tabId,
  );
}
