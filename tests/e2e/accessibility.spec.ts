/**
 * Accessibility of the extension's own pages: axe-core (WCAG 2.0/2.1 A and AA)
 * finds nothing on the popup and the options page, in light and dark mode, and
 * everything a reader uses is reachable and visible from the keyboard.
 *
 * (The on-page badge gets its own axe test with its rework into a card.)
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { NOT_AN_ARTICLE, ORIGINALS, RUNNING_EXAMPLE } from './support/pages';
import { expectNoViolations } from './support/axe';

const SCHEMES = ['light', 'dark'] as const;

async function openSettledPopup(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  return waitForSettledPopup(context, extensionId, tabId);
}

/** Visits the pages, then opens the options page once all of them are in the history. */
async function seedHistory(context: BrowserContext, extensionId: string, urls: string[]) {
  for (const url of urls) {
    const page = await context.newPage();
    await page.goto(url);
  }
  const options = await openOptions(context, extensionId);
  await expect
    .poll(
      async () => {
        const links = await options.locator('[data-testid="history-row"] a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
        if (urls.every((u) => links.includes(u))) return true;
        await options.reload();
        return false;
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(true);
  return options;
}

const SEED = [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url, ORIGINALS.tech.url, RUNNING_EXAMPLE.sourceLink];

/** Tabs forward until `target` has focus (at most `limit` presses); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${await target.evaluate((el) => el.outerHTML.slice(0, 120))} was not reached in ${limit} Tab presses`);
}

/** The focused element draws an outline a sighted keyboard user can see. */
async function expectVisibleFocus(target: Locator) {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { matches: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(style.matches, 'matches :focus-visible').toBe(true);
  expect((style.outline !== 'none' && style.width >= 2) || style.shadow !== 'none', `a visible focus indicator (${JSON.stringify(style)})`).toBe(
    true,
  );
}

for (const scheme of SCHEMES) {
  test.describe(`axe, ${scheme} mode`, () => {
    test('the popup for the running example, before and after Verify', async ({ context, extensionId, page }) => {
      const popup = await openSettledPopup(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByTestId('verdict')).toContainText('Copy of a Washington Post story');
      await expectNoViolations(popup, `the popup (${scheme})`, scheme);

      await popup.getByTestId('verify-button').click();
      await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
      await expect(popup.getByTestId('comparison')).toBeVisible();
      await expect(popup.getByTestId('verify-progress')).toHaveCount(0);
      await expectNoViolations(popup, `the popup with the comparison (${scheme})`, scheme);
    });

    test('the popup on a page that is not an article', async ({ context, extensionId, page }) => {
      const popup = await openSettledPopup(context, extensionId, page, NOT_AN_ARTICLE.url);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByTestId('no-article')).toBeVisible();
      await expectNoViolations(popup, `the "no article" popup (${scheme})`, scheme);
    });

    test('the options page: history, detail dialog, settings', async ({ context, extensionId }) => {
      const options = await seedHistory(context, extensionId, SEED);
      await options.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(options, `the history (${scheme})`, scheme);

      // Narrowed by a filter, with the clear-all question and an import error on screen.
      await options.getByTestId('filter-syndicated').check();
      await expect(options.getByTestId('history-row')).toHaveCount(2);
      await options.getByTestId('clear-history').click();
      await expect(options.getByTestId('confirm-clear')).toBeVisible();
      await options.getByTestId('import-json').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await expect(options.getByTestId('history-error')).toBeVisible();
      await expectNoViolations(options, `the history with a question and an error (${scheme})`, scheme);
      await options.getByTestId('confirm-clear-no').click();
      await options.getByTestId('filter-syndicated').uncheck();

      const copyRow = options.locator('[data-testid="history-row"]', { hasText: 'U.S., Russia hold first talks' }).first();
      await copyRow.getByTestId('history-details').click();
      const dialog = options.getByTestId('history-detail');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('verdict')).toContainText('Copy of a Washington Post story');
      await expectNoViolations(options, `the detail dialog (${scheme})`, scheme);
      await options.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      await options.getByTestId('settings-tab').click();
      await expect(options.getByTestId('setting-badges')).toBeVisible();
      await expectNoViolations(options, `the settings (${scheme})`, scheme);
      // With a silent site listed and the "Saved." status shown.
      await options.getByTestId('silent-site-input').fill('example.com');
      await options.getByTestId('silent-site-add').click();
      await expect(options.getByTestId('settings-status')).toHaveText('Saved.');
      await expectNoViolations(options, `the settings with a silent site (${scheme})`, scheme);
    });

    test('the options page with an empty history', async ({ context, extensionId }) => {
      const options = await openOptions(context, extensionId);
      await options.emulateMedia({ colorScheme: scheme });
      await expect(options.getByTestId('history-empty')).toBeVisible();
      await expectNoViolations(options, `the empty history (${scheme})`, scheme);
    });
  });
}

test.describe('keyboard', () => {
  test('the popup: actions and Verify are reached by Tab, with a visible focus outline', async ({ context, extensionId, page }) => {
    const popup = await openSettledPopup(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    await expect(popup.getByTestId('verdict')).toContainText('Copy of a Washington Post story');
    for (const id of ['open-original', 'copy-citation', 'verify-button']) {
      const target = popup.getByTestId(id);
      if ((await target.count()) === 0) continue; // "Open the original" appears once a URL is known
      await popup.locator('body').focus();
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo(popup, target);
      await expectVisibleFocus(target);
    }
    // Verify runs from the keyboard too.
    await popup.keyboard.press('Enter');
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    const open = popup.getByTestId('open-original');
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(popup, open);
    await expectVisibleFocus(open);
  });

  test('the options page: search, filters, rows and the detail dialog by keyboard', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId, SEED);
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const id of ['history-search', 'filter-syndicated', 'filter-publisher', 'filter-from', 'filter-to']) {
      const target = options.getByTestId(id);
      await tabTo(options, target);
      await expectVisibleFocus(target);
    }

    // Typing in the search narrows the list.
    const search = options.getByTestId('history-search');
    await search.focus();
    await options.keyboard.type('mill');
    await expect(options.getByTestId('history-row')).toHaveCount(1);
    await options.keyboard.press('Control+A');
    await options.keyboard.press('Backspace');
    await expect(options.getByTestId('history-row')).toHaveCount(SEED.length);

    // The Syndicated-only checkbox toggles with Space.
    const copiesOnly = options.getByTestId('filter-syndicated');
    await copiesOnly.focus();
    await options.keyboard.press('Space');
    await expect(copiesOnly).toBeChecked();
    await expect(options.getByTestId('history-row')).toHaveCount(2);
    await options.keyboard.press('Space');
    await expect(options.getByTestId('history-row')).toHaveCount(SEED.length);

    // A row's Details and Delete are reached by Tab.
    const row = options.locator('[data-testid="history-row"]', { hasText: 'U.S., Russia hold first talks' }).first();
    const details = row.getByTestId('history-details');
    await tabTo(options, details, 80);
    await expectVisibleFocus(details);
    await options.keyboard.press('Tab');
    const remove = row.getByTestId('history-delete');
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectVisibleFocus(remove);

    // Details opens the dialog; Escape closes it and focus returns to the button that opened it.
    await details.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByTestId('history-detail');
    await expect(dialog).toBeVisible();
    // Focus starts on Close, never on Delete.
    await expect(options.getByTestId('detail-close')).toBeFocused();
    await options.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(details).toBeFocused();

    // Delete by keyboard removes the row; focus stays in the list instead of falling back to the top of the page.
    await remove.focus();
    await options.keyboard.press('Enter');
    await expect(options.getByTestId('history-row')).toHaveCount(SEED.length - 1);
    await expect(options.getByRole('region', { name: 'History entries, newest first' })).toBeFocused();

    // Import: the file input is visually hidden; its label shows the focus ring.
    const importInput = options.getByTestId('import-json');
    await importInput.focus();
    const ring = await importInput.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle);
    expect(ring).toBe('solid');

    // Clear all: focus starts on Cancel; Escape closes the question and focus goes back to the button.
    const clear = options.getByTestId('clear-history');
    await clear.focus();
    await options.keyboard.press('Enter');
    await expect(options.getByTestId('confirm-clear-no')).toBeFocused();
    await options.keyboard.press('Escape');
    await expect(options.getByTestId('confirm-clear')).toHaveCount(0);
    await expect(clear).toBeFocused();
    await expect(options.getByTestId('history-row')).toHaveCount(SEED.length - 1);
  });
});
