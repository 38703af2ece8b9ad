/**
 * The Firefox driver of the shared scenarios (tests/scenarios): puppeteer-core
 * pages over WebDriver BiDi behind the Driver/Tab interfaces. One driver is
 * one Firefox on its own profile, with the extension installed.
 */
import type { Page } from 'puppeteer-core';
import type { Driver, Tab } from '../../scenarios/driver';
import type { FixtureWeb } from '../../e2e/support/fixture-web';
import { ADDON_ID, FirefoxWithExtension } from './firefox';

/**
 * Waits (up to `timeout`) for a visible element matching `selector`, then
 * clicks it.
 * Not `page.locator().click()`: on extension pages in Firefox ESR 140 its
 * stability check never settles, while an element handle's click works in
 * every version.
 */
async function clickWhenVisible(page: Page, selector: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = 'no element matches';
  for (;;) {
    try {
      const handle = await page.$(selector);
      if (handle) {
        try {
          if (await handle.isVisible()) {
            await handle.click();
            return;
          }
          last = 'an element matches but is not visible';
        } finally {
          await handle.dispose();
        }
      }
    } catch (error) {
      // Detached between the query and the click, or the page navigated: try again.
      last = (error as Error).message.split('\n')[0] ?? String(error);
    }
    if (Date.now() > deadline) throw new Error(`Clicking ${selector}: ${last} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A real mouse click on `inner` inside `host`'s shadow root, open or closed (FirefoxWithExtension.inShadow
 * finds its box), once it is visible and nothing covers its centre.
 */
async function clickInShadow(firefox: FirefoxWithExtension, page: Page, host: string, inner: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const locate = (root: ShadowRoot | null, selector: string) => {
    const el = root?.querySelector<HTMLElement>(selector);
    if (!el || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return null;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = root!.elementFromPoint(x, y);
    return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
  };
  for (;;) {
    const point = await firefox.inShadow<{ x: number; y: number } | null>(page, host, locate.toString(), inner);
    if (point) return page.mouse.click(point.x, point.y);
    if (Date.now() > deadline) throw new Error(`Clicking ${inner} in ${host}'s shadow root: not visible (or covered) after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function firefoxTab(firefox: FirefoxWithExtension, page: Page, url: string, extensionPage: boolean): Tab {
  return {
    url,
    // Sent as source with a no-op `__name`: tsx (esbuild, keepNames) wraps named inner functions in
    // __name(…) calls, a helper that exists in Node, not in the page. Playwright copes; puppeteer does not.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(`((__name) => (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}))((f) => f)`) as Promise<R>,
    evaluateExpression: <R>(expression: string) => page.evaluate(expression) as Promise<R>,
    inShadow: <R, A>(host: string, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A) =>
      firefox.inShadow<R>(page, host, fn.toString(), arg),
    // `host >>> inner`: puppeteer's selectors pierce open shadow roots only; the badge's is closed.
    click: (selector) => {
      const [host, inner] = selector.split(/\s*>>>\s*/);
      return inner ? clickInShadow(firefox, page, host!, inner) : clickWhenVisible(page, selector);
    },
    type: async (selector, text) => {
      await clickWhenVisible(page, selector);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key as never),
    // goto()/reload() can hang on moz-extension:// pages; a raw BiDi navigation does not.
    reload: async () => {
      if (extensionPage) await firefox.navigate(page, url);
      else await page.reload({ waitUntil: 'load' });
    },
    close: () => page.close(),
  };
}

export class FirefoxDriver implements Driver {
  readonly browser = 'firefox' as const;

  private constructor(
    readonly web: FixtureWeb,
    private firefox: FirefoxWithExtension,
    private readonly proxyPort: number,
    private readonly extensionDir: string,
  ) {}

  /** Starts Firefox on a fresh profile and installs the extension from `extensionDir`. */
  static async start(web: FixtureWeb, proxyPort: number, extensionDir: string): Promise<FirefoxDriver> {
    const firefox = await FirefoxWithExtension.launch({ proxyPort });
    const driver = new FirefoxDriver(web, firefox, proxyPort, extensionDir);
    await driver.install();
    return driver;
  }

  get current(): FirefoxWithExtension {
    return this.firefox;
  }

  private async install(): Promise<void> {
    try {
      const { id } = await this.firefox.installExtension(this.extensionDir);
      if (id !== ADDON_ID) throw new Error(`Firefox installed the add-on as "${id}", expected "${ADDON_ID}".`);
    } catch (error) {
      await this.firefox.close();
      throw error;
    }
  }

  async open(url: string): Promise<Tab> {
    return firefoxTab(this.firefox, await this.firefox.openPage(url), url, false);
  }

  async openExtensionPage(pagePath: string): Promise<Tab> {
    const page = await this.firefox.openExtensionPage(pagePath);
    if (pagePath.startsWith('popup.html')) await this.firefox.setViewport(page, 400, 600);
    return firefoxTab(this.firefox, page, this.firefox.extensionUrl(pagePath), true);
  }

  async restart({ language }: { language?: string } = {}): Promise<void> {
    const { profileDir, extensionUuid } = this.firefox;
    await this.firefox.close({ keepProfile: true });
    this.firefox = await FirefoxWithExtension.launch({ proxyPort: this.proxyPort, profile: { dir: profileDir, extensionUuid }, language });
    await this.install();
    if (this.firefox.extensionHost !== extensionUuid)
      throw new Error(`The add-on's UUID changed across the restart: ${extensionUuid} → ${this.firefox.extensionHost}`);
  }

  async extensionErrors(): Promise<string[]> {
    const errors = await this.firefox.extensionErrors();
    // "Promise resolved after context unloaded" is Firefox telling that an extension page (a popup the
    // scenario closed) went away while one of its storage reads was answered: not an error of the code.
    return errors
      .filter((e) => !e.warning && !/Promise resolved after context unloaded/.test(e.message))
      .map((e) => `${e.source}:${e.line}: ${e.message}`);
  }

  /** Closes Firefox and removes its profile. */
  close(): Promise<void> {
    return this.firefox.close();
  }
}
