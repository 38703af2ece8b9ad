/**
 * WARC files for the crawl's tests and benchmark, written with warcio's writer (WARCRecord + WARCSerializer,
 * the Webrecorder library the crawl reads them with): one gzip member a record for .warc.gz, as crawlers write
 * them. Also the broken archives a real crawl meets: corrupt and cut-off gzip members, wrong Content-Lengths.
 */
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface RecordSpec {
  url: string;
  /** The payload: HTML text (written as UTF-8) or raw bytes. */
  body: string | Uint8Array;
  type?: 'response' | 'request' | 'resource' | 'metadata' | 'revisit' | 'warcinfo';
  date?: string;
  status?: number;
  contentType?: string;
  /** Extra HTTP headers (Content-Encoding, …). */
  headers?: Record<string, string>;
}

const encoder = new TextEncoder();

/** One record's bytes: gzip-compressed as its own member, or plain. */
export async function recordBytes(spec: RecordSpec, gzip: boolean): Promise<Uint8Array> {
  const payload = typeof spec.body === 'string' ? encoder.encode(spec.body) : spec.body;
  const type = spec.type ?? 'response';
  const http = type === 'response' || type === 'request' || type === 'revisit';
  const record = WARCRecord.create(
    {
      url: spec.url,
      date: spec.date ?? '2024-05-01T12:00:00Z',
      type,
      warcVersion: 'WARC/1.1',
      ...(http
        ? {
            statusline:
              type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${spec.status ?? 200} ${spec.status && spec.status !== 200 ? 'Not Found' : 'OK'}`,
            httpHeaders: { 'Content-Type': spec.contentType ?? 'text/html; charset=utf-8', ...spec.headers },
          }
        : { warcHeaders: { 'Content-Type': spec.contentType ?? 'application/octet-stream' } }),
    },
    [payload],
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** A whole archive's bytes. */
export async function warcBytes(specs: RecordSpec[], gzip = true): Promise<Uint8Array> {
  const parts = await Promise.all(specs.map((spec) => recordBytes(spec, gzip)));
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A member whose deflate data is damaged in the middle (bytes flipped after the gzip header). */
export function corrupt(member: Uint8Array): Uint8Array {
  const out = member.slice();
  for (let i = 20; i < Math.min(out.length - 8, 60); i++) out[i] = out[i]! ^ 0x5a;
  return out;
}

/** A plain record whose (WARC) Content-Length is off by `delta`. */
export function plainWrongLength(plainRecord: Uint8Array, delta: number): Uint8Array {
  const text = Buffer.from(plainRecord).toString('latin1');
  return Buffer.from(
    text.replace(/^Content-Length: (\d+)/im, (_, n: string) => `Content-Length: ${Number(n) + delta}`),
    'latin1',
  );
}

/** A plain record whose Content-Length is off by `delta`, re-compressed as one member. */
export function wrongLength(plainRecord: Uint8Array, delta: number): Uint8Array {
  return gzipSync(plainWrongLength(plainRecord, delta));
}

/** Pages (a corpus's, the fixture web's) as response records served at their URLs. */
export function pageRecords(pages: { url: string; html: string }[]): RecordSpec[] {
  return pages.map((page) => ({ url: page.url, body: page.html }));
}
