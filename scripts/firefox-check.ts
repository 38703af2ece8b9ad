/**
 * Packages the Firefox add-on (`npx wxt zip -b firefox`: .output/firefox-mv2, then
 * the add-on zip and the sources zip)
 * and lints it with Mozilla's addons-linter through `web-ext lint`.
 * Prints one summary line; exits 1 when the build fails or the linter reports errors.
 *
 *   npm run lint:firefox                        build, then lint
 *   npx tsx scripts/firefox-check.ts            the same
 *   npx tsx scripts/firefox-check.ts --no-build lint what is already built
 *
 * The e2e suite runs the same check (tests/e2e/firefox.spec.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIREFOX_OUTPUT = path.join(REPO_ROOT, '.output/firefox-mv2');

export interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}

export interface FirefoxCheckResult {
  built: boolean;
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  /** One line for logs: "firefox-check: 0 errors, 2 warnings, 0 notices (.output/firefox-mv2)". */
  summary: string;
}

function run(command: string, args: string[]) {
  return spawnSync(command, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The packages `wxt zip -b firefox` writes: the add-on and the sources addons.mozilla.org asks for. */
export function firefoxPackages(): { addon: string; sources: string } {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(REPO_ROOT, '.output');
  return { addon: path.join(dir, `provenance-${version}-firefox.zip`), sources: path.join(dir, `provenance-${version}-sources.zip`) };
}

export function firefoxCheck({ build = true }: { build?: boolean } = {}): FirefoxCheckResult {
  if (build) {
    // `wxt zip` builds .output/firefox-mv2, then zips exactly that folder (and the sources).
    const result = run('npx', ['wxt', 'zip', '-b', 'firefox']);
    if (result.status !== 0) {
      throw new Error(`\`npx wxt zip -b firefox\` failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`.trim());
    }
  }
  if (!fs.existsSync(path.join(FIREFOX_OUTPUT, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${path.relative(REPO_ROOT, FIREFOX_OUTPUT)}: run \`npx wxt zip -b firefox\`.`);
  }
  // web-ext exits non-zero when there are errors; the JSON on stdout is what we read either way.
  const lint = run('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_OUTPUT, '--output', 'json', '--no-input', '--no-config-discovery']);
  const json = lint.stdout.slice(lint.stdout.indexOf('{'));
  let report: { errors?: LintMessage[]; warnings?: LintMessage[]; notices?: LintMessage[] };
  try {
    report = JSON.parse(json);
  } catch {
    throw new Error(`web-ext lint did not print a JSON report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`.trim());
  }
  const errors = report.errors ?? [];
  const warnings = report.warnings ?? [];
  const notices = report.notices ?? [];
  const summary = `firefox-check: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices (${path.relative(REPO_ROOT, FIREFOX_OUTPUT)})`;
  return { built: build, errors, warnings, notices, summary };
}

export function formatMessage(m: LintMessage): string {
  const where = m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''}` : '';
  return `${m.code}${where}: ${m.message}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const result = firefoxCheck({ build: !process.argv.includes('--no-build') });
    for (const m of result.errors) console.log(`  error   ${formatMessage(m)}`);
    for (const m of result.warnings) console.log(`  warning ${formatMessage(m)}`);
    console.log(result.summary);
    process.exitCode = result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log('firefox-check: failed');
    process.exitCode = 1;
  }
}
