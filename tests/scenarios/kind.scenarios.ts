/**
 * Shared scenarios (both browsers) for issue 17's part: kind. Listed in tests/scenarios/scenarios.ts.
 *
 * The kind of copy (core/kind.ts) is the first words on every surface: on each kind's page of the fixture
 * web (tests/e2e/support/pages.ts KIND_PAGES), the badge's pill, the popup's verdict and the toolbar
 * button's title start with that kind's words (core/kind-text.ts, lib/kind-text.ts).
 */
import type { Scenario } from './driver';
import { KIND_PAGES, ORIGINALS } from '../e2e/support/pages';
import { check, eventually, expectNoBadge, settledPopup, squash, textOf, toolbarTitle, waitForBadge } from './steps';

/** The pill's words without its mark ("⟲"). */
const pillWords = (pill: string) => pill.replace(/^⟲\s*/, '');

export const KIND_SCENARIOS: Scenario[] = [
  ...Object.entries(KIND_PAGES).map(([kind, page]): Scenario => ({
    name: `[kind] ${kind}: the badge's pill, the popup's verdict and the toolbar's title start with "${page.label}"`,
    async run(driver) {
      const tab = await driver.open(page.url);
      await waitForBadge(tab, (b) => b.pillVisible && pillWords(b.pill).startsWith(page.label), `a visible badge starting "${page.label}"`);

      const { popup, tabId } = await settledPopup(driver, page.url);
      let verdict = '';
      await eventually(
        async () => {
          verdict = squash(await textOf(popup, '[data-testid="verdict"]'));
          return verdict.startsWith(page.label) || undefined;
        },
        () => `the popup's verdict on ${page.url} starts with "${page.label}"; it says ${JSON.stringify(verdict)}`,
      );
      if (page.detail) {
        const shown = squash(await popup.evaluate(() => document.body.innerText));
        check(shown.includes(page.detail), `the popup says "${page.detail}" on ${page.url}; it shows ${JSON.stringify(shown.slice(0, 400))}`);
      }

      let title = '';
      await eventually(
        async () => {
          title = await toolbarTitle(driver, tabId);
          return title.startsWith(`Provenance: ${page.label}`) || undefined;
        },
        () => `the toolbar's title on ${page.url} starts with "Provenance: ${page.label}"; it is ${JSON.stringify(title)}`,
      );
      if (page.detail) check(title.includes(page.detail), `the toolbar's title names the detail "${page.detail}": ${JSON.stringify(title)}`);
      await popup.close();
      await tab.close();
    },
  })),
  {
    name: '[kind] an original has no kind: no badge, the toolbar says only the extension’s name',
    async run(driver) {
      const tab = await driver.open(ORIGINALS.regional.url);
      await expectNoBadge(tab, 'an original article');
      const { popup, tabId } = await settledPopup(driver, ORIGINALS.regional.url);
      const verdict = squash(await textOf(popup, '[data-testid="verdict"]'));
      check(
        !/copy|wire story|republished|cross-posted|archived/i.test(verdict),
        `the popup's verdict on an original names no kind of copy: ${JSON.stringify(verdict)}`,
      );
      check((await toolbarTitle(driver, tabId)) === 'Provenance', 'the toolbar title is the extension’s name');
      await popup.close();
      await tab.close();
    },
  },
];
