/**
 * The last lines of `npm test`: what the run could not check. Today that is
 * the dependency audit when the registry's audit endpoint did not answer
 * (scripts/audit.ts writes test-results/audit.json).
 */
import { existsSync, readFileSync } from 'node:fs';

const file = 'test-results/audit.json';
if (!existsSync(file)) {
  console.log('summary: audit: NOT RUN (no result recorded)');
} else {
  const verdict = JSON.parse(readFileSync(file, 'utf8')) as { ran: boolean; reason?: string; failing?: unknown[] };
  console.log(
    verdict.ran
      ? `summary: audit ran: ${verdict.failing?.length ?? 0} high or critical advisories in what ships`
      : `summary: audit: NOT RUN (${verdict.reason}); dependencies unchecked`,
  );
}
