/**
 * Shared scenarios (both browsers) for issue 17's part: locale. Listed in tests/scenarios/scenarios.ts.
 *
 * The interface follows the browser's language: the browser is started again in French (Chromium with
 * its locale variables, Firefox with intl.locale.requested; both need their French language files,
 * scripts/setup.sh), and every surface is read for English left over: each rendered text and label of
 * the badge, its card, the toolbar, the popup, the history and the first-run page is compared with the
 * English messages that differ in French. The page's own words (headline, quotes, addresses) are not
 * the interface's and are left out.
 */
import type { Scenario } from './driver';
import { RUNNING_EXAMPLE } from '../e2e/support/pages';
import { FR, badgeTexts, englishLeft, frenchShown, ownText, pageTexts } from './locale-text';
import { PILL, check, eventually, inExtension, openHistoryWith, settledPopup, squash, waitForAttribute, waitForBadge, waitForText } from './steps';

interface LocaleApi {
  i18n: { getUILanguage(): string };
  management: { getSelf(): Promise<{ description: string }> };
  action?: ToolbarApi;
  browserAction?: ToolbarApi;
}

interface ToolbarApi {
  getBadgeText(details: { tabId: number }): Promise<string>;
  getTitle(details: { tabId: number }): Promise<string>;
}

/** Intl's no-break spaces as plain ones. */
const plain = (text: string | null) => squash((text ?? '').replace(/[\u00a0\u202f]/g, ' '));

function expectFrench(where: string, texts: string[], pageText: string, atLeast: number): void {
  const english = englishLeft(texts, pageText);
  check(english.length === 0, `English left ${where}: ${english.join(' | ')}`);
  const french = frenchShown(texts);
  check(
    french.length >= atLeast,
    `Expected at least ${atLeast} French messages ${where}, found ${french.length} (${french.join(', ')}) in ${JSON.stringify(texts.slice(0, 40))}`,
  );
}

export const LOCALE_SCENARIOS: Scenario[] = [
  {
    name: '[locale] a browser set to French shows the badge, card, toolbar, popup, history and first-run page in French, dates included',
    timeout: 150_000,
    async run(driver) {
      await driver.restart({ language: 'fr' });
      const language = await inExtension(driver, ({ api }) => (api as unknown as LocaleApi).i18n.getUILanguage(), null);
      check(
        language.startsWith('fr'),
        `The browser did not start in French (its interface language is "${language}"): Chromium needs chromium-l10n, Firefox ESR firefox-esr-l10n-fr (scripts/setup.sh installs both)`,
      );
      // The manifest's own text (the add-ons list, the store) is translated too.
      const description = await inExtension(driver, async ({ api }) => (await (api as unknown as LocaleApi).management.getSelf()).description, null);
      check(description === FR.extensionDescription!.message, `The add-on's description is not the French one: ${description}`);

      // The badge and its card on the running example.
      const url = RUNNING_EXAMPLE.syndicatedPage;
      const article = await driver.open(url);
      const pageText = await ownText(article);
      await waitForBadge(article, (state) => state.pillVisible, 'a badge on the copy');
      expectFrench('on the badge', await badgeTexts(article), pageText, 1);
      await article.click(PILL);
      await waitForBadge(article, (state) => state.cardVisible, 'the open card');
      expectFrench("in the badge's card", await badgeTexts(article), pageText, 2);

      // The toolbar: the mark and the tooltip.
      const { popup, tabId } = await settledPopup(driver, url);
      const toolbar = await inExtension(
        driver,
        async ({ api, arg }) => {
          const action = ((api as unknown as LocaleApi).action ?? (api as unknown as LocaleApi).browserAction)!;
          return [await action.getBadgeText({ tabId: arg }), await action.getTitle({ tabId: arg })];
        },
        tabId,
      );
      check(toolbar[0] !== '', 'The copy has no toolbar mark');
      expectFrench('on the toolbar icon', toolbar, pageText, 0);

      // The popup: French text, marked as French, and the date in French with the page's wording beside it.
      await waitForText(popup, '[data-testid="published"]', /22 févr\. 2025/);
      await waitForText(popup, '[data-testid="published"]', `tel qu'écrit : ${RUNNING_EXAMPLE.publishedAsWritten}`);
      // Every folded part open (the evidence), then Verify: the comparison and its delay in French too.
      await popup.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      expectFrench('in the popup', await pageTexts(popup), pageText, 8);
      await popup.click('[data-testid="verify-button"]');
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await waitForText(popup, '[data-testid="delay"]', /plus tard/);
      await popup.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      expectFrench('in the popup after Verify', await pageTexts(popup), pageText, 12);
      const popupLang = await popup.evaluate(() => document.documentElement.lang);
      check(popupLang.startsWith('fr'), `The popup is marked as written in "${popupLang}"`);

      // The history: rows, headers, filters and dates in French.
      const options = await openHistoryWith(driver, [url]);
      expectFrench('in the history', await pageTexts(options), pageText, 8);
      const today = plain(new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()));
      const seen = await eventually(
        async () => {
          const texts = await options.evaluate(() =>
            [...document.querySelectorAll('[data-testid="history-row"] time')].map((time) => time.textContent ?? ''),
          );
          return texts.length ? texts.map(plain) : undefined;
        },
        () => 'No date in the history rows',
      );
      check(
        seen.some((text) => text.includes(today)),
        `The history's dates are not in French (expected "${today}"): ${JSON.stringify(seen)}`,
      );
      // An entry's details.
      await options.click('[data-testid="history-details"]');
      await waitForText(options, '[data-testid="history-detail"]', /./);
      expectFrench("in a history entry's details", await pageTexts(options), pageText, 10);
      const optionsLang = await options.evaluate(() => document.documentElement.lang);
      check(optionsLang.startsWith('fr'), `The options page is marked as written in "${optionsLang}"`);

      // The first-run page.
      const welcome = await driver.openExtensionPage('welcome.html');
      await eventually(
        async () => ((await pageTexts(welcome)).length > 3 ? true : undefined),
        () => 'The first-run page shows nothing',
      );
      expectFrench('on the first-run page', await pageTexts(welcome), pageText, 4);
    },
  },
];
