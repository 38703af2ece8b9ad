/**
 * Issue 17, the badge's card and the check page, in Chromium:
 *
 * - axe-core (WCAG 2.0/2.1 A and AA) finds nothing on the open card with its
 *   new parts (close button, evidence, labelled link), light and dark, nor on
 *   the check page in each of its states: a tab's page, a link read, a site's
 *   access asked for;
 * - on a site the reader has not allowed yet, the card's check opens the check
 *   page, which asks for that site's access in the popup's words. (The shared
 *   scenarios run with every site allowed: tests/e2e/support/build.ts.)
 *
 * What the card and the check page do in both browsers is in
 * tests/scenarios/card.scenarios.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { extensionDir, tabIdFor } from './support/browser';
import { STAGING_ROOT } from './support/build';
import { RUNNING_EXAMPLE } from './support/pages';
import { clickBadgePart, badgePart, waitForBadgePart, withBadgeRootLent } from './support/shadow';

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

/** The markup of the nodes inside the badge that axe checked and passed. */
const checkedInBadge = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  results.passes.flatMap((rule) => rule.nodes.map((node) => node.html)).filter((html) => html.includes('data-testid="provenance-badge'));

async function expectPageClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
  expect(readable(results), `axe violations on ${what}`).toEqual([]);
}

/** A copy of the staged build that may read no site yet: every check must ask first. */
function buildWithNoSiteAccess(): string {
  const target = path.join(STAGING_ROOT, 'card-no-access-chrome-mv3');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(extensionDir(), target, { recursive: true });
  const file = path.join(target, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  delete manifest.host_permissions;
  manifest.optional_host_permissions = ['http://*/*', 'https://*/*'];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return target;
}

test('the open card, with its close button, labelled link and evidence, has no accessibility violations, light and dark', async ({ page }) => {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await waitForBadgePart(page, 'provenance-badge');
    await clickBadgePart(page, 'provenance-badge');
    await waitForBadgePart(page, 'provenance-badge-card');
    // A piece of evidence shown: the status line says so, in the card's colours.
    await clickBadgePart(page, 'provenance-badge-evidence');
    await expect.poll(async () => (await badgePart(page, 'provenance-badge-status'))?.text).toBe('Highlighted on the page.');
    const results = await withBadgeRootLent(page, () => new AxeBuilder({ page }).include('provenance-badge').withTags(WCAG_TAGS).analyze());
    expect(readable(results), `${colorScheme}: the open card`).toEqual([]);
    const checked = checkedInBadge(results);
    for (const part of ['provenance-badge-close', 'provenance-badge-evidence', 'provenance-badge-link', 'provenance-badge-silence']) {
      expect(
        checked.some((html) => html.includes(`data-testid="${part}"`)),
        `axe checked ${part}`,
      ).toBe(true);
    }
  }
});

test("the check page has no accessibility violations: a tab's page and a link read, light and dark", async ({ context, extensionId, page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await waitForBadgePart(page, 'provenance-badge');
  const tabId = await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId);
  const check = await context.newPage();
  for (const colorScheme of SCHEMES) {
    await check.emulateMedia({ colorScheme });
    await check.goto(`chrome-extension://${extensionId}/check.html?url=${encodeURIComponent(RUNNING_EXAMPLE.syndicatedPage)}&tab=${tabId}`);
    await expect(check.getByTestId('check-intro')).toBeVisible();
    await expect(check.getByTestId('verdict')).toBeVisible();
    await check.getByTestId('evidence-details').locator('summary').click();
    await check.getByTestId('evidence-show').first().click();
    await expect(check.getByTestId('evidence-show-status').first()).toHaveText('Highlighted on the page.');
    await expectPageClean(check, `the check page for a tab (${colorScheme})`);

    await check.goto(`chrome-extension://${extensionId}/check.html?url=${encodeURIComponent(RUNNING_EXAMPLE.sourceLink)}`);
    await expect(check.getByTestId('verdict')).toBeVisible({ timeout: 20_000 });
    await expectPageClean(check, `the check page for a link (${colorScheme})`);

    await check.goto(`chrome-extension://${extensionId}/check.html?url=${encodeURIComponent('http://192.168.1.1/admin/')}`);
    await expect(check.getByTestId('check-problem')).toBeVisible({ timeout: 20_000 });
    await expectPageClean(check, `the check page for a refused address (${colorScheme})`);
  }
});

test("on a site not allowed yet, the card's check opens the check page, which asks for that site in the popup's words", async ({
  launchExtension,
}) => {
  test.setTimeout(90_000);
  const { context, extensionId } = await launchExtension({ extensionDir: buildWithNoSiteAccess() });
  const page = await context.newPage();
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await waitForBadgePart(page, 'provenance-badge');
  await clickBadgePart(page, 'provenance-badge');
  await waitForBadgePart(page, 'provenance-badge-card');
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/check.html') });
  await clickBadgePart(page, 'provenance-badge-verify');
  const check = await opened;
  const tabId = await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId);
  const url = new URL(check.url());
  expect(url.pathname).toBe('/check.html');
  expect(url.searchParams.get('url')).toBe(RUNNING_EXAMPLE.syndicatedPage);
  expect(url.searchParams.get('tab')).toBe(String(tabId));
  // The card says what happened, in a sentence.
  await expect
    .poll(async () => (await badgePart(page, 'provenance-badge-status'))?.text)
    .toBe('Provenance needs your permission to read usa-news.biz: a page has opened to ask for it, then check.');
  // The check page: the popup's card and its words for the missing access, with the button that asks.
  await expect(check.getByTestId('verify-failure')).toHaveAttribute('data-code', 'permission-refused', { timeout: 20_000 });
  await expect(check.getByTestId('verify-failure')).toContainText('Provenance needs your permission to read usa-news.biz');
  await expect(check.getByTestId('verify-button')).toBeEnabled();
  for (const colorScheme of SCHEMES) {
    await check.emulateMedia({ colorScheme });
    await expectPageClean(check, `the check page asking for a site (${colorScheme})`);
  }

  // The link menu's page for a link on a site not allowed: it asks, naming the site, before anything is read.
  await check.goto(`chrome-extension://${extensionId}/check.html?url=${encodeURIComponent(RUNNING_EXAMPLE.sourceLink)}`);
  await expect(check.getByTestId('check-ask')).toContainText('Provenance reads that page. It asks your permission to read usa-news.biz only');
  await expect(check.getByTestId('check-allow')).toHaveText('Allow reading usa-news.biz and look');
  for (const colorScheme of SCHEMES) {
    await check.emulateMedia({ colorScheme });
    await expectPageClean(check, `the check page asking to read a link (${colorScheme})`);
  }
});
