/**
 * Undeclared pages that are not UTF-8: their encoding is guessed from the bytes (core/sniff-encoding.ts), as
 * browsers guess it, instead of always reading them as windows-1252. The fixtures are short news articles with no
 * <meta charset> and no byte order mark, in their languages' legacy encodings (tests/fixtures/encodings/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlEncoding } from '../../core/decode';
import { sniffEncoding, sniffEncodingScores } from '../../core/sniff-encoding';

const DIR = join(__dirname, '../fixtures/encodings');

interface Fixture {
  file: string;
  /** The Encoding Standard's name of the encoding the page was written in. */
  encoding: string;
  headline: string;
  /** The whole page, as text. */
  html: string;
}

const FIXTURES = JSON.parse(readFileSync(join(DIR, 'fixtures.json'), 'utf8')) as Fixture[];

function bytesOf(file: string): Uint8Array {
  const buffer = readFileSync(join(DIR, file));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

function fixture(prefix: string): Fixture & { bytes: Uint8Array } {
  const found = FIXTURES.find((entry) => entry.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return { ...found, bytes: bytesOf(found.file) };
}

/** ASCII markup with raw (already encoded) bytes spliced in. */
function page(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  const bytes: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const char of part) bytes.push(char.charCodeAt(0));
    else bytes.push(...part);
  }
  return Uint8Array.from(bytes);
}

/** The same text, whichever of the two encodings reads it (Hungarian reads the same in ISO-8859-2 and windows-1250). */
function sameText(bytes: Uint8Array, a: string, b: string): boolean {
  return decodeHtml(bytes, a) === decodeHtml(bytes, b);
}

describe('an undeclared page in a legacy encoding is sniffed, not read as windows-1252', () => {
  it('has fixtures in every language the brief names, none of them declared, none of them UTF-8', () => {
    const languages = new Set(FIXTURES.map((entry) => /lang="([a-z]+)/.exec(entry.html)?.[1]));
    for (const lang of ['zh', 'ja', 'ko', 'ru', 'uk', 'bg', 'el', 'pl', 'cs', 'ar', 'th', 'fr', 'de', 'es']) expect(languages).toContain(lang);
    for (const entry of FIXTURES) {
      const bytes = bytesOf(entry.file);
      expect(entry.html).not.toMatch(/charset/i);
      expect([bytes[0], bytes[1]]).not.toEqual([0xef, 0xbb]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    }
  });

  for (const entry of FIXTURES) {
    it(`${entry.file}: ${entry.headline}`, () => {
      const bytes = bytesOf(entry.file);
      const detected = htmlEncoding(bytes);
      expect(detected === entry.encoding || sameText(bytes, detected, entry.encoding), `detected ${detected}`).toBe(true);
      const text = decodeHtml(bytes);
      expect(text).toBe(entry.html);
      expect(/<h1>([^<]*)<\/h1>/.exec(text)?.[1]).toBe(entry.headline);
    });
  }

  it('names the encoding itself, not a look-alike, where the two read the text differently', () => {
    expect(htmlEncoding(fixture('ru-rate').bytes)).toBe('koi8-r');
    expect(htmlEncoding(fixture('el-earthquake').bytes)).toBe('iso-8859-7'); // its Ά is ¶ in windows-1253
    expect(htmlEncoding(fixture('sk-census').bytes)).toBe('iso-8859-2'); // its š ť ž ľ are other letters in windows-1250
    expect(htmlEncoding(fixture('ja-shinkansen').bytes)).toBe('euc-jp');
    expect(htmlEncoding(fixture('zh-hant-typhoon').bytes)).toBe('big5');
  });
});

describe('what is declared still wins over what is sniffed', () => {
  const gbk = fixture('zh-hans-economy');

  it('the Content-Type charset', () => {
    expect(htmlEncoding(gbk.bytes, 'big5')).toBe('big5');
    expect(htmlEncoding(fixture('ru-rate').bytes, 'windows-1251')).toBe('windows-1251');
    expect(htmlEncoding(fixture('fr-strike').bytes, 'iso-8859-1')).toBe('windows-1252');
  });

  it('a <meta charset>, even one that is wrong for the bytes (a browser would read them as declared too)', () => {
    const declared = page('<meta charset="windows-1251">', gbk.bytes);
    expect(htmlEncoding(declared)).toBe('windows-1251');
    const httpEquiv = page('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">', fixture('ko-weather').bytes);
    expect(htmlEncoding(httpEquiv)).toBe('shift_jis');
  });

  it('a byte order mark', () => {
    expect(htmlEncoding(page([0xef, 0xbb, 0xbf], gbk.bytes))).toBe('utf-8');
  });

  it('the page address only breaks ties: it does not overrule clear bytes', () => {
    expect(htmlEncoding(gbk.bytes, null, 'https://www.example.com.tw/news/1.html')).toBe('gbk');
    expect(htmlEncoding(fixture('ru-metro').bytes, null, 'https://www.example.fr/')).toBe('windows-1251');
    expect(decodeHtml(fixture('zh-hant-hongkong').bytes, null, 'https://news.example.cn/')).toBe(fixture('zh-hant-hongkong').html);
  });
});

describe('pages that need no sniffing', () => {
  it('an ASCII page is UTF-8, whatever its address hints', () => {
    const ascii = page('<html><head><title>Council approves flood plan</title></head><body><p>Work begins in spring.</p></body></html>');
    expect(htmlEncoding(ascii)).toBe('utf-8');
    expect(htmlEncoding(ascii, null, 'https://www.example.cn/')).toBe('utf-8');
    expect(htmlEncoding(ascii, null, 'https://www.example.ru/')).toBe('utf-8');
  });

  it('an undeclared UTF-8 page in any script stays UTF-8', () => {
    for (const entry of FIXTURES) expect(htmlEncoding(new TextEncoder().encode(entry.html))).toBe('utf-8');
  });
});

describe('the country domain of the address breaks a near tie', () => {
  // B5 A5 is 单 in GBK, 等 in Big5 and a Hangul syllable in EUC-KR: all three read one common character.
  const tie = page('<p>', [0xb5, 0xa5], '</p>');

  it('passed as the third argument', () => {
    expect(htmlEncoding(tie)).toBe('gbk');
    expect(htmlEncoding(tie, null, 'https://news.example.cn/2024/03/a.html')).toBe('gbk');
    expect(htmlEncoding(tie, null, 'https://www.example.com.tw/news/1')).toBe('big5');
    expect(htmlEncoding(tie, null, 'http://example.hk/')).toBe('big5');
    expect(htmlEncoding(tie, null, 'https://www.example.co.kr/')).toBe('euc-kr');
    expect(decodeHtml(tie, null, 'https://www.example.com.tw/news/1')).toBe('<p>等</p>');
  });

  it('or named by a saved page itself: "saved from url", its canonical link', () => {
    expect(htmlEncoding(page('<!-- saved from url=(0033)https://www.example.com.tw/news/1 -->\n', tie))).toBe('big5');
    expect(htmlEncoding(page('<link rel="canonical" href="https://www.example.co.kr/a">', tie))).toBe('euc-kr');
    expect(htmlEncoding(page('<link rel="canonical" href="https://www.example.co.kr/a">', tie), null, 'https://x.example.cn/')).toBe('gbk');
  });

  it('an address without a known country domain changes nothing', () => {
    for (const url of ['https://www.example.com/', 'not a url', '', 'file:///home/me/page.html']) expect(htmlEncoding(tie, null, url)).toBe('gbk');
  });
});

describe('cut bytes', () => {
  it('a page cut in the middle of a character keeps its encoding, wherever the cut falls', () => {
    for (const prefix of ['zh-hans-economy', 'zh-hant-typhoon', 'ja-boj', 'ja-shinkansen', 'ko-weather']) {
      const { bytes, encoding } = fixture(prefix);
      const body = new TextDecoder('latin1').decode(bytes).indexOf('<p>');
      for (let end = body + 60; end <= bytes.length; end++) expect(htmlEncoding(bytes.subarray(0, end)), `${prefix} cut at ${end}`).toBe(encoding);
    }
  });

  it('a character across the end of the 64 KB looked at does not change the answer', () => {
    const { bytes, html } = fixture('zh-hans-weather');
    const text = new TextDecoder('latin1').decode(bytes);
    const body = text.indexOf('<p>') + 3;
    // ASCII padding that puts the first Chinese character of the body at 65,534 (within the 64 KB), 65,535 (across the
    // end), 65,536 and 65,537 (beyond: only the headline is looked at).
    for (const at of [65534, 65535, 65536, 65537]) {
      const padding = `<!--${'x'.repeat(at - body - 7)}-->`;
      const padded = page(bytes.subarray(0, body - 3), padding, bytes.subarray(body - 3));
      expect(padded[at - 1]).toBe(0x3e); // the > of <p>
      expect(padded[at]).toBeGreaterThanOrEqual(0x80);
      expect(htmlEncoding(padded)).toBe('gbk');
      expect(decodeHtml(padded)).toBe(html.replace('<p>', `${padding}<p>`));
    }
  });

  it('a long page (more non-ASCII text than the sample holds) is read whole, in the sniffed encoding', () => {
    const { bytes, html } = fixture('ja-shinkansen');
    const text = new TextDecoder('latin1').decode(bytes);
    const start = text.indexOf('<article>');
    const end = text.indexOf('</article>') + '</article>'.length;
    const copies = 40;
    const long = page(bytes.subarray(0, start), ...Array.from({ length: copies }, () => bytes.subarray(start, end)), bytes.subarray(end));
    expect(htmlEncoding(long)).toBe('euc-jp');
    const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + '</article>'.length);
    expect(decodeHtml(long)).toBe(html.replace(article, article.repeat(copies)));
  });
});

describe('bytes that are no text', () => {
  it('random bytes do not throw and get an encoding TextDecoder knows', () => {
    let seed = 0x2f6b3a1d;
    const random = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let round = 0; round < 60; round++) {
      const length = 1 + Math.floor(random() * (round < 50 ? 3000 : 100_000));
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      const encoding = sniffEncoding(bytes);
      expect(() => new TextDecoder(encoding)).not.toThrow();
      expect(typeof decodeHtml(bytes)).toBe('string');
      expect(sniffEncodingScores(bytes).length).toBeGreaterThan(0);
    }
  });

  it('every candidate is scored, and the scores are numbers', () => {
    const scores = sniffEncodingScores(fixture('ar-oil').bytes);
    expect(scores[0]?.encoding).toBe('windows-1256');
    expect(scores.length).toBe(17);
    for (const { score } of scores) expect(Number.isFinite(score)).toBe(true);
    expect(sniffEncodingScores(new Uint8Array(0))).toEqual([{ encoding: 'windows-1252', score: 0 }]);
  });
});
