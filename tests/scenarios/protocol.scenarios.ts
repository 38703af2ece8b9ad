/**
 * Shared scenarios (both browsers) for issue 18's part: protocol. The popup follows its tab's state as the
 * background changes it (lib/tab-state.ts watchTabScan through lib/client.ts watchTabReport): it is never
 * reloaded here and asks nothing on a timer. Listed in tests/scenarios/scenarios.ts.
 */
import type { Scenario } from './driver';
import { NOT_AN_ARTICLE, farmPage } from '../e2e/support/pages';
import { check, tabIdOf, waitForCount, waitForText } from './steps';

const field = (id: string) => `[data-testid="${id}"]`;
const HOST = 'www.copyfarm-news.com';

export const PROTOCOL_SCENARIOS: Scenario[] = [
  {
    name: '[protocol] an open popup follows its tab: "no article", then the copy the tab goes on to, without being reloaded',
    async run(driver) {
      const path = '/story/watched-popup/';
      driver.web.route({
        host: HOST,
        path,
        behaviour: {
          kind: 'body',
          contentType: 'text/html; charset=utf-8',
          body: farmPage('Talks resume in Geneva after a week of delays', `https://usa-news.biz${path}`),
        },
      });
      const articleUrl = `https://${HOST}${path}`;
      const page = await driver.open(NOT_AN_ARTICLE.url);
      const tabId = await tabIdOf(driver, NOT_AN_ARTICLE.url);
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitForCount(popup, field('no-article'), 1, 15_000);
      // A mark on this document: a reload would drop it.
      await popup.evaluate(() => void document.documentElement.setAttribute('data-same-document', 'yes'));
      // The tab goes on to a copy (a full navigation, after this call returns).
      await page.evaluate((url) => void setTimeout(() => location.assign(url), 50), articleUrl);
      await waitForText(popup, field('verdict'), /Copy/, 20_000);
      await waitForText(popup, field('site-on'), 'copyfarm-news.com');
      check(
        (await popup.evaluate(() => document.documentElement.getAttribute('data-same-document'))) === 'yes',
        'the popup drew the copy without being reloaded',
      );
      check(await popup.evaluate(() => document.querySelector('[data-testid="no-article"]') === null), 'the "no article" state is gone');
    },
  },
];
