/**
 * The shared end-to-end scenarios (tests/scenarios/scenarios.ts) in real
 * Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over
 * WebDriver BiDi, with the Firefox build of the extension installed as a
 * temporary add-on, browsing the fixture web (tests/fixtures/web) through a
 * loopback proxy. Chromium runs the same scenarios in tests/e2e/shared.spec.ts.
 *
 *   npx tsx scripts/firefox-e2e.ts               build (.output/firefox-mv2), then run every scenario
 *   npx tsx scripts/firefox-e2e.ts -g badge      only scenarios whose name contains "badge"
 *   PROVENANCE_SKIP_BUILD=1 …                    run what is already built
 *   FIREFOX_PATH=/path/to/firefox …              another Firefox (default /usr/bin/firefox-esr)
 *   FIXTURE_WEB_VERBOSE=1 …                      print every request the fixture web answers
 *   FIREFOX_E2E_VERBOSE=1 …                      print Firefox's console output even when all passed
 *
 * Each scenario gets a fresh Firefox and profile; after it, the extension must
 * have thrown no uncaught error (Firefox's console service). Prints ✓/✘ with a
 * reason per scenario and ends with "N passed, N failed"; exits 1 when one
 * failed. How it works: tests/firefox/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';
import { buildExtension, grantSiteAccess, OUTPUT_DIRS, stageBuild } from '../tests/e2e/support/build';
import { checkContentScriptSize } from '../tests/e2e/support/content-size';
import { FIREFOX_PATH, withTimeout } from '../tests/firefox/support/firefox';
import { versionLine } from '../tests/e2e/support/versions';
import { FirefoxDriver } from '../tests/firefox/support/driver';
import { LoopbackProxy } from '../tests/firefox/support/proxy';
import { DEFAULT_SCENARIO_TIMEOUT, type Scenario } from '../tests/scenarios/driver';
import { SCENARIOS } from '../tests/scenarios/scenarios';
import { FIREFOX_SCENARIOS, NotRunHere } from '../tests/firefox/private-window';

/** The whole run, build included, must end within this. */
const RUN_TIMEOUT = 20 * 60_000;

interface Outcome {
  name: string;
  ok: boolean;
  reason: string;
  /** The scenario could not run on this Firefox (NotRunHere): shown and counted, not a failure. */
  notRun?: boolean;
}

const outcomes: Outcome[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

function report(outcome: Outcome): void {
  outcomes.push(outcome);
  console.log(`${outcome.notRun ? '–' : outcome.ok ? '✓' : '✘'} ${outcome.name} — ${outcome.notRun ? 'NOT RUN: ' : ''}${outcome.reason}`);
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return error.message.split('\n').slice(0, 6).join(' | ') + cause;
}

function selectedScenarios(): Scenario[] {
  const at = process.argv.indexOf('-g');
  const filter = at >= 0 ? process.argv[at + 1] : undefined;
  // The shared scenarios, then those only Firefox runs (Chromium's own are tests/e2e/*.spec.ts).
  const all = [...SCENARIOS, ...FIREFOX_SCENARIOS];
  return filter ? all.filter((s) => s.name.includes(filter)) : all;
}

async function runScenario(scenario: Scenario, web: FixtureWeb, proxyPort: number, extensionDir: string): Promise<void> {
  const started = Date.now();
  web.resetRoutes();
  web.clearRequests();
  if (!web.running) await web.start();
  let driver: FirefoxDriver | undefined;
  try {
    await withTimeout(
      (async () => {
        driver = await FirefoxDriver.start(web, proxyPort, extensionDir);
        await scenario.run(driver);
        const errors = await driver.extensionErrors();
        if (errors.length) throw new Error(`${errors.length} uncaught error(s) from the extension: ${errors.join(' | ')}`);
      })(),
      scenario.timeout ?? DEFAULT_SCENARIO_TIMEOUT,
      'The scenario',
    );
    report({ name: scenario.name, ok: true, reason: `${((Date.now() - started) / 1000).toFixed(1)} s` });
  } catch (error) {
    if (error instanceof NotRunHere) {
      report({ name: scenario.name, ok: true, notRun: true, reason: error.message });
      return;
    }
    report({ name: scenario.name, ok: false, reason: errorText(error) });
    const lines = driver?.current.consoleLines() ?? [];
    if (lines.length) {
      console.log(`    Firefox console output (${lines.length} line(s), last 30):`);
      for (const line of lines.slice(-30)) console.log(`      ${line}`);
    }
    if (web.requests.length) {
      console.log(`    fixture web requests (${web.requests.length}, last 20):`);
      for (const r of web.requests.slice(-20)) console.log(`      ${r.method} ${r.url} → ${r.status ?? 'no answer'} (${r.servedBy})`);
    }
    return;
  } finally {
    if (process.env.FIREFOX_E2E_VERBOSE === '1' && driver) for (const line of driver.current.consoleLines()) console.log(`    ${line}`);
    await driver?.close();
  }
}

async function main(): Promise<void> {
  const scenarios = selectedScenarios();
  if (scenarios.length === 0) throw new Error(`No scenario matches: ${process.argv.slice(2).join(' ')}`);
  console.log(versionLine('firefox-e2e', FIREFOX_PATH));

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
  grantSiteAccess(staged);
  // The content script's size limit, on the Firefox build too (tests/e2e/support/content-size.ts).
  console.log(`[firefox-e2e] ${checkContentScriptSize(staged)}`);

  // — The fixture web, and the proxy Firefox reaches it through.
  const web = await new FixtureWeb().start();
  cleanups.push(() => web.stop());
  const proxy = await new LoopbackProxy(web.port).start();
  cleanups.push(() => proxy.stop());
  console.log(`[firefox-e2e] ${scenarios.length} scenario(s); fixture web on 127.0.0.1:${web.port} via proxy :${proxy.port}`);

  for (const scenario of scenarios) await runScenario(scenario, web, proxy.port, staged);
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
  if (setupError !== undefined) console.log(`✘ setup failed — ${errorText(setupError)}`);
  const passed = outcomes.filter((o) => o.ok && !o.notRun).length;
  const notRun = outcomes.filter((o) => o.notRun);
  const failed = outcomes.filter((o) => !o.ok).length + (setupError !== undefined ? 1 : 0);
  console.log(
    `Firefox: ${passed} passed, ${failed} failed${notRun.length ? `, ${notRun.length} NOT RUN on this Firefox (${notRun.map((o) => o.reason).join('; ')})` : ''}`,
  );
  return failed === 0 && passed > 0 ? 0 : 1;
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
