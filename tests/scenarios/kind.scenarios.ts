/** Shared scenarios (both browsers) for issue 17's part: kind. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const KIND_SCENARIOS: Scenario[] = [];
