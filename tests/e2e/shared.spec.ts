/**
 * The shared scenarios (tests/scenarios/scenarios.ts) in Chromium. The same
 * scenarios run in Firefox through scripts/firefox-e2e.ts.
 */
import { test, expect } from './fixtures';
import { ChromiumDriver } from './support/chromium-driver';
import { DEFAULT_SCENARIO_TIMEOUT } from '../scenarios/driver';
import { SCENARIOS } from '../scenarios/scenarios';

for (const scenario of SCENARIOS) {
  test(scenario.name, async ({ extension, launchExtension, fixtureWeb }) => {
    test.setTimeout(scenario.timeout ?? DEFAULT_SCENARIO_TIMEOUT);
    const driver = new ChromiumDriver(fixtureWeb, extension, launchExtension);
    await scenario.run(driver);
    expect(await driver.extensionErrors(), 'uncaught errors from the extension').toEqual([]);
  });
}
