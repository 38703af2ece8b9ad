/**
 * Builds the Chrome extension once before the end-to-end tests.
 * PROVENANCE_SKIP_BUILD=1 uses whatever is in .output/chrome-mv3 (e.g. while
 * iterating on tests, or when CI built it in an earlier step).
 */
import path from 'node:path';
import { assertExtensionBuilt, REPO_ROOT } from './support/browser';
import { buildExtension } from './support/build';

export default function globalSetup(): void {
  if (process.env.PROVENANCE_SKIP_BUILD === '1') {
    assertExtensionBuilt();
    console.log('[e2e] PROVENANCE_SKIP_BUILD=1: using the existing .output/chrome-mv3');
    return;
  }
  const { dir, ms } = buildExtension('chrome');
  console.log(`[e2e] built ${path.relative(REPO_ROOT, dir)} in ${(ms / 1000).toFixed(1)} s`);
}
