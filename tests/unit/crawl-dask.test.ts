/**
 * scripts/dask_crawl.py, the Dask driver of `provenance crawl`, run for real: Debian's Python with
 * python3-distributed, a LocalCluster of 2 worker processes, the CLI bundled into a folder under .tmp/ (inside
 * the repository, for Node to find @duckdb/node-api in node_modules). Four shards (three of fixture pages and
 * an empty file): one Parquet part each, merged into the same pages as a direct `provenance crawl`; a rerun
 * reads nothing again and changes nothing; a shard that does not exist is retried, then reported as failed
 * (exit 1) while the others are merged. PROVENANCE_CMD runs the CLI through a wrapper that logs every call.
 *
 * Skipped, saying why, when the Python ($PYTHON, default /usr/bin/python3) cannot `import distributed`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrawlDb } from '../../crawl/db';
import { fixtureWebPages } from './corpus-helpers';
import { pageRecords, warcBytes } from '../crawl/warc-builder';

const ROOT = join(__dirname, '../..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const RUN_TIMEOUT = 180_000;

/** Why the test cannot run here ('' when it can): the Python has no Dask. */
function missingDask(): string {
  const probe = spawnSync(PYTHON, ['-c', 'import distributed'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.status === 0) return '';
  const why = probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`;
  return `${PYTHON} cannot import distributed (${why}): install python3-distributed, or set PYTHON`;
}
const skipReason = missingDask();
if (skipReason) console.warn(`crawl-dask.test.ts skipped: ${skipReason}`);

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.NODE_OPTIONS;
    const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT - 10_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** The part folder of a shard: 16 hex digits of the SHA-256 of its absolute path. */
const shardId = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 16);
/** A word for a POSIX shell (shlex.split in the driver). */
const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

const TABLES = ['shards', 'pages', 'signals', 'chains', 'skipped', 'skip_counts', 'originals'];

interface Contents {
  counts: Record<string, number>;
  shards: Record<string, unknown>[];
  pages: Record<string, unknown>[];
}

async function contents(path: string): Promise<Contents> {
  const db = await CrawlDb.open(path, { readOnly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await db.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n;
    const shards = await db.rows(
      'SELECT shard, records::INTEGER AS records, pages::INTEGER AS pages, copies::INTEGER AS copies, skipped::INTEGER AS skipped FROM shards ORDER BY shard',
    );
    const pages = await db.rows('SELECT shard, url, kind, syndicated, original_url FROM pages ORDER BY shard, url');
    return { counts, shards, pages };
  } finally {
    db.close();
  }
}

let data = '';
let cli = '';
let direct: Contents;
const shards: string[] = [];

/** The CLI's calls (its arguments, one JSON line a call) since the log was last read. */
async function takeCalls(): Promise<string[][]> {
  const log = join(data, 'calls.jsonl');
  if (!existsSync(log)) return [];
  const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  await rm(log);
  return lines.map((line) => JSON.parse(line) as string[]);
}

function driver(args: string[]): Promise<Run> {
  const command = `${quote(process.execPath)} ${quote(join(data, 'logged-cli.mjs'))}`;
  return run(PYTHON, [join(ROOT, 'scripts/dask_crawl.py'), '--local', '2', '--parts', join(data, 'parts'), ...args], { PROVENANCE_CMD: command });
}

describe.skipIf(Boolean(skipReason))(`scripts/dask_crawl.py on a local Dask cluster${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'provenance-dask-test-'));
    await mkdir(join(ROOT, '.tmp'), { recursive: true });
    cli = await mkdtemp(join(ROOT, '.tmp', 'dask-cli-'));
    await mkdir(join(cli, 'bin'));
    await copyFile(join(ROOT, 'bin/provenance.mjs'), join(cli, 'bin/provenance.mjs'));
    const built = await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), join(cli, 'dist/cli.mjs')]);
    expect(built, built.err).toMatchObject({ code: 0 });
    // The CLI, through a wrapper that logs its arguments.
    const wrapper = `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(join(data, 'calls.jsonl'))}, JSON.stringify(process.argv.slice(2)) + '\\n');
await import(${JSON.stringify(pathToFileURL(join(cli, 'bin/provenance.mjs')).href)});
`;
    await writeFile(join(data, 'logged-cli.mjs'), wrapper);

    const pages = pageRecords(fixtureWebPages());
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const third = Math.ceil(pages.length / 3);
    for (let i = 0; i < 3; i++) {
      shards.push(join(data, 'warcs', `shard-${i}.warc.gz`));
      await mkdir(join(data, 'warcs'), { recursive: true });
      await writeFile(shards[i]!, await warcBytes(pages.slice(i * third, (i + 1) * third)));
    }
    shards.push(join(data, 'warcs', 'empty.warc.gz'));
    await writeFile(shards[3]!, new Uint8Array());
    // Paths relative to the list, as the CLI's list files have them, and a comment.
    await writeFile(join(data, 'list.txt'), `# the test's shards\n${shards.map((shard) => relative(data, shard)).join('\n')}\n`);

    const crawled = await run(process.execPath, [
      join(cli, 'bin/provenance.mjs'),
      'crawl',
      '--workers',
      '1',
      '--db',
      join(data, 'direct.duckdb'),
      ...shards,
    ]);
    expect(crawled.code, crawled.err).toBe(0);
    direct = await contents(join(data, 'direct.duckdb'));
    expect(direct.counts.pages).toBe(pages.length);
  }, 120_000);

  afterAll(async () => {
    if (cli) await rm(cli, { recursive: true, force: true });
    if (data) await rm(data, { recursive: true, force: true });
  });

  it(
    'crawls each shard in its own task into its own part, and merges the same pages as a direct crawl',
    async () => {
      const result = await driver(['--db', join(data, 'out.duckdb'), '--list', join(data, 'list.txt')]);
      expect(result.code, `${result.out}\n${result.err}`).toBe(0);
      expect((await readdir(join(data, 'parts'))).sort()).toEqual(shards.map(shardId).sort());
      for (const shard of shards) expect(existsSync(join(data, 'parts', shardId(shard), 'shards.parquet'))).toBe(true);

      const calls = await takeCalls();
      const crawls = calls.filter((call) => call[0] === 'crawl');
      expect(crawls.map((call) => call.at(-1)).sort()).toEqual([...shards].sort());
      for (const call of crawls) expect(call.slice(0, 3)).toEqual(['crawl', '--workers', '1']);
      expect(calls.filter((call) => call[0] === 'merge')).toHaveLength(1);

      const merged = await contents(join(data, 'out.duckdb'));
      expect(merged).toEqual(direct);
      // The empty archive is a shard of no records, not a failure.
      expect(merged.shards.find((row) => row.shard === shards[3])).toMatchObject({ records: 0, pages: 0 });
      expect(result.out).toMatch(/4 shards: 4 crawled, 0 already done, 0 failed/);
      expect(result.err.match(/^\d\/4 /gm)).toHaveLength(4);
    },
    RUN_TIMEOUT,
  );

  it(
    'run again, it reads no shard again and the database does not change',
    async () => {
      const result = await driver(['--db', join(data, 'out.duckdb'), '--list', join(data, 'list.txt')]);
      expect(result.code, `${result.out}\n${result.err}`).toBe(0);
      expect((await takeCalls()).map((call) => call[0])).toEqual(['merge']);
      expect(result.err.match(/already done$/gm)).toHaveLength(4);
      expect(result.out).toMatch(/4 shards: 0 crawled, 4 already done, 0 failed/);
      expect(await contents(join(data, 'out.duckdb'))).toEqual(direct);
    },
    RUN_TIMEOUT,
  );

  it(
    'a shard that does not exist is retried, then reported as failed (exit 1), and the others are merged',
    async () => {
      const missing = join(data, 'warcs', 'missing.warc.gz');
      await writeFile(join(data, 'list-missing.txt'), [...shards, missing].join('\n'));
      const result = await driver(['--db', join(data, 'partial.duckdb'), '--list', join(data, 'list-missing.txt'), '--retries', '2']);
      expect(result.code, `${result.out}\n${result.err}`).toBe(1);
      const calls = await takeCalls();
      // Tried once and retried twice; the finished parts are not crawled again.
      expect(calls.filter((call) => call[0] === 'crawl').map((call) => call.at(-1))).toEqual([missing, missing, missing]);
      expect(result.err).toContain(`failed: ${missing}: crawl exited with 3`);
      expect(result.out).toMatch(/5 shards: 0 crawled, 4 already done, 1 failed/);
      expect(existsSync(join(data, 'parts', shardId(missing)))).toBe(false);
      expect(existsSync(join(data, 'parts', `${shardId(missing)}.tmp`))).toBe(false);
      expect(await contents(join(data, 'partial.duckdb'))).toEqual(direct);
    },
    RUN_TIMEOUT,
  );
});
