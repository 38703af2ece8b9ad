/**
 * Builds the Chrome extension once before the end-to-end tests and stages a
 * private copy of it (.tmp/e2e/chrome-mv3) for the tests to load.
 *
 * - PROVENANCE_SKIP_BUILD=1: no build; stage what is in .output/chrome-mv3.
 * - PROVENANCE_EXTENSION_DIR=<dir>: load that unpacked extension as it is
 *   (no build, no copy), e.g. a build made by an earlier CI step.
 * - PROVENANCE_STAGE_NAME=<name>: stage into .tmp/e2e/<name> instead, so two
 *   runs in one checkout do not replace each other's copy.
 */
import path from 'node:path';
import { assertExtensionBuilt, CHROME_BUILD_DIR, REPO_ROOT } from './support/browser';
import { buildExtension, grantSiteAccess, stageBuild } from './support/build';
import { checkContentScriptSize } from './support/content-size';
import { versionLine } from './support/versions';

export default function globalSetup(): void {
  console.log(versionLine('e2e', process.env.CHROMIUM_PATH || '/usr/bin/chromium'));
  const given = process.env.PROVENANCE_EXTENSION_DIR;
  if (given) {
    assertExtensionBuilt(given);
    console.log(`[e2e] loading the extension in ${given} (PROVENANCE_EXTENSION_DIR); ${checkContentScriptSize(given)}`);
    return;
  }
  if (process.env.PROVENANCE_SKIP_BUILD === '1') {
    assertExtensionBuilt(CHROME_BUILD_DIR);
    console.log('[e2e] PROVENANCE_SKIP_BUILD=1: using the existing .output/chrome-mv3');
  } else {
    const { ms } = buildExtension('chrome');
    console.log(`[e2e] built .output/chrome-mv3 in ${(ms / 1000).toFixed(1)} s`);
  }
  const staged = stageBuild(CHROME_BUILD_DIR, process.env.PROVENANCE_STAGE_NAME || undefined);
  // The size limit of the content script, on the build the tests load: over it, the run fails here.
  console.log(`[e2e] ${checkContentScriptSize(staged)}`);
  grantSiteAccess(staged);
  // Workers start after globalSetup and inherit its environment.
  process.env.PROVENANCE_EXTENSION_DIR = staged;
  console.log(`[e2e] tests load ${path.relative(REPO_ROOT, staged)}`);
}
