/**
 * Issue 17 §3 (control), in Chromium:
 *
 * - axe-core (WCAG 2.0/2.1 A and AA, and best practices on the extension's
 *   pages) finds nothing on the first-run page (welcome.html), on the popup's
 *   correction states (the buttons, the "Wrong original?" form, a refused
 *   address, a saved correction with its undo), on the card's Undo after a
 *   correction, and on the settings with the shortcut and the link to the
 *   first-run page; light and dark;
 * - the built manifest has the popup's shortcut, and Chromium assigned it.
 *   A key press on a toolbar command cannot be driven headless: the command
 *   is the browser's, not a page's; what the key opens is the popup, tested
 *   everywhere else.
 *
 * What these pages do in both browsers is in tests/scenarios/control.scenarios.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { extensionDir, tabIdFor, waitForSettledPopup } from './support/browser';
import { RUNNING_EXAMPLE } from './support/pages';
import { badgePart, clickBadgePart, waitForBadgePart, withBadgeRootLent } from './support/shadow';

const SCHEMES = ['light', 'dark'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(28, 25, 23)' } as const;

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;
const readable = (results: Results) =>
  results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join('; ')}`,
  );
/** Whether axe looked at an element with this test id (and found it fine). */
const checked = (results: Results, testid: string) =>
  results.passes.some((rule) => rule.nodes.some((node) => node.html.includes(`data-testid="${testid}"`)));

async function expectClean(page: Page, what: string, scheme: keyof typeof BACKGROUND, mustCheck: string[] = []) {
  // The scheme really applies, else a dark run would test light twice.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), `${what}: page background`).toBe(BACKGROUND[scheme]);
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
  expect(readable(results), `axe violations on ${what} (${scheme})`).toEqual([]);
  for (const testid of mustCheck) expect(checked(results, testid), `axe checked ${testid} on ${what}`).toBe(true);
}

test('the first-run page has no accessibility violations, light and dark', async ({ context, extensionId }) => {
  const page = await context.newPage();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(page.locator('[data-testid="welcome-auto-verify"]')).toBeVisible();
    await expect(page.locator('[data-testid="popup-shortcut"]')).toContainText('Alt+Shift+O');
    // The sample badge is drawn in an open shadow root: axe reads it too.
    await expectClean(page, 'the first-run page', colorScheme, ['welcome-auto-verify', 'welcome-sample-badge']);
    // Everything on it is reachable from the keyboard: the one control, then the link to the options.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-testid="welcome-auto-verify"]')).toBeFocused();
  }
});

test("the popup's correction states have no accessibility violations, light and dark", async ({ context, extensionId, page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  const tabId = await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    await popup.reload();
    await expect(popup.locator('[data-testid="correction-not-a-copy"]')).toBeVisible();
    await expectClean(popup, 'the popup with its correction buttons', colorScheme, ['correction-not-a-copy', 'correction-wrong-original']);

    await popup.locator('[data-testid="correction-wrong-original"]').click();
    await popup.locator('[data-testid="correction-original-url"]').fill('not an address');
    await popup.locator('[data-testid="correction-save"]').click();
    await expect(popup.locator('[data-testid="correction-problem"]')).toContainText('not a web address');
    await expectClean(popup, 'the popup with the "Wrong original?" form and a refused address', colorScheme, [
      'correction-original-url',
      'correction-save',
    ]);

    await popup.locator('[data-testid="correction-not-a-copy"]').click();
    await expect(popup.locator('[data-testid="correction-notice"]')).toContainText('Corrected by you: not a copy');
    await expectClean(popup, 'the popup of a page corrected as not a copy', colorScheme, ['correction-undo']);
    await popup.locator('[data-testid="correction-undo"]').click();
    await expect(popup.locator('[data-testid="correction-notice"]')).toHaveCount(0);
  }
});

test("the card's Undo after a correction has no accessibility violations, light and dark, and takes the focus", async ({ page }) => {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await waitForBadgePart(page, 'provenance-badge');
    await clickBadgePart(page, 'provenance-badge');
    await waitForBadgePart(page, 'provenance-badge-card');
    await clickBadgePart(page, 'provenance-badge-not-a-copy');
    await waitForBadgePart(page, 'provenance-badge-undo');
    // The button pressed is gone: the focus is on its Undo, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('provenance-badge');
    const results = await withBadgeRootLent(page, () => new AxeBuilder({ page }).include('provenance-badge').withTags(WCAG_TAGS).analyze());
    expect(readable(results), `${colorScheme}: the card's Undo`).toEqual([]);
    expect(checked(results, 'provenance-badge-undo'), 'axe checked the Undo').toBe(true);
    await clickBadgePart(page, 'provenance-badge-undo');
    await waitForBadgePart(page, 'provenance-badge-not-a-copy');
    expect((await badgePart(page, 'provenance-badge-status'))?.text ?? '').toBe('');
  }
});

test('the settings, with the shortcut and the link to the first-run page, have no accessibility violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
    await expect(page.locator('[data-testid="popup-shortcut"]')).toContainText('Alt+Shift+O');
    await expectClean(page, 'the settings', colorScheme, ['welcome-link']);
  }
});

test('the built manifest opens the popup on Alt+Shift+O, and Chromium gave the command that key', async ({ extension }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir(), 'manifest.json'), 'utf8')) as { commands?: unknown };
  expect(manifest.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+O' } } });
  const worker = await extension.serviceWorker();
  const commands = await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } } }).chrome.commands.getAll(),
  );
  expect(commands).toEqual([expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+O' })]);
});
