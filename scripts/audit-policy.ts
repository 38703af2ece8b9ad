/**
 * What `npm run audit` judges, as pure functions (tests/unit/audit.test.ts):
 * which installed packages end up in, or build, what ships, and which
 * advisories among them fail the run.
 *
 * What ships is the production dependencies' closure plus the bundler that
 * turns the sources into the extension (WXT, Vite, esbuild, the Preact
 * preset): a compromised bundler writes the shipped files. Test tools (Vitest,
 * Playwright, the peers in the accuracy report) are reported, never failed on.
 */

/** The packages that build the shipped files. */
export const BUNDLER = ['wxt', 'vite', 'esbuild', '@preact/preset-vite'];

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
export interface Lockfile {
  packages: Record<string, LockPackage>;
}

/** Where Node finds `name` from the package installed at `from` (a lockfile key such as "node_modules/a/node_modules/b"). */
function resolve(lock: Lockfile, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Names of every installed package the production dependencies and the bundler reach (lockfile v2/v3). */
export function shippedPackages(lock: Lockfile): Set<string> {
  const root = lock.packages[''] ?? {};
  const start = [...Object.keys(root.dependencies ?? {}), ...BUNDLER];
  const seen = new Set<string>();
  const pending = start.map((name) => resolve(lock, '', name)).filter((key): key is string => !!key);
  while (pending.length) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = lock.packages[key] ?? {};
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const found = resolve(lock, key, name);
      if (found && !seen.has(found)) pending.push(found);
    }
  }
  return new Set([...seen].map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

export interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
  error?: { summary?: string };
  message?: string;
}

export type AuditVerdict =
  { ran: false; reason: string } | { ran: true; failing: { name: string; severity: string }[]; reported: { name: string; severity: string }[] };

/** High and critical advisories in what ships fail; the rest are reported. No report at all: not run, with the reason. */
export function judge(report: AuditReport | null, shipped: ReadonlySet<string>, stderr = ''): AuditVerdict {
  if (!report?.metadata?.vulnerabilities) {
    const reason = report?.message?.split(' - ')[0] ?? report?.error?.summary ?? (stderr.split('\n').find((l) => /error/i.test(l)) || 'no report');
    return { ran: false, reason: reason.trim() };
  }
  const failing: { name: string; severity: string }[] = [];
  const reported: { name: string; severity: string }[] = [];
  for (const [name, { severity }] of Object.entries(report.vulnerabilities ?? {})) {
    (shipped.has(name) && (severity === 'high' || severity === 'critical') ? failing : reported).push({ name, severity });
  }
  return { ran: true, failing, reported };
}
