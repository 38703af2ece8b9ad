/**
 * WARC files in, HTML pages out: every record of a .warc or .warc.gz file, as a page to run the engine on
 * (an HTML `response` record: its target URI, its date, its HTTP status, its bytes) or as a skip with its
 * reason. Records are parsed by warcio (the Webrecorder library), which also undoes the HTTP chunking and
 * content encoding of stored responses. A .warc.gz file is read gzip member by gzip member
 * (crawl/gzip-members.ts), so a corrupt or cut-off member costs one record and the rest are read.
 * Memory stays bounded: a record over `maxPageBytes` is skipped without being inflated whole.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { GzipMembers, type Member } from './gzip-members';

export type SkipReason =
  'not-response' | 'not-html' | 'http-status' | 'too-large' | 'bad-length' | 'corrupt-gzip' | 'truncated' | 'bad-record' | 'engine-error';

/** The reasons that are routine in a crawl (counted only), as against a problem with the archive (also listed). */
export const ROUTINE_SKIPS: ReadonlySet<SkipReason> = new Set(['not-response', 'not-html', 'http-status']);

export interface WarcPage {
  kind: 'page';
  /** The record's byte offset in the file: its gzip member's for .warc.gz. */
  offset: number;
  url: string;
  /** WARC-Date, as written (ISO 8601). */
  date: string | null;
  status: number | null;
  /** The charset of the HTTP Content-Type, else null. */
  charset: string | null;
  body: Uint8Array;
}

export interface WarcSkip {
  kind: 'skip';
  offset: number;
  url: string | null;
  reason: SkipReason;
  detail: string;
}

export type WarcItem = WarcPage | WarcSkip;

export interface WarcOptions {
  /** Pages over this many bytes (the record's payload) are skipped as too large (default 8 MiB). */
  maxPageBytes?: number;
}

const DEFAULT_MAX_PAGE = 8 * 1024 * 1024;
/** Room for the WARC and HTTP headers around a payload of maxPageBytes. */
const HEADER_ROOM = 256 * 1024;
const READ_CHUNK = 1024 * 1024;
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;
const WARC_START = new TextEncoder().encode('WARC/');

/** Whether the file is gzip (by its first bytes, whatever its name says). */
async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Every record of a WARC file, in order, as a page or a skip. Never throws for the archive's content, only when the file cannot be read. */
export async function* readWarc(path: string, options: WarcOptions = {}): AsyncGenerator<WarcItem> {
  const maxPageBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE;
  if (await isGzipFile(path)) yield* readGzipWarc(path, maxPageBytes);
  else yield* readPlainWarc(path, maxPageBytes);
}

async function* readGzipWarc(path: string, maxPageBytes: number): AsyncGenerator<WarcItem> {
  const members = new GzipMembers({ maxBytes: maxPageBytes + HEADER_ROOM, startsRecord: startsWithWarc });
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const member of members.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))) yield* memberItems(member, maxPageBytes);
  }
  for (const member of members.end()) yield* memberItems(member, maxPageBytes);
}

function startsWithWarc(bytes: Uint8Array): boolean {
  return WARC_START.every((byte, i) => bytes[i] === byte);
}

async function* memberItems(member: Member, maxPageBytes: number): AsyncGenerator<WarcItem> {
  const { offset } = member;
  if (member.error) {
    yield { kind: 'skip', offset, url: targetUri(member.bytes), reason: member.error.reason, detail: member.error.detail };
    return;
  }
  if (member.oversize) {
    const declared = contentLength(member.bytes);
    yield {
      kind: 'skip',
      offset,
      url: targetUri(member.bytes),
      reason: 'too-large',
      detail: `record of ${declared === null ? `more than ${maxPageBytes}` : declared} bytes (limit ${maxPageBytes})`,
    };
    return;
  }
  // One record a member, as WARC writers do; a member holding several records is read record by record.
  let at = 0;
  while (at < member.bytes.length) {
    const bytes = member.bytes.subarray(at);
    const framing = recordFraming(bytes);
    if (!framing.ok) {
      yield { kind: 'skip', offset, url: targetUri(bytes), reason: framing.reason, detail: framing.detail };
      return;
    }
    // What follows a record in its member: nothing, or the next record; anything else means its Content-Length is wrong.
    const after = at + framing.next;
    if (after < member.bytes.length && !startsWithWarc(member.bytes.subarray(after))) {
      yield {
        kind: 'skip',
        offset,
        url: targetUri(bytes),
        reason: 'bad-length',
        detail: `Content-Length says ${framing.end - framing.headerEnd} bytes, and ${member.bytes.length - after} more bytes of the record follow it`,
      };
      return;
    }
    yield await recordItem(bytes.subarray(0, framing.end), offset, maxPageBytes);
    at = after;
  }
}

type Framing = { ok: true; headerEnd: number; end: number; next: number } | { ok: false; reason: SkipReason; detail: string };

const CRLFCRLF = [13, 10, 13, 10];

/** Where the record at the start of `bytes` ends, from its Content-Length, checked against what is there. */
function recordFraming(bytes: Uint8Array): Framing {
  if (!startsWithWarc(bytes)) return { ok: false, reason: 'bad-record', detail: 'the record does not start with a WARC/ version line' };
  const headerEnd = indexOfSequence(bytes, CRLFCRLF, 0, 64 * 1024);
  if (headerEnd < 0) return { ok: false, reason: 'bad-record', detail: 'the WARC headers do not end' };
  const declared = contentLength(bytes);
  if (declared === null) return { ok: false, reason: 'bad-record', detail: 'the record has no valid Content-Length' };
  const end = headerEnd + 4 + declared;
  if (end > bytes.length)
    return { ok: false, reason: 'bad-length', detail: `Content-Length says ${declared} bytes, the record holds ${bytes.length - headerEnd - 4}` };
  // The record is followed by two CRLFs (tolerating writers that put fewer).
  let next = end;
  while (next < bytes.length && next < end + 4 && (bytes[next] === 13 || bytes[next] === 10)) next++;
  return { ok: true, headerEnd: headerEnd + 4, end, next };
}

/** A complete, well-framed record → a page or a skip. */
async function recordItem(bytes: Uint8Array, offset: number, maxPageBytes: number): Promise<WarcItem> {
  let record: WARCRecord | null;
  try {
    record = await new WARCParser(new AsyncIterReader([bytes], null)).parse();
  } catch (error) {
    return { kind: 'skip', offset, url: targetUri(bytes), reason: 'bad-record', detail: `unreadable record: ${(error as Error).message}` };
  }
  if (!record) return { kind: 'skip', offset, url: null, reason: 'bad-record', detail: 'no record' };
  return pageOf(record, offset, maxPageBytes);
}

async function pageOf(record: WARCRecord, offset: number, maxPageBytes: number): Promise<WarcItem> {
  const url = record.warcTargetURI ?? null;
  const type = record.warcType;
  if (type !== 'response') return { kind: 'skip', offset, url, reason: 'not-response', detail: `a ${type || 'untyped'} record` };
  const info = record.getResponseInfo();
  if (!info || !url) return { kind: 'skip', offset, url, reason: 'not-response', detail: 'a response record without HTTP headers or target URI' };
  const contentType = info.headers.get('content-type') ?? '';
  if (!HTML_TYPE.test(contentType)) return { kind: 'skip', offset, url, reason: 'not-html', detail: contentType || 'no Content-Type' };
  const status = Number(info.status);
  if (!(status >= 200 && status < 300)) return { kind: 'skip', offset, url, reason: 'http-status', detail: `HTTP ${info.status ?? '?'}` };
  if (record.warcContentLength > maxPageBytes + HEADER_ROOM) {
    await record.skipFully();
    return { kind: 'skip', offset, url, reason: 'too-large', detail: `record of ${record.warcContentLength} bytes (limit ${maxPageBytes})` };
  }
  let body: Uint8Array;
  try {
    body = await readContent(record, maxPageBytes);
  } catch (error) {
    return { kind: 'skip', offset, url, reason: 'bad-record', detail: `unreadable payload: ${(error as Error).message}` };
  }
  if (body.length > maxPageBytes) return { kind: 'skip', offset, url, reason: 'too-large', detail: `page of more than ${maxPageBytes} bytes` };
  const charset = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] ?? null;
  return { kind: 'page', offset, url, date: record.warcDate ?? null, status, charset, body };
}

/** The record's content (dechunked and decoded), read up to one byte past the limit. */
async function readContent(record: WARCRecord, maxPageBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record.contentReader) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > maxPageBytes) break;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A plain .warc: one stream, records framed by their Content-Length (no recovery past a wrong one). */
async function* readPlainWarc(path: string, maxPageBytes: number): AsyncGenerator<WarcItem> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  const parser = new WARCParser(new AsyncIterReader(stream as AsyncIterable<Uint8Array>, null));
  for (;;) {
    let record: WARCRecord | null;
    const offset = parser.offset;
    try {
      record = await parser.parse();
    } catch (error) {
      yield { kind: 'skip', offset, url: null, reason: 'bad-record', detail: `unreadable record: ${(error as Error).message}` };
      return;
    }
    if (!record) return;
    if (!record.warcHeaders.protocol?.startsWith('WARC/')) {
      yield {
        kind: 'skip',
        offset,
        url: null,
        reason: 'bad-record',
        detail: 'the record does not start with a WARC/ version line; the rest of the file is not read',
      };
      return;
    }
    yield await pageOf(record, offset, maxPageBytes);
  }
}

const TEXT = new TextDecoder('latin1');

/** WARC-Target-URI from the start of a record's bytes, for naming a record that cannot be read. */
function targetUri(bytes: Uint8Array): string | null {
  const head = TEXT.decode(bytes.subarray(0, Math.min(bytes.length, 8192)));
  return /^WARC-Target-URI:[ \t]*<?([^\r\n>]+)>?/im.exec(head)?.[1]?.trim() ?? null;
}

function contentLength(bytes: Uint8Array): number | null {
  const head = TEXT.decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const headerEnd = head.indexOf('\r\n\r\n');
  const match = /^Content-Length:[ \t]*(\d+)[ \t]*$/im.exec(headerEnd < 0 ? head : head.slice(0, headerEnd));
  return match ? Number(match[1]) : null;
}

function indexOfSequence(bytes: Uint8Array, sequence: number[], from: number, limit: number): number {
  const end = Math.min(bytes.length - sequence.length, from + limit);
  for (let i = from; i <= end; i++) {
    let j = 0;
    while (j < sequence.length && bytes[i + j] === sequence[j]) j++;
    if (j === sequence.length) return i;
  }
  return -1;
}
