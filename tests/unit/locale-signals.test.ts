import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detect } from '@/core/detect';
import { SIGNAL_ENGLISH, englishOf, type SignalTextId } from '@/core/signal-text';
import type { Signal } from '@/core/types';
import { placeIsWorded, placeText, signalText } from '@/lib/signal-text';
import { checkRecord } from '@/lib/transfer';
import { htmldateIndex, readCorpusPage, readabilityIndex } from './corpus-helpers';
import { getMessage, getMessageIn } from './locale-messages';

/**
 * The evidence the engine finds is shown in the reader's language: every sentence a signal can say has
 * its messages (English the same as the engine's, French), and the signals found on real pages carry the
 * sentence's id and names, so the popup and the card can word them.
 */
const en = JSON.parse(readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** Real pages with evidence on them: the fixture web, the corpora's pages read for syndication (copies and traps). */
function evidencePages(): Array<{ name: string; url: string; html: string }> {
  const pages: Array<{ name: string; url: string; html: string }> = [];
  const web = join(__dirname, '../fixtures/web');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') {
        const route = path.slice(web.length + 1, -'index.html'.length);
        pages.push({ name: route, url: `https://${route}`, html: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(web);
  for (const entry of htmldateIndex().filter((e) => e.syndicated !== undefined))
    pages.push({ name: entry.name, url: entry.url, html: readCorpusPage('htmldate', entry.file) });
  for (const entry of readabilityIndex().filter((e) => e.syndicated))
    pages.push({ name: entry.name, url: entry.url, html: readCorpusPage('readability', entry.file) });
  return pages;
}

describe("evidence in the reader's language", () => {
  it('has an English message for every sentence, the same as the engine writes', () => {
    for (const id of Object.keys(SIGNAL_ENGLISH) as SignalTextId[]) {
      const key = `locale_signal_${id}`;
      expect(en[key], key).toBeDefined();
      const args = ['<1>', '<2>', '<3>'].slice(0, (SIGNAL_ENGLISH[id].match(/\$\d/g) ?? []).length);
      expect(getMessage(key, args), key).toBe(englishOf({ id, args }));
    }
  });

  describe('on real pages', () => {
    const signals: Signal[] = evidencePages().flatMap((page) => detect(parseHTML(page.html).document as unknown as Document, page.url).signals);

    it('finds evidence of many kinds (the check below is not vacuous)', () => {
      expect(signals.length).toBeGreaterThan(50);
      expect(new Set(signals.map((s) => s.say?.id)).size, [...new Set(signals.map((s) => s.say?.id))].join(' ')).toBeGreaterThanOrEqual(25);
    });

    it('gives every signal its sentence id and names, which say what `detail` says', () => {
      const bad = signals.filter((s) => !s.say || englishOf(s.say as { id: SignalTextId; args: string[] }) !== s.detail);
      expect(bad.map((s) => s.detail)).toEqual([]);
    });

    it('words every location the engine writes in words', () => {
      const unworded = [...new Set(signals.map((s) => s.evidence.location))].filter((location) => !placeIsWorded(location));
      expect(unworded).toEqual([]);
    });

    it('shows them in French with no English sentence left', () => {
      fakeBrowser.reset();
      fakeBrowser.i18n.getMessage = getMessageIn('fr') as typeof fakeBrowser.i18n.getMessage;
      for (const signal of signals) {
        const text = signalText(signal);
        expect(text, signal.detail).not.toBe(signal.detail);
        expect(text).not.toMatch(/\$[A-Z0-9]/);
      }
    });
  });
});

describe('the wording functions', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = getMessageIn('fr') as typeof fakeBrowser.i18n.getMessage;
  });

  it('translate a sentence with its names', () => {
    expect(signalText({ detail: 'Source link points to usa-news.biz', say: { id: 'sourceLink', args: ['usa-news.biz'] } })).toBe(
      'Le lien vers la source pointe vers usa-news.biz',
    );
  });

  it("keep the engine's English for a record kept from before (no id) or an id without a message", () => {
    expect(signalText({ detail: 'Source link points to usa-news.biz' })).toBe('Source link points to usa-news.biz');
    expect(signalText({ detail: 'Something new', say: { id: 'somethingNew', args: [] } })).toBe('Something new');
  });

  it('translate the words of a location and keep markup and labels from the page', () => {
    expect(placeText('end of the article, "Source link" line')).toBe("fin de l'article, ligne « Source link »");
    expect(placeText('page footer, copyright line')).toBe("pied de page, mention de droits d'auteur");
    expect(placeText('<link rel="canonical">')).toBe('<link rel="canonical">');
    expect(placeText('JSON-LD isBasedOn; start of the article, byline')).toBe("JSON-LD isBasedOn; début de l'article, signature");
    expect(placeIsWorded('end of the article, an unknown place')).toBe(false);
  });
});

describe('export and import keep the sentence ids', () => {
  const record = detect(
    parseHTML(
      readFileSync(
        join(
          __dirname,
          '../fixtures/web/newsharbordaily.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/index.html',
        ),
        'utf8',
      ),
    ).document as unknown as Document,
    'https://newsharbordaily.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
  );

  it("so an imported history is shown in the reader's language too", () => {
    expect(record.signals.every((s) => s.say)).toBe(true);
    const back = checkRecord(JSON.parse(JSON.stringify(record)));
    expect(back.signals.map((s) => s.say)).toEqual(record.signals.map((s) => s.say));
  });

  it('leaves out an id this version does not know (the English detail shows) and refuses a malformed one', () => {
    const copy = JSON.parse(JSON.stringify(record)) as typeof record;
    copy.signals[0]!.say = { id: 'fromANewerVersion', args: [] };
    expect(checkRecord(copy).signals[0]!.say).toBeUndefined();
    copy.signals[0]!.say = { id: 'sourceLink', args: 'usa-news.biz' as unknown as string[] };
    expect(() => checkRecord(copy)).toThrow(/say\.args/);
  });
});
