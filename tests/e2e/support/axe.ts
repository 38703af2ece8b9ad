/**
 * axe-core on an extension page as it is shown now (WCAG 2.0/2.1 A and AA and axe's best practices),
 * failing with a readable list of what it found. The badge's closed shadow root is lent to axe by
 * withBadgeRootLent (support/shadow.ts) in the specs that check the card.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe's best practices too: unique landmarks, heading order, everything inside a landmark. */
export const TAGS = [...WCAG_TAGS, 'best-practice'];
export const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(28, 25, 23)' } as const;

/** With a scheme, the page's background must be that scheme's (emulateMedia reached prefers-color-scheme), else a dark run would test light twice. */
export async function expectNoViolations(page: Page, what: string, scheme?: keyof typeof BACKGROUND): Promise<void> {
  if (scheme) expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), `${what}: page background`).toBe(BACKGROUND[scheme]);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 6)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n'),
  );
  expect(found, `axe violations on ${what}`).toEqual([]);
}
