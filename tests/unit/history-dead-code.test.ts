/**
 * Every export of core/, lib/ and components/ is imported somewhere (by the
 * extension, the CLI, a script or a test): an export nothing imports is dead
 * code, or a name that should stay inside its file. scripts/unused-exports.ts
 * finds them from the sources' syntax; `npx tsx scripts/unused-exports.ts`
 * lists them. An exception names the export and why it stays. And every
 * message of public/_locales is read by the extension.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedExports } from '../../scripts/unused-exports';

const ROOT = join(__dirname, '../..');

const EXCEPTIONS: Record<string, string> = {
  'lib/native-browser.ts browser': "imported as 'wxt/browser' by the content script's build (an alias in wxt.config.ts)",
  'lib/content-context.ts ContentScriptContext':
    "imported as 'wxt/utils/content-script-context' by WXT's content script entry (an alias in wxt.config.ts)",
  // The typed protocol names each direction of its messages (its header lists them): the vocabulary a reader looks up.
  'lib/messages.ts ContentRequest': 'the protocol: content script → background',
  'lib/messages.ts UiRequest': "the protocol: the extension's pages → background",
  'lib/messages.ts Broadcast': "the protocol: background → the extension's pages",
  'lib/messages.ts TabMessage': 'the protocol: background → content script',
  'lib/messages.ts TabResponseFor': 'the protocol: the content script’s answers',
  'lib/messages.ts ParseRequest': 'the protocol: background → offscreen document',
  'lib/messages.ts TabState': 'the protocol: the state a TabReport gives',
};

/**
 * A signal family's rule, which its file exports beside `family` (core/signals/index.ts; `npm run new-signal`
 * writes it so): a test may run one rule alone. Read from each family's `rule:`, so a new family needs no entry here.
 */
function familyRules(): Set<string> {
  const rules = new Set<string>();
  const dir = join(ROOT, 'core/signals');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const rule = /export const family: Family = \{[^}]*?\brule: (\w+)/.exec(readFileSync(join(dir, name), 'utf8'))?.[1];
    if (rule) rules.add(`core/signals/${name} ${rule}`);
  }
  return rules;
}

describe('unused exports', () => {
  const rules = familyRules();
  const unused = unusedExports()
    .map(({ file, name, line }) => ({ key: `${file} ${name}`, at: `${file}:${line}` }))
    .filter(({ key }) => !rules.has(key));

  it('finds no export of core/, lib/ or components/ that nothing imports', () => {
    const unexpected = unused.filter(({ key }) => !(key in EXCEPTIONS)).map(({ key, at }) => `${at} ${key.split(' ')[1]}`);
    expect(unexpected, 'delete it, or drop its `export` when its file uses it').toEqual([]);
  });

  it('lists no exception that no longer applies', () => {
    const still = new Set(unused.map(({ key }) => key));
    expect(Object.keys(EXCEPTIONS).filter((key) => !still.has(key))).toEqual([]);
  });
});

/** Key families the code composes from an id (`t(\`kind_${id}\`)`): their keys are not written out in full. */
const COMPOSED_PREFIXES = ['kind_', 'locale_signal_', 'failure_'];

function extensionSources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) extensionSources(path, found);
    else if (/\.(ts|tsx|html)$/.test(name)) found.push(path);
  }
  return found;
}

describe('unused messages', () => {
  it('reads every key of messages.json: by name in the extension or the CLI, in the manifest, or composed from a listed prefix', () => {
    const text = [
      ...['core', 'lib', 'components', 'entrypoints', 'cli'].flatMap((dir) => extensionSources(join(ROOT, dir))),
      join(ROOT, 'wxt.config.ts'),
    ]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const keys = Object.keys(JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>);
    const quoted = (key: string) => ["'", '"', '`'].some((quote) => text.includes(`${quote}${key}${quote}`));
    const unread = keys.filter(
      (key) => !quoted(key) && !text.includes(`__MSG_${key}__`) && !COMPOSED_PREFIXES.some((prefix) => key.startsWith(prefix)),
    );
    expect(unread, 'remove them from every public/_locales/*/messages.json').toEqual([]);
    // Each listed prefix is still composed somewhere, and names keys.
    for (const prefix of COMPOSED_PREFIXES) {
      expect(text, prefix).toContain(`\`${prefix}\${`);
      expect(
        keys.some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });
});
