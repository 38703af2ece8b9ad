/** Building the extension the way a developer does (`npx wxt build`), for the e2e tests and the demo. */
import { spawnSync } from 'node:child_process';
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
