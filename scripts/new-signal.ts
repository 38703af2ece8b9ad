/**
 * `npm run new-signal -- <name>`: the scaffold of a new signal family (core/signals/index.ts says what a
 * family is). It writes
 *   core/signals/<name>.ts                 the rule, a stub that reads one placeholder credit line, and its `keep`
 *   tests/fixtures/signals/<name>/example.html   a page the family must read (tests/unit/registry-keep.test.ts)
 *   tests/unit/signals/<name>.test.ts      its positive and negative cases
 * adds the family's line to the registry (core/signals/index.ts) and regenerates the digest's data
 * (core/digest-keep.generated.ts). Then replace each TODO with the real-world wording the family is for.
 * Refuses a name that is taken or not lower-case words joined by dashes; changes nothing then.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REGISTRY = 'core/signals/index.ts';
/** Files of core/signals/ that are not families. */
const NOT_FAMILIES = new Set(['index', 'keep', 'finding', 'own-site', 'agencies']);

const camel = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function ruleFile(name: string): string {
  const rule = `${camel(name)}Rule`;
  return `/**
 * TODO ${name}: what this family reads and why it means the page is a copy, with the real-world wording it was
 * written for, one form a line and where it was seen:
 *   First carried by The Example Gazette.          (TODO the real wording, the site)
 * Not a credit: TODO the look-alikes it must not count (prose, a caption, the page's own name).
 */
import type { PageScan } from '../scan';
import { looksLikeName } from '../text';
import { finding, regionName, type Finding } from './finding';
import type { Family } from './keep';
import { isOwnSiteName } from './own-site';
import { say } from '../signal-text';

/** TODO the credit's wording; the publisher it names in the group \`name\`. */
const CREDIT = /^first carried by (?<name>.{2,80}?)\\.?$/i;

const ${rule} = (scan: PageScan): Finding[] => {
  for (const line of scan.lines) {
    if (line.caption || line.text.length > 400) continue;
    const name = CREDIT.exec(line.text)?.groups?.name?.trim();
    if (!name || !looksLikeName(name, 7) || isOwnSiteName(scan, name)) continue;
    // An existing kind and sentence; one of its own is a SignalKind (core/types.ts) and a sentence (core/signal-text.ts, the locales' evidence_<id>).
    return [finding('source-credit', 0.75, say('creditOriginal', name), line.text, \`\${regionName(line.region)}, TODO what the line is\`, { originalPublisher: name })];
  }
  return [];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: TODO the words of the lines it reads. */
export const family: Family = {
  name: '${name}',
  rule: ${rule},
  keep: {
    // The words a text block must hold for the digest to read it into lines (core/signals/keep.ts): every form CREDIT reads.
    creditPhrases: /first carried by/i,
  },
};
`;
}

function fixtureFile(): string {
  return `<!-- url: https://www.localpaper.example/2025/03/01/story/ -->
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Story headline</title></head>
<body>
<header><a href="/">Home</a></header>
<main><article><h1>Story headline</h1>
<p>${'Lead paragraph of the story with enough words to look like an article. '.repeat(4).trim()}</p>
<p>First carried by The Example Gazette.</p>
</article></main>
</body>
</html>
`;
}

function testFile(name: string): string {
  return `/**
 * ${name} (core/signals/${name}.ts): TODO the real-world wording it reads, and the look-alikes it must not count.
 */
import { describe, expect, it } from 'vitest';
import { kinds, page, run } from './helpers';

const URL = 'https://www.localpaper.example/2025/03/01/story/';

describe('${name}', () => {
  it('reads its credit line (TODO each real-world form)', () => {
    const record = run(page('<p>First carried by The Example Gazette.</p>'), URL);
    expect(record.syndicated).toBe(true);
    expect(kinds(record)).toContain('source-credit');
  });
  it("not: prose with the same words, the page's own name", () => {
    expect(kinds(run(page('<p>The story was first carried by hand across the river.</p>'), URL))).not.toContain('source-credit');
    expect(kinds(run(page('<p>First carried by Local Paper.</p>', '<meta property="og:site_name" content="Local Paper">'), URL))).not.toContain('source-credit');
  });
});
`;
}

/** The registry with the family's import (among the imports, in order of path) and its entry (last in FAMILIES). */
export function registered(registry: string, name: string): string {
  const line = `import { family as ${camel(name)} } from './${name}';`;
  const lines = registry.split('\n');
  const imports = lines.map((text, i) => ({ i, from: /^import .* from '(\.\/[^']+)';$/.exec(text)?.[1] })).filter((item) => item.from);
  if (!imports.length) throw new Error(`${REGISTRY}: no imports found`);
  const after = imports.find((item) => item.from! > `./${name}`);
  lines.splice(after ? after.i : imports.at(-1)!.i + 1, 0, line);
  const text = lines.join('\n');
  const list = /export const FAMILIES: readonly Family\[\] = \[\n([\s\S]*?)\n\];/.exec(text);
  if (!list) throw new Error(`${REGISTRY}: the FAMILIES list was not found`);
  return text.replace(list[0], list[0].replace(/\n\];$/, `\n  ${camel(name)},\n];`));
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name) || NOT_FAMILIES.has(name)) {
    console.error('usage: npm run new-signal -- <name>   (lower-case words joined by dashes, e.g. press-release)');
    process.exit(2);
  }
  const files: [string, string][] = [
    [`core/signals/${name}.ts`, ruleFile(name)],
    [`tests/fixtures/signals/${name}/example.html`, fixtureFile()],
    [`tests/unit/signals/${name}.test.ts`, testFile(name)],
  ];
  const taken = files.filter(([file]) => existsSync(path.join(root, file)));
  if (taken.length) {
    console.error(`new-signal: ${taken.map(([file]) => file).join(', ')} already exists; nothing changed`);
    process.exit(1);
  }
  const registry = await formatted(REGISTRY, registered(readFileSync(path.join(root, REGISTRY), 'utf8'), name));
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), await formatted(file, text));
    console.log(`wrote ${file}`);
  }
  writeFileSync(path.join(root, REGISTRY), registry);
  console.log(`added ${name} to ${REGISTRY}`);
  const generated = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-digest-keep.ts'], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
  console.log(
    `Next: replace the TODOs in core/signals/${name}.ts with the wording the family is for, its example page and its test; npx vitest run tests/unit/registry-keep.test.ts tests/unit/signals/${name}.test.ts`,
  );
}

/** TypeScript as the lint's formatting check wants it (.prettierrc.json); other files as they are. */
async function formatted(file: string, text: string): Promise<string> {
  if (!file.endsWith('.ts')) return text;
  const options = await prettier.resolveConfig(path.join(root, file));
  return prettier.format(text, { ...options, filepath: file });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
