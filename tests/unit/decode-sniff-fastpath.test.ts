/**
 * The encoding sniffer (core/sniff-encoding.ts) runs only for a page that declares nothing and is not UTF-8: an
 * ASCII page, a UTF-8 page and a declared page take the path they took before it existed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeHtml, htmlEncoding } from '../../core/decode';
import * as sniffer from '../../core/sniff-encoding';

vi.mock('../../core/sniff-encoding', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../core/sniff-encoding')>();
  return { ...original, sniffEncoding: vi.fn(original.sniffEncoding) };
});

const sniffEncoding = vi.mocked(sniffer.sniffEncoding);

function bytesOf(file: string): Uint8Array {
  const buffer = readFileSync(join(__dirname, '../fixtures/encodings', file));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

describe('when the sniffer runs', () => {
  beforeEach(() => {
    sniffEncoding.mockClear();
  });

  it('never for an ASCII page, however long', () => {
    const ascii = new TextEncoder().encode(
      `<html><head><title>Budget</title></head><body>${'<p>The council met on Tuesday.</p>\n'.repeat(6000)}</body></html>`,
    );
    expect(htmlEncoding(ascii)).toBe('utf-8');
    expect(htmlEncoding(ascii, null, 'https://www.example.cn/')).toBe('utf-8');
    expect(sniffEncoding).not.toHaveBeenCalled();
  });

  it('never for a UTF-8 page, nor for a declared one', () => {
    expect(htmlEncoding(new TextEncoder().encode('<p>Grüße aus Köln, 东京, Москва</p>'))).toBe('utf-8');
    const gbk = bytesOf('zh-hans-economy.gbk.html');
    expect(htmlEncoding(gbk, 'gbk')).toBe('gbk');
    expect(decodeHtml(gbk, 'gb2312')).toContain('国家统计局');
    expect(htmlEncoding(new Uint8Array([...new TextEncoder().encode('<meta charset="big5">'), ...gbk]))).toBe('big5');
    expect(sniffEncoding).not.toHaveBeenCalled();
  });

  it('once for an undeclared page that is not UTF-8, with the address it was given', () => {
    const gbk = bytesOf('zh-hans-economy.gbk.html');
    expect(decodeHtml(gbk, null, 'https://www.example.cn/a.html')).toContain('<h1>国家统计局：一季度国内生产总值同比增长5.3%</h1>');
    expect(sniffEncoding).toHaveBeenCalledTimes(1);
    expect(sniffEncoding).toHaveBeenCalledWith(gbk, 'https://www.example.cn/a.html');
  });
});
