import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The French interface is complete: every English message has a French one
 * with the same substitutions, and none is left in English. Whoever adds an
 * English key adds its French in public/_locales/fr/messages.json.
 */
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
type Messages = Record<string, Entry>;

const read = (locale: string) => JSON.parse(readFileSync(join(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
const en = read('en');
const fr = read('fr');

/**
 * Messages that are the same words in French. Each is a name or a word French
 * uses as it is; nothing else may be equal to its English.
 */
const SAME_IN_FRENCH: Record<string, string> = {
  extensionName: 'the product name',
  columnSite: '"Site" is the French word too',
  history_columnActions: '"Actions" is the French word too',
};

/** $NAME$ placeholders (case-insensitive in browser.i18n) and bare $1 … $9 substitutions of a message. */
function substitutions(message: string): string[] {
  const named = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  const bare = [...message.replace(/\$([A-Za-z0-9_@]+)\$/g, '').matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`);
  return [...named, ...bare].sort();
}

function placeholderContents(entry: Entry): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

/** English words that never belong in a French sentence: an English phrase left half-translated. */
const ENGLISH_WORDS = /\b(the|and|this|that|with|from|was|were|is|are|of|to|your|you|not|could|page's|here|there)\b/i;

describe('French messages (public/_locales/fr/messages.json)', () => {
  const keys = Object.keys(en);

  it('has every English key and no key English no longer has', () => {
    expect(
      keys.filter((key) => !(key in fr)),
      'English keys with no French message',
    ).toEqual([]);
    expect(
      Object.keys(fr).filter((key) => !(key in en)),
      'French keys English no longer has',
    ).toEqual([]);
  });

  it.each(keys.filter((key) => key in fr))('%s: same substitutions as English', (key) => {
    expect(substitutions(fr[key]!.message)).toEqual(substitutions(en[key]!.message));
    expect(placeholderContents(fr[key]!)).toEqual(placeholderContents(en[key]!));
  });

  it('leaves no message in English', () => {
    const same = keys.filter((key) => key in fr && fr[key]!.message.trim() === en[key]!.message.trim() && !(key in SAME_IN_FRENCH));
    expect(same, 'French messages equal to their English').toEqual([]);
    // Text is French, not an English phrase with a French word or two: no English function words
    // (placeholders taken out first; $FROM$ and $TO$ are names, not words).
    const english = keys.filter(
      (key) => key in fr && !(key in SAME_IN_FRENCH) && ENGLISH_WORDS.test(fr[key]!.message.replace(/\$[A-Za-z0-9_@]+\$/g, '')),
    );
    expect(english, 'French messages with English words').toEqual([]);
  });

  it('allows only messages that really are the same in French', () => {
    for (const key of Object.keys(SAME_IN_FRENCH)) expect(fr[key]?.message, key).toBe(en[key]?.message);
  });

  it('every message is a non-empty string', () => {
    const bad = Object.entries(fr).filter(([, entry]) => typeof entry.message !== 'string' || entry.message.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });
});
