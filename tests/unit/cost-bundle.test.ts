/**
 * What the content script carries (issue 18): content.js runs on every page a person opens, so it holds only
 * what sends the page's HTML to the background, which reads it with the digest (core/digest.ts) and runs the
 * rules. Its on-demand half (the badge, the evidence highlight, the article's text, and the digest for a page
 * too big to send: components/content-ui.ts) is a module of its own, loaded only when a page needs it; it
 * holds none of the rules either.
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

describe('the content script carries only what sends the page', () => {
  it('content.js holds no rule module and not the digest, which reads the page in the background', async () => {
    const inputs = await inputsOf('entrypoints/content/index.ts');
    expect(inputs.filter((input) => RULE_MODULE.test(input) || /(?:^|\/)core\/(?:digest|article-text)\.ts$/.test(input))).toEqual([]);
    expect(inputs).toContain('core/digest-limits.ts');
  });

  it('content.js leaves the badge, its stylesheet, the evidence highlight and the in-place digest to the on-demand module', async () => {
    const inputs = await inputsOf('entrypoints/content/index.ts');
    expect(inputs.filter((input) => ON_DEMAND.test(input))).toEqual([]);
  });

  it('the on-demand module holds the badge and the in-place digest, without the rules or the polyfill', async () => {
    const { code, metafile } = await buildContentUi();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('components/badge.ts');
    expect(inputs).toContain('core/digest.ts');
    expect(inputs.some((input) => input.includes('badge.css'))).toBe(true);
    expect(inputs.filter((input) => RULE_MODULE.test(input) || /webextension-polyfill/.test(input))).toEqual([]);
    for (const name of ['mountBadge', 'showEvidence', 'digestPage', 'articleText'])
      expect(code).toMatch(new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`));
  });

  it('the rule pattern finds the rules where they are (the check above can fail)', async () => {
    const inputs = await inputsOf('core/detect.ts');
    const found = inputs.filter((input) => RULE_MODULE.test(input));
    expect(found).toContain('core/detect.ts');
    expect(found.some((input) => input.startsWith('core/signals/'))).toBe(true);
    expect((await inputsOf('components/content-ui.ts')).filter((input) => ON_DEMAND.test(input))).toContain('components/badge.ts');
  });
});
