/**
 * Issue 17, the kind of copy, in Chromium: axe-core (WCAG 2.0/2.1 A and AA, and best practices on the popup)
 * finds nothing on the badge's open card nor on the popup for a page of each kind of copy (an archived
 * snapshot's badge is new: it is not syndicated), light and dark. What they say, in both browsers, is in
 * tests/scenarios/kind.scenarios.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { tabIdFor, waitForSettledPopup } from './support/browser';
import { KIND_PAGES } from './support/pages';
import { clickBadgePart, waitForBadgePart, withBadgeRootLent } from './support/shadow';

const SCHEMES = ['light', 'dark'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function readable(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join('; ')}`,
  );
}

for (const [kind, kindPage] of Object.entries(KIND_PAGES)) {
  test(`${kind}: the badge's open card and the popup have no accessibility violations, light and dark`, async ({ context, extensionId, page }) => {
    await page.goto(kindPage.url);
    const tabId = await tabIdFor(context, kindPage.url, extensionId);
    const popup = await waitForSettledPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('verdict')).toContainText(kindPage.label);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.reload();
      expect(await waitForBadgePart(page, 'provenance-badge')).toContain(kindPage.label);
      await clickBadgePart(page, 'provenance-badge');
      await waitForBadgePart(page, 'provenance-badge-card');
      const card = await withBadgeRootLent(page, () => new AxeBuilder({ page }).include('provenance-badge').withTags(WCAG_TAGS).analyze());
      expect(readable(card), `${colorScheme}: the open card on the ${kind} page`).toEqual([]);

      await popup.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page: popup }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
      expect(readable(results), `${colorScheme}: the popup on the ${kind} page`).toEqual([]);
    }
  });
}
