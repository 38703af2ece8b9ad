/**
 * The Chromium driver of the shared scenarios (tests/scenarios): Playwright
 * pages behind the Driver/Tab interfaces.
 */
import type { Page } from '@playwright/test';
import type { Driver, Tab } from '../../scenarios/driver';
import type { ExtensionBrowser, LaunchOptions } from './browser';
import type { FixtureWeb } from './fixture-web';
import { clickInShadow, inShadow } from './shadow';

export function chromiumTab(page: Page, url: string): Tab {
  return {
    url,
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>,
    evaluateExpression: <R>(expression: string) => page.evaluate(expression) as Promise<R>,
    inShadow: (host, fn, arg) => inShadow(page, host, fn, arg),
    // `host >>> inner`: Playwright's locators pierce open shadow roots only; the badge's is closed.
    click: (selector) => {
      const [host, inner] = selector.split(/\s*>>>\s*/);
      return inner ? clickInShadow(page, host!, inner) : page.locator(selector).first().click();
    },
    type: (selector, text) => page.locator(selector).first().pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

export class ChromiumDriver implements Driver {
  readonly browser = 'chromium' as const;
  private readonly errors: string[] = [];

  constructor(
    readonly web: FixtureWeb,
    private current: ExtensionBrowser,
    private readonly launch: (options?: Omit<LaunchOptions, 'fixturePort'>) => Promise<ExtensionBrowser>,
  ) {
    this.watch(current);
  }

  private watch(browser: ExtensionBrowser): void {
    const prefix = `chrome-extension://${browser.extensionId}/`;
    browser.context.on('weberror', (error) => {
      const page = error.page()?.url() ?? '';
      if (page.startsWith(prefix)) this.errors.push(`${page}: ${error.error().message}`);
    });
    browser.context.on('serviceworker', (worker) => {
      if (worker.url().startsWith(prefix)) worker.on('console', (msg) => msg.type() === 'error' && this.errors.push(`service worker: ${msg.text()}`));
    });
    for (const worker of browser.context.serviceWorkers()) {
      if (worker.url().startsWith(prefix)) worker.on('console', (msg) => msg.type() === 'error' && this.errors.push(`service worker: ${msg.text()}`));
    }
  }

  async open(url: string): Promise<Tab> {
    const page = await this.current.context.newPage();
    await page.goto(url);
    return chromiumTab(page, url);
  }

  async openExtensionPage(pagePath: string): Promise<Tab> {
    const page = await this.current.context.newPage();
    // Roughly the size Chromium gives a toolbar popup.
    if (pagePath.startsWith('popup.html')) await page.setViewportSize({ width: 400, height: 600 });
    const url = `chrome-extension://${this.current.extensionId}/${pagePath}`;
    await page.goto(url);
    return chromiumTab(page, url);
  }

  async restart({ language }: { language?: string } = {}): Promise<void> {
    const { userDataDir, extensionId } = this.current;
    await this.current.context.close();
    this.current = await this.launch({ userDataDir, language });
    // An unpacked extension's id comes from its path, so it is the same after a restart.
    if (this.current.extensionId !== extensionId)
      throw new Error(`The extension id changed across the restart: ${extensionId} → ${this.current.extensionId}`);
    this.watch(this.current);
  }

  async extensionErrors(): Promise<string[]> {
    return [...this.errors];
  }
}
