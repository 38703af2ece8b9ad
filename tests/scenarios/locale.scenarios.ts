/** Shared scenarios (both browsers) for issue 17's part: locale. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const LOCALE_SCENARIOS: Scenario[] = [];
