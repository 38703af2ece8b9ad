/** Shared scenarios (both browsers) for issue 17's part: card. Listed in tests/scenarios/scenarios.ts. */
import type { Scenario } from './driver';

export const CARD_SCENARIOS: Scenario[] = [];
