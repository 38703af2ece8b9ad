/** Shared scenarios (both browsers) for issue 17's part: control. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const CONTROL_SCENARIOS: Scenario[] = [];
