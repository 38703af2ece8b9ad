/**
 * The badge's accessibility, checked by axe-core (a Playwright integration),
 * collapsed and expanded, light and dark. What the badge does — where it
 * sits, how it opens, that it takes no room, keeps CSS out, can be hidden or
 * silenced and follows client-side navigation — is in the shared scenarios
 * (tests/scenarios), run in Chromium and Firefox.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { RUNNING_EXAMPLE } from './support/pages';

const pill = (page: import('@playwright/test').Page) => page.locator('provenance-badge [data-testid="provenance-badge"]');
const card = (page: import('@playwright/test').Page) => page.locator('provenance-badge [data-testid="provenance-badge-card"]');

test('has no accessibility violations, collapsed and expanded, light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await expect(pill(page)).toBeVisible();
    const collapsed = await new AxeBuilder({ page }).include('provenance-badge').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(collapsed.violations, `${colorScheme} collapsed`).toEqual([]);
    await pill(page).click();
    await expect(card(page)).toBeVisible();
    const expanded = await new AxeBuilder({ page }).include('provenance-badge').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(expanded.violations, `${colorScheme} expanded`).toEqual([]);
  }
});
