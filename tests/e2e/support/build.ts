/** Building the extension the way a developer does (`npx wxt build`), for the e2e tests and the demo. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './browser';

export type Target = 'chrome' | 'firefox';

export const OUTPUT_DIRS: Record<Target, string> = {
  chrome: path.join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output/firefox-mv2'),
};

/** Runs `npx wxt build [-b firefox]`; throws with the build's own output when it fails. */
export function buildExtension(target: Target = 'chrome'): { dir: string; ms: number } {
  const started = Date.now();
  const args = ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])];
  const result = spawnSync('npx', args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // No spinner, no colours: the output lands in test logs.
    env: { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim();
    throw new Error(`\`npx ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return { dir: OUTPUT_DIRS[target], ms: Date.now() - started };
}

/** Private copies of the build live here (gitignored .tmp/). */
export const STAGING_ROOT = path.join(REPO_ROOT, '.tmp/e2e');

/**
 * Copies a build to `.tmp/e2e/<name>` and returns that path. Others working in
 * the same tree rebuild .output/ at any time (WXT empties the folder first);
 * a test loading the copy keeps its files. The path is fixed, so the unpacked
 * extension's id (derived from its path) is the same from run to run.
 */
export function stageBuild(buildDir: string, name = path.basename(buildDir)): string {
  const target = path.join(STAGING_ROOT, name);
  for (let attempt = 1; ; attempt++) {
    const before = snapshot(buildDir);
    if (!before.has('manifest.json')) throw new Error(`Nothing to stage: ${buildDir} has no manifest.json.`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(STAGING_ROOT, { recursive: true });
    fs.cpSync(buildDir, target, { recursive: true });
    // A rebuild that started during the copy leaves a mix of two builds: copy again.
    if (sameSnapshot(before, snapshot(buildDir)) && sameSnapshot(before, snapshot(target))) return target;
    if (attempt === 5) throw new Error(`${buildDir} kept changing while it was copied (someone rebuilding?); try again.`);
    spawnSync('sleep', ['2']);
  }
}

/** Relative path → size of every file under `dir`. */
function snapshot(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (sub: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, fs.statSync(path.join(dir, rel)).size);
    }
  };
  walk('');
  return files;
}

function sameSnapshot(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([file, size]) => b.get(file) === size);
}

/**
 * Verifying an original asks the browser for access to its site, and neither
 * Playwright nor WebDriver BiDi can answer the browser's permission prompt (it
 * stays open for ever in headless Chromium: microsoft/playwright#32755). A
 * staged copy therefore declares the optional host permissions as granted,
 * exactly the state after a user clicked "Allow"; the product's code path is
 * unchanged (permissions.contains() answers true, no prompt is shown).
 * Chrome (MV3): optional_host_permissions → host_permissions. Firefox (MV2):
 * the host patterns of optional_permissions → permissions.
 */
export function grantSiteAccess(dir: string): void {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    optional_host_permissions?: string[];
    host_permissions?: string[];
    optional_permissions?: string[];
    permissions?: string[];
  };
  if (manifest.optional_host_permissions) {
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...manifest.optional_host_permissions];
  }
  const hosts = (manifest.optional_permissions ?? []).filter((p) => p.includes('://'));
  if (hosts.length) manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
  fs.writeFileSync(file, JSON.stringify(manifest));
}
