/**
 * What the content script carries (issue 18, "The content script carries only the digest"): content.js runs
 * on every page a person opens, so its module graph holds the digest (core/digest.ts) and what it needs, and
 * none of the rules, which run in the background on the digest. Its on-demand half (the badge, the evidence
 * highlight: components/content-ui.ts) is a module of its own, loaded only when a page needs it.
 * The size of the built content.js is checked where it is built (tests/e2e/global-setup.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildContentUi } from '../../scripts/content-ui';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The rules and what only they need: the background's half of the engine. */
const RULE_MODULE =
  /(?:^|\/)core\/(?:detect|scan|publishers|url|psl|outlets|metadata|jsonld|verify)\.ts$|(?:^|\/)core\/signals\/|(?:^|\/)node_modules\/tldts/;
/** The content script's on-demand half, and what only it needs. */
const ON_DEMAND = /(?:^|\/)components\/(?:badge\.ts|badge\.css|content-ui\.ts)|(?:^|\/)lib\/(?:find-evidence|signal-text)\.ts$/;

/** The module graph of an entry point, bundled the way the build does (WXT's own modules left out). */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    format: 'esm',
    external: ['wxt/*'],
    loader: { '.css': 'text' },
  });
  return Object.keys(result.metafile.inputs);
}

describe('the content script carries only the digest', () => {
  it('content.js holds core/digest.ts and no rule module', async () => {
    const inputs = await inputsOf('entrypoints/content/index.ts');
    expect(inputs).toContain('core/digest.ts');
    expect(inputs.filter((input) => RULE_MODULE.test(input))).toEqual([]);
  });

  it('content.js leaves the badge, its stylesheet and the evidence highlight to the on-demand module', async () => {
    const inputs = await inputsOf('entrypoints/content/index.ts');
    expect(inputs.filter((input) => ON_DEMAND.test(input))).toEqual([]);
  });

  it('the on-demand module holds the badge, without the rules, the digest or the polyfill', async () => {
    const { code, metafile } = await buildContentUi();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('components/badge.ts');
    expect(inputs.some((input) => input.includes('badge.css'))).toBe(true);
    expect(inputs.filter((input) => RULE_MODULE.test(input) || /core\/digest\.ts$|webextension-polyfill/.test(input))).toEqual([]);
    expect(code).toMatch(/export\s*\{[^}]*\bmountBadge\b[^}]*\}/);
    expect(code).toMatch(/export\s*\{[^}]*\bshowEvidence\b[^}]*\}/);
  });

  it('the rule pattern finds the rules where they are (the check above can fail)', async () => {
    const inputs = await inputsOf('core/detect.ts');
    const found = inputs.filter((input) => RULE_MODULE.test(input));
    expect(found).toContain('core/detect.ts');
    expect(found.some((input) => input.startsWith('core/signals/'))).toBe(true);
    expect((await inputsOf('components/content-ui.ts')).filter((input) => ON_DEMAND.test(input))).toContain('components/badge.ts');
  });
});
