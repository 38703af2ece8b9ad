/** Shared scenarios (both browsers) for issue 17's part: popup. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const POPUP_SCENARIOS: Scenario[] = [];
