/**
 * One scenario, two drivers. A scenario (tests/scenarios/*.scenario.ts) is
 * written once against these interfaces; tests/e2e/shared.spec.ts runs it in
 * Chromium through Playwright and scripts/firefox-e2e.ts runs it in Firefox
 * through puppeteer-core over WebDriver BiDi.
 *
 * The interfaces are deliberately small: what a person does (open a page,
 * click, type, press a key) and what a test reads (`evaluate` in the page).
 * Everything else — which tab is which, the popup for a tab, the toolbar
 * badge — is built on them in steps.ts, the same for both browsers.
 */
import type { FixtureWeb } from '../e2e/support/fixture-web';

export type BrowserName = 'chromium' | 'firefox';

/** A tab: a web page or one of the extension's pages. */
export interface Tab {
  /** The URL it was opened at. */
  readonly url: string;
  /** Runs `fn` in the page (serialised: it sees only its argument and the page's globals). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates a JavaScript expression in the page, awaiting it if it is a promise. */
  evaluateExpression<R>(expression: string): Promise<R>;
  /**
   * Runs `fn(root, arg)` in the page, `root` being the shadow root of the
   * first element matching `host`, open or closed (null when there is none).
   * The automation protocol hands the root over (the DevTools protocol in
   * Chromium, WebDriver BiDi in Firefox), as DevTools can: the page's own
   * script cannot reach a closed root (the badge's, components/badge.ts).
   */
  inShadow<R, A = undefined>(host: string, fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * A real mouse click (a trusted event) on the first element matching
   * `selector`, once it is visible. `host >>> inner` is `inner` inside
   * `host`'s shadow root, open or closed (found through inShadow).
   */
  click(selector: string): Promise<void>;
  /** Focuses `selector` and types `text` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Presses a key ("Enter", "Escape", "Tab") on whatever has the focus. */
  press(key: string): Promise<void>;
  /** Loads the page again and waits for it. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browser: BrowserName;
  /** The HTTPS fixture web every host name resolves to; scenarios may add routes. */
  readonly web: FixtureWeb;
  /** Opens a web page in a new tab and waits for its load event. */
  open(url: string): Promise<Tab>;
  /** Opens an extension page ("popup.html?tab=3", "options.html") in a new tab. */
  openExtensionPage(pagePath: string): Promise<Tab>;
  /**
   * Closes the browser and starts it again on the same profile, with the extension. Open tabs are gone.
   * `language` ("fr") starts it with that interface language, as a reader who set the browser to it;
   * without it, English.
   */
  restart(options?: { language?: string }): Promise<void>;
  /** Uncaught errors the extension's own code threw so far (pages, background, content script), as lines. */
  extensionErrors(): Promise<string[]>;
}

export interface Scenario {
  name: string;
  /** Longer than the default when it restarts the browser or verifies. */
  timeout?: number;
  run(driver: Driver): Promise<void>;
}

export const DEFAULT_SCENARIO_TIMEOUT = 60_000;
