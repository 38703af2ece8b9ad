/**
 * `npm audit --omit=dev`: fails when the packages the product ships with have
 * a high or critical advisory. The advisories live on the registry's audit
 * endpoint; where that endpoint cannot be reached (some mirrors and build
 * machines answer "405 Method Not Allowed"), it says so in one line and does
 * not fail, since nothing could be checked.
 *
 *   npx tsx scripts/audit.ts
 */
import { spawnSync } from 'node:child_process';

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  error?: { code?: string; summary?: string; detail?: string };
  /** When the endpoint refused the request. */
  message?: string;
  statusCode?: number;
}

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report: AuditReport | null = null;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  report = null;
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message?.split(' - ')[0] ?? report?.error?.summary ?? (`${result.stderr}`.split('\n').find((l) => /error/i.test(l)) || 'no report');
  console.log(`audit: not run — the registry's audit endpoint did not answer (${reason.trim()}); nothing was checked`);
  process.exit(0);
}

const serious = Object.entries(report!.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
const line = Object.entries(counts)
  .filter(([, n]) => n > 0)
  .map(([level, n]) => `${n} ${level}`)
  .join(', ');
for (const [name, v] of serious) console.log(`  ${v.severity}: ${name}`);
console.log(`audit: production dependencies: ${line || 'no advisories'}${serious.length ? ' — high or critical found' : ''}`);
process.exit(serious.length ? 1 : 0);
