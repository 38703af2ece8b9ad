/**
 * The Firefox build: `npx wxt build -b firefox` succeeds and Mozilla's linter
 * (web-ext lint) finds no errors in .output/firefox-mv2. No browser needed.
 */
import { test, expect } from './fixtures';
import { firefoxCheck, formatMessage } from '../../scripts/firefox-check';

test('the Firefox build passes web-ext lint with 0 errors', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const result = firefoxCheck({ build: true });
  console.log(result.summary);
  if (result.warnings.length) {
    await testInfo.attach('web-ext-lint-warnings.txt', { body: result.warnings.map(formatMessage).join('\n'), contentType: 'text/plain' });
  }
  expect(result.errors.map(formatMessage)).toEqual([]);
});
