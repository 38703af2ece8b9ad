/**
 * Accessibility in French: axe-core (WCAG 2.0/2.1 A and AA, best practices) finds nothing on the popup
 * (evidence open, dates in French with the page's wording) and the history in a browser set to French,
 * and the pages say they are in French (lang), as screen readers need to pick the voice.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { RUNNING_EXAMPLE } from './support/pages';

async function expectNoViolations(page: Page, what: string) {
  expect(await page.evaluate(() => document.documentElement.lang), `${what}: lang`).toMatch(/^fr/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `axe violations on ${what}`).toEqual([]);
}

test('[locale] the popup and the history in French have no axe violations', async ({ extension, launchExtension }) => {
  test.setTimeout(90_000);
  // The fixture's English browser is not used: the same profile, started again in French.
  await extension.context.close();
  const { context, extensionId } = await launchExtension({ userDataDir: extension.userDataDir, language: 'fr' });
  const page = await context.newPage();
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  const popup = await waitForSettledPopup(context, extensionId, await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId));
  await expect(popup.locator('[data-testid="published"]')).toContainText('févr. 2025');
  await popup.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await expectNoViolations(popup, 'the popup in French');

  const options = await openOptions(context, extensionId);
  await expect(options.locator('[data-testid="history-row"]').first()).toBeVisible({ timeout: 15_000 });
  await expectNoViolations(options, 'the history in French');
});
