/**
 * The badge's accessibility, checked by axe-core (a Playwright integration),
 * collapsed and expanded, light and dark. What the badge does — where it
 * sits, how it opens, that it takes no room, keeps CSS out, can be hidden or
 * silenced and follows client-side navigation — is in the shared scenarios
 * (tests/scenarios), run in Chromium and Firefox.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { RUNNING_EXAMPLE } from './support/pages';
import { clickBadgePart, inShadow, waitForBadgePart, withBadgeRootLent } from './support/shadow';

/**
 * axe-core runs in the page and cannot enter the badge's closed shadow root by itself: the test lends it the
 * root for the analysis (withBadgeRootLent), and checks that axe did look inside (the nodes it passed).
 */
async function analyse(page: Page) {
  return withBadgeRootLent(page, () =>
    new AxeBuilder({ page }).include('provenance-badge').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze(),
  );
}
/** The markup of the nodes inside the badge that axe checked and passed. */
const insideBadge = (result: Awaited<ReturnType<typeof analyse>>) =>
  result.passes.flatMap((rule) => rule.nodes.map((node) => node.html)).filter((html) => html.includes('data-testid="provenance-badge'));

test('has no accessibility violations, collapsed and expanded, light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await waitForBadgePart(page, 'provenance-badge');
    const collapsed = await analyse(page);
    expect(collapsed.violations, `${colorScheme} collapsed`).toEqual([]);
    expect(insideBadge(collapsed).length, 'axe checked the pill inside the closed root').toBeGreaterThan(0);
    await clickBadgePart(page, 'provenance-badge');
    await waitForBadgePart(page, 'provenance-badge-card');
    const expanded = await analyse(page);
    expect(expanded.violations, `${colorScheme} expanded`).toEqual([]);
    expect(
      insideBadge(expanded).some((html) => html.includes('provenance-badge-verify')),
      "axe checked the card's buttons",
    ).toBe(true);
    // The loan is over: the page sees no shadow root again.
    expect(await page.evaluate(() => document.querySelector('provenance-badge')?.shadowRoot ?? null)).toBeNull();
    expect(await inShadow(page, 'provenance-badge', (root) => root !== null)).toBe(true);
  }
});
