/**
 * The badge on the page: helps without getting in the way. It expands from
 * the mouse and the keyboard, moves no article text, keeps the page's CSS out,
 * can be hidden for the page or silenced for the site, and follows
 * client-side navigation.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { openOptions } from './support/browser';
import { ORIGINALS, RUNNING_EXAMPLE } from './support/pages';

const pill = (page: import('@playwright/test').Page) => page.locator('provenance-badge [data-testid="provenance-badge"]');
const card = (page: import('@playwright/test').Page) => page.locator('provenance-badge [data-testid="provenance-badge-card"]');

test('expands into a card by click and by keyboard, and closes with Escape', async ({ page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await expect(pill(page)).toBeVisible();
  await expect(card(page)).toBeHidden();
  await expect(pill(page)).toHaveAttribute('aria-expanded', 'false');

  await pill(page).click();
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText(RUNNING_EXAMPLE.originalPublisher);
  await expect(card(page).locator('[data-testid="provenance-badge-link"]')).toHaveAttribute('href', RUNNING_EXAMPLE.sourceLink);
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
  await expect(pill(page)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(card(page)).toBeVisible();
  await expect(pill(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(card(page).locator('[data-testid="provenance-badge-link"]')).toBeFocused();
});

test('takes no room: the article text does not move when the badge appears', async ({ page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await expect(pill(page)).toBeVisible();
  const shift = await page.evaluate(() => {
    const host = document.querySelector('provenance-badge')!;
    const next = host.nextElementSibling!;
    const withBadge = next.getBoundingClientRect().top;
    const placeholder = document.createComment('badge');
    host.replaceWith(placeholder);
    const without = next.getBoundingClientRect().top;
    placeholder.replaceWith(host);
    return withBadge - without;
  });
  expect(shift).toBe(0);
});

test("keeps the page's CSS out and its own in", async ({ page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await expect(pill(page)).toBeVisible();
  const before = await pill(page).evaluate((el) => getComputedStyle(el).color);
  await page.addStyleTag({ content: '* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } button { display: none !important; } provenance-badge { display: none !important; }' });
  await expect(pill(page)).toBeVisible();
  expect(await pill(page).evaluate((el) => getComputedStyle(el).color)).toBe(before);
  expect(await pill(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');
  // Our styles stay in the shadow root: the page's own buttons are as the page styled them.
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.pill'))))).toBe(false);
});

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

test('can be hidden for the page', async ({ page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await pill(page).click();
  await card(page).locator('[data-testid="provenance-badge-dismiss"]').click();
  await expect(page.locator('provenance-badge')).toHaveCount(0);
  // Only for this visit: it is back when the page is opened again.
  await page.reload();
  await expect(pill(page)).toBeVisible();
});

test('can be silenced for the site, and the site is listed in the settings', async ({ context, extensionId, page }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await pill(page).click();
  await card(page).locator('[data-testid="provenance-badge-silence"]').click();
  await expect(page.locator('provenance-badge')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(1_500);
  await expect(page.locator('provenance-badge')).toHaveCount(0);
  const options = await openOptions(context, extensionId);
  await options.getByTestId('settings-tab').click();
  await expect(options.getByTestId('silent-sites')).toContainText('newsharbordaily.com');
});

test('follows client-side navigation in a single-page site', async ({ page, fixtureWeb }) => {
  // A news app that swaps articles with history.pushState, as React/Next sites do.
  const app = `<!doctype html><html><head><meta charset="utf-8"><title>Spa News</title></head><body>
<div id="root"><article><h1>Local library extends opening hours</h1><p>${'The library will stay open later on weekdays from next month, the council said. '.repeat(10)}</p></article></div>
<button id="next">Next story</button><button id="back">Back</button>
<script>
  const root = document.getElementById('root');
  const original = root.innerHTML;
  document.getElementById('next').onclick = () => {
    history.pushState({}, '', '/story/syndicated/');
    root.innerHTML = '<article><h1 class="entry-title">Talks without allies</h1><p>Source link : <a href="${RUNNING_EXAMPLE.sourceLink}">${RUNNING_EXAMPLE.sourceLink}</a></p><p>' +
      'Officials met for the first time. '.repeat(20) + '</p><p>The post U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post first appeared on USA NEWS.</p>' +
      '<p>Copyright for syndicated content belongs to the linked Source.</p></article>';
  };
  document.getElementById('back').onclick = () => { history.pushState({}, '', '/story/local/'); root.innerHTML = original; };
</script></body></html>`;
  fixtureWeb.route({ host: 'www.spa-news.com', path: /^\/story\//, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: app } });
  await page.goto('https://www.spa-news.com/story/local/');
  await page.waitForTimeout(1_000);
  await expect(page.locator('provenance-badge')).toHaveCount(0);
  await page.click('#next');
  await expect(pill(page)).toBeVisible({ timeout: 5_000 });
  await expect(pill(page)).toContainText(RUNNING_EXAMPLE.originalPublisher);
  await page.click('#back');
  await expect(page.locator('provenance-badge')).toHaveCount(0, { timeout: 5_000 });
});

test('never appears on an original', async ({ page }) => {
  await page.goto(ORIGINALS.tech.url);
  await page.waitForTimeout(1_500);
  await expect(page.locator('provenance-badge')).toHaveCount(0);
});
