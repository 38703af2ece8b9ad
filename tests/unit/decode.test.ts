/** Page bytes decoded as a browser would: byte order mark, declared charset, <meta> in the head, else UTF-8 or windows-1252. */
import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlEncoding } from '../../core/decode';
import { readCappedText } from '../../core/fetch-failures';

/** ASCII markup with raw (already encoded) bytes spliced in where the text goes. */
function page(...parts: (string | number[])[]): Uint8Array {
  const bytes: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const char of part) bytes.push(char.charCodeAt(0));
    else bytes.push(...part);
  }
  return Uint8Array.from(bytes);
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
// 新华网北京 in GBK, 日本ニュース in Shift_JIS, "Müller – „Straße“ €" in windows-1252.
const GBK = [0xd0, 0xc2, 0xbb, 0xaa, 0xcd, 0xf8, 0xb1, 0xb1, 0xbe, 0xa9];
const SHIFT_JIS = [0x93, 0xfa, 0x96, 0x7b, 0x83, 0x6a, 0x83, 0x85, 0x81, 0x5b, 0x83, 0x58];
const CP1252 = [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x96, 0x20, 0x84, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x93, 0x20, 0x80];

describe('decodeHtml', () => {
  it('a UTF-8 byte order mark wins over a <meta> that says otherwise, and is dropped', () => {
    const bytes = page([0xef, 0xbb, 0xbf], '<html><head><meta charset="windows-1252"><title>', utf8('Café – Zürich'), '</title></head></html>');
    expect(htmlEncoding(bytes)).toBe('utf-8');
    expect(decodeHtml(bytes)).toBe('<html><head><meta charset="windows-1252"><title>Café – Zürich</title></head></html>');
  });

  it('UTF-16 pages by their byte order mark, little- and big-endian', () => {
    const html = '<html><head><title>Ärzte warnen – 医生</title></head></html>';
    const le = [...Buffer.from(html, 'utf16le')];
    const be: number[] = [];
    for (let i = 0; i < le.length; i += 2) be.push(le[i + 1] ?? 0, le[i] ?? 0);
    expect(decodeHtml(page([0xff, 0xfe], le))).toBe(html);
    expect(decodeHtml(page([0xfe, 0xff], be))).toBe(html);
    expect(htmlEncoding(page([0xfe, 0xff], be))).toBe('utf-16be');
  });

  it('<meta charset="gbk"> (and gb2312, its older label) reads Chinese pages', () => {
    const gbk = page('<!DOCTYPE html><html><head><meta charset="gbk"><title>', GBK, '</title></head><body></body></html>');
    expect(decodeHtml(gbk)).toContain('<title>新华网北京</title>');
    const gb2312 = page(
      '<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n<title>',
      GBK,
      '</title></head></html>',
    );
    expect(htmlEncoding(gb2312)).toBe('gbk');
    expect(decodeHtml(gb2312)).toContain('新华网北京');
  });

  it('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">, attributes in either order', () => {
    const first = page(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><title>',
      SHIFT_JIS,
      '</title></head></html>',
    );
    expect(decodeHtml(first)).toContain('<title>日本ニュース</title>');
    const reversed = page(
      "<html><head><META CONTENT='text/html;charset=Shift_JIS' HTTP-EQUIV='content-type'><title>",
      SHIFT_JIS,
      '</title></head></html>',
    );
    expect(decodeHtml(reversed)).toContain('<title>日本ニュース</title>');
  });

  it('an undeclared page that is not UTF-8 reads as windows-1252, its 0x80–0x9F punctuation included', () => {
    const bytes = page('<html><head><title>', CP1252, '</title></head></html>');
    expect(htmlEncoding(bytes)).toBe('windows-1252');
    expect(decodeHtml(bytes)).toContain('<title>Müller – „Straße“ €</title>');
  });

  it('iso-8859-1 is read as windows-1252, as browsers do', () => {
    const bytes = page('<html><head><meta charset=iso-8859-1><title>', CP1252, '</title></head></html>');
    expect(decodeHtml(bytes)).toContain('Müller – „Straße“ €');
  });

  it('undeclared UTF-8 stays UTF-8, even with a stray byte among many UTF-8 characters', () => {
    expect(decodeHtml(page('<p>', utf8('Grüße aus Köln, 東京'), '</p>'))).toBe('<p>Grüße aus Köln, 東京</p>');
    const stray = page('<p>', utf8('Grüße aus Köln – schön, süß, größer'), [0xa0], '</p>');
    expect(htmlEncoding(stray)).toBe('utf-8');
  });

  it('a declared (Content-Type) charset outranks the <meta>; a declared UTF-8 page with bad bytes stays UTF-8', () => {
    const bytes = page('<html><head><meta charset="gbk"><title>', utf8('Grüße'), '</title></head></html>');
    expect(decodeHtml(bytes, 'utf-8')).toContain('<title>Grüße</title>');
    const broken = page('<meta charset="utf-8"><p>', utf8('Grüße'), [0xfc], '</p>');
    expect(decodeHtml(broken)).toBe('<meta charset="utf-8"><p>Grüße\ufffd</p>');
  });

  it('a <meta> later than the first 1,024 bytes counts while the head lasts, not in the body', () => {
    const padding = `<script>${'var x = 1;\n'.repeat(150)}</script>`;
    const lateInHead = page('<html><head>', padding, '<meta charset="shift_jis"><title>', SHIFT_JIS, '</title></head><body></body></html>');
    expect(htmlEncoding(lateInHead)).toBe('shift_jis');
    const inBody = page('<html><head><title>x</title></head><body>', padding, '<meta charset="shift_jis"><p>', utf8('日本'), '</p></body></html>');
    expect(htmlEncoding(inBody)).toBe('utf-8');
  });

  it('ignores a <meta charset> inside a comment or a script, an unknown label, and a UTF-16 label in ASCII bytes', () => {
    expect(htmlEncoding(page('<!-- <meta charset="gbk"> --><meta charset="utf-8">'))).toBe('utf-8');
    expect(htmlEncoding(page('<script>document.write(\'<meta charset="gbk">\')</script><p>', utf8('é'), '</p>'))).toBe('utf-8');
    expect(htmlEncoding(page('<meta charset="x-unknown-9"><meta charset="shift_jis">'))).toBe('shift_jis');
    expect(htmlEncoding(page('<meta charset="utf-16">'))).toBe('utf-8');
  });
});

describe('fetched originals are decoded as a browser would', () => {
  it("reads the page's <meta charset> when the Content-Type header names none", async () => {
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="gbk"><title>'),
      0xc4,
      0xe3,
      0xba,
      0xc3,
      ...new TextEncoder().encode('</title></head></html>'),
    ]);
    const response = new Response(gbk, { headers: { 'content-type': 'text/html' } });
    expect(await readCappedText(response, 1_000_000)).toContain('<title>你好</title>');
  });
});

describe('a saved page re-encoded as UTF-8 that keeps its old <meta charset>', () => {
  it('is read as UTF-8 when its bytes are valid UTF-8 over many characters, and as declared otherwise', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>人工智能迈上新台阶_科技_新闻网</title></head></html>';
    expect(decodeHtml(new TextEncoder().encode(page))).toContain('<title>人工智能迈上新台阶_科技_新闻网</title>');
    // Real GBK bytes under the same declaration stay GBK ("你好世界你好世界" in GBK is not valid UTF-8).
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="gbk"><p>'),
      ...[0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7].flatMap((b, i, all) => (i === 0 ? [...all, ...all] : [])),
    ]);
    expect(htmlEncoding(gbk)).toBe('gbk');
    expect(decodeHtml(gbk)).toContain('你好世界你好世界');
  });
});
