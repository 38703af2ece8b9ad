/**
 * `npm run new-signal -- <name>` (scripts/new-signal.ts), run in a temporary copy of the engine: it writes
 * the family's file, its example page and its test, adds the registry line and regenerates the digest's
 * data, and the new family then reads its example through the digest. The repository is left as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registered } from '../../scripts/new-signal';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let copy = '';

/** A TypeScript script run in the copy the way `npm run` runs one (tsx), from the copy's folder. */
const tsx = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: copy, encoding: 'utf8' });
const scaffold = (...args: string[]) => tsx('scripts/new-signal.ts', ...args);
const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'new-signal-'));
  for (const dir of ['core', 'tests/fixtures/signals', 'tests/unit/signals']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
  for (const file of ['scripts/gen-digest-keep.ts', 'scripts/new-signal.ts', 'package.json', '.prettierrc.json'])
    cpSync(path.join(root, file), path.join(copy, file));
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run new-signal', () => {
  it('adds a family in one file, one registry line, an example page and a test; the digest keeps what it reads', async () => {
    const before = read('core/signals/index.ts');
    const run = scaffold('press-release');
    expect(run.status, run.stderr).toBe(0);
    for (const file of [
      'core/signals/press-release.ts',
      'tests/fixtures/signals/press-release/example.html',
      'tests/unit/signals/press-release.test.ts',
    ])
      expect(existsSync(path.join(copy, file)), file).toBe(true);
    expect(read('core/signals/press-release.ts')).toMatch(/export const family: Family = \{\n {2}name: 'press-release',/);
    expect(read('tests/fixtures/signals/press-release/example.html')).toMatch(/^<!-- url: https:\/\/\S+ -->\n/);
    // The registry gains the import and the entry, nothing else.
    const after = read('core/signals/index.ts');
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual(["import { family as pressRelease } from './press-release';", '  pressRelease,']);
    expect(after.indexOf("from './portal';")).toBeLessThan(after.indexOf("from './press-release';"));
    expect(read('core/digest-keep.generated.ts')).toContain('first carried by');
    // What it writes passes the lint's formatting check as it is (.prettierrc.json).
    const options = await prettier.resolveConfig(path.join(root, 'core/signals/index.ts'));
    for (const file of ['core/signals/press-release.ts', 'tests/unit/signals/press-release.test.ts', 'core/signals/index.ts'])
      expect(await prettier.check(read(file), { ...options, filepath: file }), `${file} as Prettier writes it`).toBe(true);

    // The new family, in the copy, reads its example page through the digest and the registry.
    writeFileSync(
      path.join(copy, 'check.ts'),
      `import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { digestPage } from './core/digest';
import { scanFromDigest } from './core/scan';
import { FAMILIES } from './core/signals';
const text = readFileSync('tests/fixtures/signals/press-release/example.html', 'utf8');
const url = /^<!-- url: (\\S+) -->/.exec(text)![1]!;
const { document } = parseHTML(text.slice(text.indexOf('\\n') + 1));
const scan = scanFromDigest(digestPage(document as unknown as Document, url));
const family = FAMILIES.find((entry) => entry.name === 'press-release')!;
console.log(JSON.stringify({ last: FAMILIES.at(-1)!.name, found: family.rule(scan).map((item) => [item.signal.kind, item.claims.originalPublisher]) }));
`,
    );
    const check = tsx('check.ts');
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout.trim().split('\n').at(-1)!)).toEqual({ last: 'press-release', found: [['source-credit', 'The Example Gazette']] });
  }, 120_000);

  it('refuses a name that is taken or malformed, and changes nothing', () => {
    const registry = read('core/signals/index.ts');
    const taken = scaffold('wire');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('already exists');
    for (const name of ['Bad_Name', '../x']) {
      const bad = scaffold(name);
      expect(bad.status, name).toBe(2);
      expect(bad.stderr).toContain('usage: npm run new-signal -- <name>');
    }
    expect(read('core/signals/index.ts')).toBe(registry);
  }, 120_000);

  it('places the import in order of path and the entry last, on the real registry', () => {
    const text = registered(readFileSync(path.join(root, 'core/signals/index.ts'), 'utf8'), 'byline-outlet');
    expect(text).toMatch(/from '\.\/archive';\nimport \{ family as bylineOutlet \} from '\.\/byline-outlet';\nimport \{ family as canonical \}/);
    expect(text).toMatch(/ {2}archive,\n {2}bylineOutlet,\n\];/);
    expect(existsSync(path.join(root, 'core/signals/press-release.ts'))).toBe(false);
  });
});
