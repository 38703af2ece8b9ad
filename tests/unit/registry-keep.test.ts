/**
 * The signal registry (core/signals/index.ts) and what the digest keeps for it: core/digest-keep.generated.ts
 * is the families' `keep` merged (scripts/gen-digest-keep.ts), and every family's examples
 * (tests/fixtures/signals/<family>/) keep, through the real digest, what the family's rule needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { digestPage, type PageDigest } from '@/core/digest';
import * as generated from '@/core/digest-keep.generated';
import { scanFromDigest } from '@/core/scan';
import { FAMILIES, SIGNAL_FAMILIES } from '@/core/signals';
import type { Family } from '@/core/signals/keep';
import { alternatives, digestKeepData, digestKeepSource } from '../../scripts/gen-digest-keep';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(root, 'tests/fixtures/signals');

interface Example {
  file: string;
  url: string;
  html: string;
}

/** A family's example pages: each opens with `<!-- url: https://… -->`, the address it is read at. */
function examplesOf(name: string): Example[] {
  const dir = path.join(FIXTURES, name);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.html'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const url = /^<!-- url: (\S+) -->\n/.exec(text);
    if (!url?.[1]) throw new Error(`tests/fixtures/signals/${name}/${file}: the first line must be <!-- url: https://… -->`);
    return { file: `${name}/${file}`, url: url[1], html: text.slice(url[0].length) };
  });
}

/** What the family's rule finds on the example read through `digest`: the kinds it claims (a self-reference or a copyright notice alone does not count). */
function found(family: Family, example: Example, digest: (doc: Document, url: string) => PageDigest): { quiet: boolean; kinds: string[] } {
  const { document } = parseHTML(example.html);
  const read = digest(document as unknown as Document, example.url);
  const kinds = family.rule(scanFromDigest(read)).map((item) => item.signal.kind);
  return { quiet: read.quiet, kinds: kinds.filter((kind) => kind !== 'self-reference' && kind !== 'copyright') };
}

describe('the registry', () => {
  it('names every family once, after its file, and runs their rules in its order', () => {
    const files = readdirSync(path.join(root, 'core/signals')).filter((file) => file.endsWith('.ts'));
    const names = FAMILIES.map((family) => family.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(files).toContain(`${name}.ts`);
    expect(SIGNAL_FAMILIES).toEqual(FAMILIES.map((family) => family.rule));
    // A file that exports a family is registered (the scaffold adds the line; a hand-made file must too).
    for (const file of files) {
      if (/^export const family\b/m.test(readFileSync(path.join(root, 'core/signals', file), 'utf8')))
        expect(names).toContain(file.replace(/\.ts$/, ''));
    }
  });

  it('core/digest-keep.generated.ts is up to date with the families (npx tsx scripts/gen-digest-keep.ts)', () => {
    const data = digestKeepData();
    const values = generated as Record<string, unknown>;
    expect(Object.keys(values).sort()).toEqual(Object.keys(data).sort());
    for (const [name, { value }] of Object.entries(data)) {
      const current = values[name];
      if (value instanceof RegExp) {
        expect(current, name).toBeInstanceOf(RegExp);
        expect(`/${(current as RegExp).source}/${(current as RegExp).flags}`, `${name} (regenerate: npx tsx scripts/gen-digest-keep.ts)`).toBe(
          `/${value.source}/${value.flags}`,
        );
      } else {
        expect(current, `${name} (regenerate: npx tsx scripts/gen-digest-keep.ts)`).toEqual(value);
      }
    }
  });

  it('the check above fails when a family declares a word the file does not hold', () => {
    const extra: Family = {
      name: 'extra',
      rule: () => [],
      keep: { creditPhrases: /brand-new credit/i, portals: { hosts: ['portal.example'], selectors: ['.partner'] } },
    };
    const data = digestKeepData([...FAMILIES, extra]);
    expect(data.CREDIT_PHRASES!.value).not.toEqual(generated.CREDIT_PHRASES);
    expect((data.CREDIT_PHRASES!.value as RegExp).test('A brand-new credit line')).toBe(true);
    expect(data.PORTAL_HOST!.value).not.toEqual(generated.PORTAL_HOST);
    expect(data.PROVIDER_SELECTORS!.value).toContain('.partner');
  });

  it("merges the families' words by alternative, each once, and refuses a field with other flags", () => {
    expect(alternatives(String.raw`a|b(?:c|d)|[|]|\||e`)).toEqual(['a', 'b(?:c|d)', '[|]', String.raw`\|`, 'e']);
    const one: Family = { name: 'one', rule: () => [], keep: { creditPhrases: /syndi|courtesy/i } };
    const two: Family = { name: 'two', rule: () => [], keep: { creditPhrases: /courtesy|reprinted/i } };
    expect((digestKeepData([one, two]).CREDIT_PHRASES!.value as RegExp).source).toBe('syndi|courtesy|reprinted');
    // An alternative another one already says is dropped: "first appeared" within "first (appeared|published)".
    const feed: Family = { name: 'feed', rule: () => [], keep: { creditPhrases: /first\s+appeared|appeared\s+first/i } };
    const credit: Family = { name: 'credit', rule: () => [], keep: { creditPhrases: /first\s+(?:appeared|published)/i } };
    expect((digestKeepData([feed, credit]).CREDIT_PHRASES!.value as RegExp).source).toBe(String.raw`appeared\s+first|first\s+(?:appeared|published)`);
    const cased: Family = { name: 'cased', rule: () => [], keep: { creditPhrases: /Courtesy/ } };
    expect(() => digestKeepData([cased])).toThrow(/flags/);
    expect(() => digestKeepData([one, one])).toThrow(/two families/);
  });

  it('the generated module is data only, written the way the generator writes it', () => {
    const text = digestKeepSource();
    expect(text).not.toMatch(/^import /m);
    expect(text).toMatch(/^export const CREDIT_PHRASES = \/.+\/i;$/m);
    expect(text).toMatch(/^export const CREDIT_LABELS = '.+';$/m);
    expect(readFileSync(path.join(root, 'core/digest-keep.generated.ts'), 'utf8')).not.toMatch(/^import /m);
  });
});

describe("every family's examples keep, through the digest, what its rule needs", () => {
  afterEach(() => {
    vi.doUnmock('@/core/digest-keep.generated');
    vi.resetModules();
  });

  it('every family has examples, and every example folder is a family', () => {
    const names = FAMILIES.map((family) => family.name);
    for (const name of names) expect(examplesOf(name).length, `tests/fixtures/signals/${name}/`).toBeGreaterThan(0);
    for (const dir of readdirSync(FIXTURES)) expect(names).toContain(dir);
  });

  for (const family of FAMILIES) {
    it(`${family.name}: the digest keeps what the rule reads, and the rule finds it`, () => {
      for (const example of examplesOf(family.name)) {
        const result = found(family, example, digestPage);
        expect(result.quiet, `${example.file}: the digest reads the page in full`).toBe(false);
        expect(result.kinds.length, `${example.file}: ${family.name} finds its signal on the digest`).toBeGreaterThan(0);
      }
    });
  }

  it("without the families' declarations the digest drops what they need (the checks above can fail)", async () => {
    // The digest built on an empty registry's data: no words, no hosts, no markup kept.
    const empty = digestKeepData([]);
    vi.doMock('@/core/digest-keep.generated', () => Object.fromEntries(Object.entries(empty).map(([name, { value }]) => [name, value])));
    vi.resetModules();
    const bare = (await import('@/core/digest')).digestPage;
    for (const family of FAMILIES) {
      const keeps = Object.values(family.keep).some((value) => value !== undefined);
      if (!keeps) continue;
      const misses = examplesOf(family.name).filter((example) => {
        const result = found(family, example, bare);
        return result.quiet || !result.kinds.length;
      });
      expect(misses.length, `${family.name}: some example needs what the family declares`).toBeGreaterThan(0);
    }
  });
});
