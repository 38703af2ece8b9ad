/** Shared scenarios (both browsers) for issue 17's part: options. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const OPTIONS_SCENARIOS: Scenario[] = [];
