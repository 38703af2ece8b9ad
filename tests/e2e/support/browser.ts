/**
 * Launching Debian's Chromium with the built extension, against the fixture web.
 *
 * What made headless extension loading work (Chromium 156, Playwright 1.65):
 * - `headless: true` is enough. Playwright passes plain `--headless`, which in
 *   Chromium ≥ 132 *is* the new headless mode (the old one moved out into
 *   chrome-headless-shell), and the new mode loads extensions. No
 *   `--headless=new`, no `channel` needed with `executablePath`.
 * - Playwright adds `--disable-extensions` to its defaults; `--disable-extensions-except`
 *   wins over it, but we drop it anyway (`ignoreDefaultArgs`) so a future
 *   Chromium that changes the precedence does not silently run without the extension.
 * - `--load-extension` still works in Chromium builds (Google-branded Chrome ≥ 137
 *   ignores it; that is why we use Debian's Chromium, not Chrome).
 * - As root, `--no-sandbox` (Playwright adds it too unless chromiumSandbox is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Where `npx wxt build` puts the Chrome extension. */
export const CHROME_BUILD_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
/**
 * The extension the tests load: PROVENANCE_EXTENSION_DIR when set (globalSetup
 * sets it to a private copy of the build, so a rebuild by someone else in the
 * same tree cannot pull files from under a running test), else the build itself.
 */
export const extensionDir = (): string => process.env.PROVENANCE_EXTENSION_DIR || CHROME_BUILD_DIR;

/**
 * The few `chrome.*` calls made inside the service worker. Declared here, not
 * with @types/chrome, so the test helpers add no global type to the extension's code.
 */
interface ChromeInWorker {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string; active?: boolean }>> };
  };
}

/** Hosts Chromium calls by itself; kept off the fixture web so its request log shows only pages. */
export const CHROMIUM_SERVICE_HOSTS = ['*.googleapis.com', 'accounts.google.com', 'clients*.google.com', 'www.gstatic.com'];

/** Switches for every Chromium we start against the fixture web, with or without the extension. */
export function chromiumArgs(fixturePort: number, extensionDir?: string): string[] {
  return [
    ...(extensionDir ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : []),
    // Every host name goes to the fixture web (no quotes: Playwright passes argv, not a shell line),
    // except Chromium's own service hosts, which it calls even with background networking off
    // (update checks, account and autofill lookups). First matching rule wins.
    `--host-resolver-rules=${[...CHROMIUM_SERVICE_HOSTS.map((h) => `MAP ${h} ~NOTFOUND`), `MAP * 127.0.0.1:${fixturePort}`].join(', ')}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    // Otherwise Chromium keeps trying Google hosts, which the resolver rule sends to the fixture web.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // QUIC would bypass the TCP-only fixture server after an Alt-Svc guess.
    '--disable-quic',
  ];
}

export function assertExtensionBuilt(dir = extensionDir()): void {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${path.relative(REPO_ROOT, dir) || dir}/manifest.json. ` +
        'Run `npx wxt build` (the e2e globalSetup does this unless PROVENANCE_SKIP_BUILD=1).',
    );
  }
}

export function makeUserDataDir(label = 'provenance-e2e'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export interface LaunchOptions {
  fixturePort: number;
  /** A fresh temporary profile when omitted. Pass the same one again to test persistence. */
  userDataDir?: string;
  extensionDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
  args?: string[];
  /** Playwright's default switches to leave out, beside --disable-extensions (e.g. --disable-ipc-flooding-protection). */
  ignoreDefaultArgs?: string[];
  /** The interface language ("fr"); English when omitted. See languageEnv. */
  language?: string;
}

/**
 * What starts Chromium in `language` on Linux, as a reader's desktop does: the
 * locale variables (Chromium reads its interface language from them; needs
 * chromium-l10n, scripts/setup.sh). `--lang` alone translates the extension's
 * messages in headless mode but leaves i18n.getUILanguage() in English.
 */
export function languageEnv(language: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !/^(LC_ALL|LC_MESSAGES|LANGUAGE|LANG)$/.test(name)) env[name] = value;
  const [lang, region] = language.split(/[-_]/);
  return { ...env, LANGUAGE: language.replace('-', '_'), LANG: `${lang}_${(region ?? lang)!.toUpperCase()}.UTF-8` };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's MV3 service worker, waking it if Chromium has stopped it. */
  serviceWorker(): Promise<Worker>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? extensionDir();
  assertExtensionBuilt(dir);
  const userDataDir = options.userDataDir ?? makeUserDataDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions', ...(options.ignoreDefaultArgs ?? [])],
    args: [...chromiumArgs(options.fixturePort, dir), ...(options.language ? [`--lang=${options.language}`] : []), ...(options.args ?? [])],
    ...(options.language ? { env: languageEnv(options.language), locale: options.language } : {}),
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
  });
  try {
    const worker = await findServiceWorker(context);
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, userDataDir, serviceWorker: () => findServiceWorker(context, extensionId) };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/**
 * The extension's service worker. MV3 workers are stopped when idle and started
 * again by any event; if none is running we open an extension page, which wakes it.
 */
export async function findServiceWorker(context: BrowserContext, extensionId?: string, timeout = 15_000): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://');
  const running = context.serviceWorkers().find(ours);
  if (running) return running;
  const waiting = context.waitForEvent('serviceworker', { predicate: ours, timeout });
  let waker: Page | null = null;
  if (extensionId) {
    // The worker registers again when the extension is used; loading one of its pages is enough.
    waker = await context.newPage();
    await waker.goto(`chrome-extension://${extensionId}/manifest.json`).catch(() => {});
  }
  try {
    return await waiting;
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${timeout} ms. ` +
        'Check that the build has a background script and that Chromium loaded the extension (see chrome://extensions).',
    );
  } finally {
    await waker?.close().catch(() => {});
  }
}

/** Runs `fn` in the extension's service worker, where `chrome.*` is available. */
export async function inServiceWorker<R, A>(context: BrowserContext, extensionId: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const worker = await findServiceWorker(context, extensionId);
  // Worker.evaluate's overloads do not infer through a generic wrapper; the call itself is the same.
  type Evaluate = (fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
  return (worker.evaluate as unknown as Evaluate).call(worker, fn, arg);
}

/**
 * The id of the tab showing `pageUrl`, from `chrome.tabs.query` in the service worker.
 *
 * Chrome hides tab URLs from an extension that has neither the "tabs" permission
 * nor an explicit host permission for the page (content-script matches do not
 * count). Then the tab is found another way: the page is brought to the front
 * and the active tab of the focused window is the one.
 */
export async function tabIdFor(context: BrowserContext, pageUrl: string, extensionId?: string): Promise<number> {
  const id = extensionId ?? new URL((await findServiceWorker(context)).url()).host;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const tabs = await inServiceWorker(
      context,
      id,
      async () =>
        (await (globalThis as unknown as ChromeInWorker).chrome.tabs.query({})).map((t) => ({
          id: t.id ?? -1,
          url: t.url ?? t.pendingUrl ?? '',
          active: t.active ?? false,
        })),
      undefined,
    );
    const tab = tabs.find((t) => t.url === pageUrl);
    if (tab && tab.id >= 0) return tab.id;
    if (tabs.length > 0 && tabs.every((t) => t.url === '')) {
      const page = context.pages().find((p) => p.url() === pageUrl);
      if (!page)
        throw new Error(
          `No page of this browser shows ${pageUrl}. Pages: ${context
            .pages()
            .map((p) => p.url())
            .join(', ')}`,
        );
      return activeTabIdOf(context, id, page);
    }
    if (Date.now() > deadline) {
      throw new Error(`No tab shows ${pageUrl}. Open tabs: ${tabs.map((t) => t.url).join(', ') || '(none)'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The tab id of a Playwright page: bring it to the front, ask for the active tab. */
export async function activeTabIdOf(context: BrowserContext, extensionId: string, page: Page): Promise<number> {
  await page.bringToFront();
  const active = await inServiceWorker(
    context,
    extensionId,
    async () => (await (globalThis as unknown as ChromeInWorker).chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id ?? -1),
    undefined,
  );
  if (active.length !== 1 || active[0]! < 0)
    throw new Error(`Expected one active tab after bringing ${page.url()} to the front, found ${active.length}.`);
  return active[0]!;
}

/**
 * Opens the popup for a tab in a page of its own: Playwright cannot click the
 * toolbar, so the popup takes `?tab=<id>` to know which tab to describe.
 */
export async function openPopupFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  // Roughly the size Chromium gives a toolbar popup, so screenshots look like the real thing.
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options;
}

/**
 * Waits until the background has a settled report for the tab, as the popup
 * shows it: a verdict, or "no article". A popup opened before the content
 * script's scan arrived may show a pending state without updating, so the page
 * is reloaded until it settles.
 */
export async function waitForSettledPopup(context: BrowserContext, extensionId: string, tabId: number, timeout = 15_000): Promise<Page> {
  const popup = await openPopupFor(context, extensionId, tabId);
  const settled = popup.locator('[data-testid="verdict"], [data-testid="no-article"]').first();
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await settled.waitFor({ state: 'visible', timeout: 2_000 });
      return popup;
    } catch (error) {
      if (Date.now() > deadline) {
        const text = (
          await popup
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 300);
        await popup.close().catch(() => {});
        throw new Error(
          `The popup for tab ${tabId} never showed a verdict or "no article" within ${timeout} ms. It showed: ${JSON.stringify(text)}`,
          { cause: error },
        );
      }
      await popup.reload();
    }
  }
}
