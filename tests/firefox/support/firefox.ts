/**
 * Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi,
 * with the unpacked Firefox build of the extension installed as a temporary add-on.
 *
 * What makes it work (Firefox ESR 140 and later, puppeteer-core 24 on Node 20):
 * - Network: every connection goes through `LoopbackProxy` (Firefox's proxy
 *   preferences), which pipes it to the fixture web. `network.dns.forceResolve`
 *   sends anything that would bypass the proxy to loopback too.
 * - Certificates: `acceptInsecureCerts: true` (the fixture web's certificate is self-signed).
 * - Extension pages: Firefox opens `moz-extension://` URLs over BiDi only when
 *   started with `--remote-allow-system-access`, and puppeteer's `goto()` can
 *   hang on them, so `openExtensionPage()` sends a raw `browsingContext.navigate`.
 * - The extension's internal UUID (the host of its moz-extension:// URLs) is
 *   chosen by us: Firefox reuses the UUID it finds for an add-on id in the
 *   `extensions.webextensions.uuids` preference. `extensionHostname()` asks
 *   Firefox which one it really uses.
 * - System access also lets us evaluate in the browser window (chrome scope)
 *   and read Firefox's console service: errors thrown by the extension in any
 *   process (background page, popup, content script) land there. ESR 140
 *   offers no chrome scope over BiDi; there the same errors are read from the
 *   "JavaScript error:" lines Firefox prints, and the add-on's UUID from prefs.js.
 * - Only commands every supported version knows: the viewport is set with a
 *   plain `browsingContext.setViewport` (puppeteer's helper also sends
 *   `emulation.setScreenOrientationOverride`, unknown to ESR 140).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const ADDON_ID = 'provenance@provenance.example';

export function firefoxPrefs(proxyPort: number, extensionUuid: string): Record<string, unknown> {
  return {
    // Every request through the loopback proxy, localhost included.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    // A safety net: anything resolved locally goes to loopback, never to the real host.
    'network.dns.forceResolve': '127.0.0.1',
    'network.trr.mode': 5,
    // The fixture web speaks TCP only.
    'network.http.http3.enable': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Our UUID for the add-on: moz-extension://<uuid>/ is then known before install.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: extensionUuid }),
    // A temporary add-on is uninstalled when Firefox quits and installed again after a restart;
    // an installed one keeps its data. These make the test's add-on behave like an installed one.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    // console.* of web pages and extension pages (background included) on Firefox's stdout.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
  };
}

/** The parts of puppeteer's BiDi connection we use; not in its public types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface ExtensionError {
  source: string;
  line: number;
  message: string;
  warning: boolean;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class FirefoxWithExtension {
  /** Lines Firefox printed (stdout and stderr): console output of pages and extension, "JavaScript error:" lines. */
  readonly output: string[] = [];
  extensionHost: string;

  private constructor(
    readonly browser: Browser,
    readonly profileDir: string,
    readonly extensionUuid: string,
  ) {
    this.extensionHost = extensionUuid;
    const proc = browser.process();
    for (const stream of [proc?.stdout, proc?.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        this.output.push(...lines);
      });
    }
  }

  /**
   * Starts Firefox on a fresh temporary profile, or on `profile` (the same
   * profile and add-on UUID as an earlier run: a restart). Call `installExtension()` next.
   */
  static async launch({
    proxyPort,
    timeout = 60_000,
    profile,
    language,
  }: {
    proxyPort: number;
    timeout?: number;
    profile?: { dir: string; extensionUuid: string };
    /** The interface language ("fr"), as a reader sets it in Firefox's settings; English when omitted. Needs that language pack (scripts/setup.sh). */
    language?: string;
  }): Promise<FirefoxWithExtension> {
    if (!fs.existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH} (set FIREFOX_PATH).`);
    const profileDir = profile?.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-firefox-e2e-'));
    const extensionUuid = profile?.extensionUuid ?? crypto.randomUUID();
    try {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        acceptInsecureCerts: true,
        userDataDir: profileDir,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: { ...firefoxPrefs(proxyPort, extensionUuid), ...(language ? { 'intl.locale.requested': language } : {}) },
        timeout,
        protocolTimeout: timeout,
        // We close Firefox ourselves, in a finally; puppeteer's own signal handlers would race it.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return new FirefoxWithExtension(browser, profileDir, extensionUuid);
    } catch (error) {
      if (!profile) removeProfile(profileDir);
      throw error;
    }
  }

  private get connection(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  /** Installs the unpacked build as a temporary add-on; returns its id and its moz-extension host. */
  async installExtension(dir: string): Promise<{ id: string; host: string }> {
    const id = await withTimeout(this.browser.installExtension(dir), 30_000, `Installing ${dir}`);
    this.extensionHost = (await this.extensionHostname(id)) ?? this.extensionUuid;
    return { id, host: this.extensionHost };
  }

  /** The host of the add-on's moz-extension:// URLs, as Firefox reports it (policy, then prefs.js). */
  async extensionHostname(id = ADDON_ID): Promise<string | null> {
    try {
      const host = await this.evaluateInChrome(`WebExtensionPolicy.getByID(${JSON.stringify(id)})?.mozExtensionHostname ?? ''`);
      if (host) return host;
    } catch {
      // Fall back to the profile's preferences.
    }
    try {
      const prefs = fs.readFileSync(path.join(this.profileDir, 'prefs.js'), 'utf8');
      const line = prefs.split('\n').find((l) => l.includes('"extensions.webextensions.uuids"'));
      const json = line && (JSON.parse(`[${line.slice(line.indexOf(',') + 1, line.lastIndexOf(')'))}]`) as string[])[0];
      const uuids = json ? (JSON.parse(json) as Record<string, string>) : {};
      return uuids[id] ?? null;
    } catch {
      return null;
    }
  }

  extensionUrl(pagePath: string): string {
    return `moz-extension://${this.extensionHost}/${pagePath.replace(/^\//, '')}`;
  }

  async openPage(url: string, timeout = 20_000): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout });
    return page;
  }

  /** Opens an extension page (moz-extension://…) in a new tab with a raw BiDi navigation. */
  async openExtensionPage(pagePath: string, timeout = 15_000): Promise<Page> {
    const page = await this.browser.newPage();
    await this.navigate(page, this.extensionUrl(pagePath), timeout);
    return page;
  }

  /** `browsingContext.navigate`, waiting for the load event; puppeteer's goto() can hang on moz-extension:// URLs. */
  async navigate(page: Page, url: string, timeout = 15_000): Promise<void> {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await withTimeout(this.connection.send('browsingContext.navigate', { context, url, wait: 'complete' }), timeout, `Opening ${url}`);
  }

  /**
   * The browser window's chrome-scope browsing context, or null when this
   * Firefox does not offer one over BiDi (`moz:scope: 'chrome'` in
   * `browsingContext.getTree` arrived after ESR 140, which answers with its
   * content tabs instead).
   */
  private async chromeContext(): Promise<string | null> {
    if (this.chromeScope !== undefined) return this.chromeScope;
    const tree = await this.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const contexts = tree.result.contexts as Array<{ context: string; url: string; 'moz:scope'?: string }>;
    const window =
      contexts.find((c) => c['moz:scope'] === 'chrome' && c.url.startsWith('chrome://browser/')) ?? contexts.find((c) => c['moz:scope'] === 'chrome');
    this.chromeScope = window?.context ?? null;
    return this.chromeScope;
  }

  private chromeScope: string | null | undefined;

  /** Does this Firefox offer chrome scope over BiDi (after ESR 140)? */
  async hasChromeScope(): Promise<boolean> {
    return !!(await this.chromeContext());
  }

  /**
   * Evaluates an expression in the browser window (chrome scope, system
   * principal: `Services`, `WebExtensionPolicy`, …). Needs
   * --remote-allow-system-access and a Firefox that offers chrome scope over
   * BiDi; throws saying so otherwise. `Services` and `Ci` are bound for the
   * expression whether or not the window has them as globals.
   */
  async evaluateInChrome(expression: string): Promise<string> {
    const context = await this.chromeContext();
    if (!context) throw new Error(`Firefox ${await this.browser.version()} offers no chrome-scope context over WebDriver BiDi`);
    const answer = await this.connection.send('script.evaluate', {
      expression: `(() => {
        const Services = globalThis.Services ?? ChromeUtils.importESModule('resource://gre/modules/Services.sys.mjs').Services;
        const Ci = globalThis.Ci ?? Components.interfaces;
        return String(${expression});
      })()`,
      target: { context },
      awaitPromise: true,
    });
    const result = answer.result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (result.type !== 'success') throw new Error(`Chrome-scope evaluation failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
    return result.result?.value ?? '';
  }

  /**
   * Errors and warnings from the extension's own files: uncaught exceptions
   * and unhandled rejections in the background page, extension pages and
   * content scripts. Read from Firefox's console service where chrome scope is
   * offered; elsewhere (ESR 140) from the "JavaScript error: <file>, line N:
   * <message>" lines every Firefox process prints for the same reports.
   */
  async extensionErrors(): Promise<ExtensionError[]> {
    const prefix = `moz-extension://${this.extensionHost}/`;
    if (!(await this.chromeContext())) return extensionErrorsFromOutput(this.output, prefix);
    const json = await this.evaluateInChrome(`JSON.stringify(Services.console.getMessageArray().flatMap((m) => {
      if (!(m instanceof Ci.nsIScriptError)) return [];
      if (!String(m.sourceName).startsWith(${JSON.stringify(prefix)}) && !String(m.stack ?? '').includes(${JSON.stringify(prefix)})) return [];
      return [{ source: m.sourceName, line: m.lineNumber, message: m.errorMessage, warning: (m.flags & Ci.nsIScriptError.warningFlag) !== 0 }];
    }))`);
    return JSON.parse(json) as ExtensionError[];
  }

  /**
   * Runs the function `fnSource` as `fn(root, arg)` in the page, `root` being the shadow root of the first
   * element matching `host`, open or closed (null when there is none). WebDriver BiDi serialises an
   * element's shadow root whatever its mode (`openOrClosedShadowRoot`) as a shared reference, which
   * script.callFunction takes back as an argument: the page's own script has no such reference. The
   * answer travels as JSON.
   */
  async inShadow<R>(page: Page, host: string, fnSource: string, arg: unknown): Promise<R> {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    const found = await this.connection.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(host)})`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const node = found.result as { result?: { type?: string; value?: { shadowRoot?: { sharedId?: string } | null } } };
    const rootId = node.result?.type === 'node' ? node.result.value?.shadowRoot?.sharedId : undefined;
    const answer = await this.connection.send('script.callFunction', {
      // Sent with a no-op __name (see firefoxTab's evaluate).
      functionDeclaration: `async function (root) { const __name = (f) => f; return JSON.stringify({ value: await (${fnSource})(root, ${JSON.stringify(arg ?? null)}) }); }`,
      arguments: [rootId ? { sharedId: rootId } : { type: 'null' }],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const result = answer.result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (result.type !== 'success') throw new Error(`In ${host}'s shadow root: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
    return (JSON.parse(result.result?.value ?? '{}') as { value?: R }).value as R;
  }

  /** Sets a tab's viewport with the plain BiDi command (puppeteer's setViewport also sends commands ESR 140 lacks). */
  async setViewport(page: Page, width: number, height: number): Promise<void> {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await this.connection.send('browsingContext.setViewport', { context, viewport: { width, height } });
  }

  /** console.* lines of pages and extension (Firefox does not say which) and "JavaScript error/warning" lines. */
  consoleLines(): string[] {
    return this.output.filter((l) => /^(console\.(error|warn|log|info|debug)|JavaScript (error|warning)):/.test(l));
  }

  /** Closes Firefox (killing it if it does not quit) and removes the profile unless told to keep it. Never throws. */
  async close({ keepProfile = false }: { keepProfile?: boolean } = {}): Promise<void> {
    const proc = this.browser.process();
    try {
      await withTimeout(this.browser.close(), 15_000, 'Closing Firefox');
    } catch {
      // Firefox did not quit: end its process group (puppeteer starts it detached, as a group leader).
      if (proc?.pid && proc.exitCode === null) {
        try {
          process.kill(-proc.pid, 'SIGKILL');
        } catch {
          proc.kill('SIGKILL');
        }
      }
    }
    if (!keepProfile) removeProfile(this.profileDir);
  }
}

/** "JavaScript error: moz-extension://<host>/file.js, line 12: TypeError: …" lines about the extension's files. */
export function extensionErrorsFromOutput(lines: readonly string[], prefix: string): ExtensionError[] {
  return lines.flatMap((line) => {
    const match = /^JavaScript (error|warning): (\S+), line (\d+): (.*)$/.exec(line.trim());
    if (!match || !match[2]!.startsWith(prefix)) return [];
    return [{ source: match[2]!, line: Number(match[3]), message: match[4]!, warning: match[1] === 'warning' }];
  });
}

function removeProfile(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
