/**
 * Accessibility of the popup's new states (issue 17): axe-core finds nothing,
 * in light and dark mode, on the popup as it opens (site, verdict and kind,
 * the headline's publisher offered, the main action, the group of actions),
 * after the check (Open the original, Compare again, the comparison, a copied
 * report), on the saved HTML report itself, and on a content farm's page
 * whose source link points back to itself (the finding, the search as the
 * main action).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { tabIdFor, waitForSettledPopup } from './support/browser';
import { RUNNING_EXAMPLE, farmPage } from './support/pages';
import { expectNoViolations } from './support/axe';

const SCHEMES = ['light', 'dark'] as const;

async function openSettledPopup(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  return waitForSettledPopup(context, extensionId, tabId);
}

for (const scheme of SCHEMES) {
  test.describe(`popup, axe, ${scheme} mode`, () => {
    test("the running example: the verdict and its kind, the headline's publisher, the main action; then the check and a copied report", async ({
      context,
      extensionId,
      page,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const popup = await openSettledPopup(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByTestId('verdict-detail')).toBeVisible();
      await expect(popup.getByTestId('site-on')).toBeVisible();
      await expect(popup.getByTestId('finding-headline-credit')).toBeVisible();
      await expect(popup.getByTestId('verify-button')).toHaveText('Find and compare the original');
      await expect(popup.getByTestId('archive-copy')).toBeVisible();
      await expectNoViolations(popup, `the popup as it opens (${scheme})`, scheme);

      await popup.getByTestId('verify-button').click();
      await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
      await expect(popup.getByTestId('verify-button')).toHaveText('Compare again');
      await expect(popup.getByTestId('open-original')).toBeVisible();
      await popup.getByTestId('copy-report').click();
      await expect(popup.getByTestId('report-status')).toHaveText('Report copied (Markdown)');
      // What was copied is the Markdown report of this page and its check.
      const copied = await popup.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^# Provenance report: U\.S\., Russia hold first talks/);
      expect(copied).toContain('Original found and compared');
      await expectNoViolations(popup, `the popup after the check (${scheme})`, scheme);

      // The saved report is a page of its own, opened by whoever receives it: axe on it as a browser shows the file.
      const reportHtml = async () =>
        popup.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>('[data-testid="save-report"]')!.href)).text());
      await expect.poll(reportHtml, { message: 'the saved report includes the check' }).toContain('Original found and compared');
      const report = await context.newPage();
      await report.emulateMedia({ colorScheme: scheme });
      await report.setContent(await reportHtml());
      await expect(report.locator('h1')).toContainText('Provenance report: U.S., Russia hold first talks');
      await expectNoViolations(report, `the saved report (${scheme})`);
      await report.close();
    });

    test('a source link back to its own site: the finding, and the search as the main action', async ({ context, extensionId, page, fixtureWeb }) => {
      const url = 'https://www.copyfarm-news.com/story/self-credit-a11y/';
      fixtureWeb.route({
        host: 'www.copyfarm-news.com',
        path: '/story/self-credit-a11y/',
        behaviour: {
          kind: 'body',
          contentType: 'text/html; charset=utf-8',
          body: farmPage('Talks resume in Geneva after a week of delays – The Washington Post', url),
        },
      });
      const popup = await openSettledPopup(context, extensionId, page, url);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByTestId('finding-self-reference')).toBeVisible();
      await expect(popup.getByTestId('search-original-action')).toBeVisible();
      await expectNoViolations(popup, `the popup with a self-referencing source link (${scheme})`, scheme);
    });
  });
}
