/**
 * The Firefox driver of the shared scenarios (tests/scenarios): puppeteer-core
 * pages over WebDriver BiDi behind the Driver/Tab interfaces. One driver is
 * one Firefox on its own profile, with the extension installed.
 */
import type { Page } from 'puppeteer-core';
import type { Driver, Tab } from '../../scenarios/driver';
import type { FixtureWeb } from '../../e2e/support/fixture-web';
import { ADDON_ID, FirefoxWithExtension } from './firefox';

function firefoxTab(firefox: FirefoxWithExtension, page: Page, url: string, extensionPage: boolean): Tab {
  return {
    url,
    // Sent as source with a no-op `__name`: tsx (esbuild, keepNames) wraps named inner functions in
    // __name(…) calls, a helper that exists in Node, not in the page. Playwright copes; puppeteer does not.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(`((__name) => (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}))((f) => f)`) as Promise<R>,
    evaluateExpression: <R>(expression: string) => page.evaluate(expression) as Promise<R>,
    // Puppeteer's locators understand `host >>> inner` (into open shadow roots) and wait until the element is visible.
    click: (selector) => page.locator(selector).setTimeout(10_000).click(),
    type: async (selector, text) => {
      await page.locator(selector).setTimeout(10_000).click();
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
    if (pagePath.startsWith('popup.html')) await page.setViewport({ width: 400, height: 600 });
    return firefoxTab(this.firefox, page, this.firefox.extensionUrl(pagePath), true);
  }

  async restart(): Promise<void> {
    const { profileDir, extensionUuid } = this.firefox;
    await this.firefox.close({ keepProfile: true });
    this.firefox = await FirefoxWithExtension.launch({ proxyPort: this.proxyPort, profile: { dir: profileDir, extensionUuid } });
    await this.install();
    if (this.firefox.extensionHost !== extensionUuid) throw new Error(`The add-on's UUID changed across the restart: ${extensionUuid} → ${this.firefox.extensionHost}`);
  }

  async extensionErrors(): Promise<string[]> {
    const errors = await this.firefox.extensionErrors();
    return errors.filter((e) => !e.warning).map((e) => `${e.source}:${e.line}: ${e.message}`);
  }

  /** Closes Firefox and removes its profile. */
  close(): Promise<void> {
    return this.firefox.close();
  }
}
