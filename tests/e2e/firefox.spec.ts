/**
 * The Firefox package: `npx wxt zip -b firefox` builds .output/firefox-mv2 and
 * zips it with the sources addons.mozilla.org asks for; Mozilla's linter
 * (web-ext lint) finds no errors in what is zipped. No browser needed: the
 * add-on itself runs in Firefox in scripts/firefox-e2e.ts.
 */
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { firefoxCheck, firefoxPackages, formatMessage } from '../../scripts/firefox-check';

test('the Firefox package and its sources are made, and web-ext lint finds 0 errors', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const result = firefoxCheck({ build: true });
  console.log(result.summary);
  if (result.warnings.length) {
    await testInfo.attach('web-ext-lint-warnings.txt', { body: result.warnings.map(formatMessage).join('\n'), contentType: 'text/plain' });
  }
  expect(result.errors.map(formatMessage)).toEqual([]);
  // The only warning left is Preact's own innerHTML support, which never receives page data (docs/RELIABILITY.md).
  expect(result.warnings.map((w) => w.code)).toEqual(
    expect.not.arrayContaining(['MANIFEST_PERMISSIONS', 'STRICT_MAX_VERSION', 'MISSING_DATA_COLLECTION_PERMISSIONS']),
  );
  const { addon, sources } = firefoxPackages();
  for (const zip of [addon, sources]) {
    expect(fs.existsSync(zip), `${zip} was written`).toBe(true);
    expect(fs.statSync(zip).size).toBeGreaterThan(50_000);
  }
});
