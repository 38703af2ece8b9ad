/**
 * WARC files in, HTML pages out: every record of a .warc or .warc.gz file, as a page to run the engine on
 * (an HTML `response` record: its target URI, its date, its HTTP status, its bytes) or as a skip with its
 * reason. Records are parsed by warcio (the Webrecorder library), which also undoes the HTTP chunking and
 * content encoding of stored responses. A .warc.gz file is read gzip member by gzip member
 * (crawl/gzip-members.ts), so a corrupt or cut-off member costs one record and the rest are read; a plain
 * .warc is framed record by record the same way, so a wrong length costs one record too.
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
  const header = recordHeader(bytes);
  if (!header.ok) return { ok: false, reason: 'bad-record', detail: header.detail };
  const { headerEnd, declared } = header;
  const end = headerEnd + declared;
  if (end > bytes.length)
    return { ok: false, reason: 'bad-length', detail: `Content-Length says ${declared} bytes, the record holds ${bytes.length - headerEnd}` };
  // The record is followed by two CRLFs (tolerating writers that put fewer).
  let next = end;
  while (next < bytes.length && next < end + 4 && (bytes[next] === 13 || bytes[next] === 10)) next++;
  return { ok: true, headerEnd, end, next };
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

/**
 * A plain .warc: records framed by their Content-Length, each checked against what follows it (the next
 * record's WARC/ line, or the end of the file), as in a .warc.gz member. A record whose length is wrong, or
 * bytes that are not a record, are skipped with their reason, and the reading goes on at the next line that
 * starts a record. A record over the size limit is skipped by seeking past it, never read whole.
 */
async function* readPlainWarc(path: string, maxPageBytes: number): AsyncGenerator<WarcItem> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const readAt = async (position: number, length: number): Promise<Uint8Array> => {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - position)));
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, position + filled);
        if (!bytesRead) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    };
    /** The next line at or after `from` that starts a record (a WARC/ version line), else the end of the file. */
    const nextRecord = async (from: number): Promise<number> => {
      for (let at = from; at < size; at += READ_CHUNK) {
        // Each window reaches back one byte, for the line break before a WARC/ that starts it.
        const start = Math.max(0, at - 1);
        const window = await readAt(start, READ_CHUNK + WARC_START.length + 1);
        for (let i = indexOfSequence(window, NEWLINE_WARC, 0, window.length); i >= 0; i = indexOfSequence(window, NEWLINE_WARC, i + 1, window.length))
          if (start + i + 1 >= from) return start + i + 1;
      }
      return size;
    };
    let position = 0;
    while (position < size) {
      const head = await readAt(position, HEADER_WINDOW);
      const header = recordHeader(head);
      if (!header.ok) {
        const resume = await nextRecord(position + 1);
        // Named only from its own bytes, not the next record's.
        yield { kind: 'skip', offset: position, url: targetUri(head.subarray(0, resume - position)), reason: 'bad-record', detail: header.detail };
        position = resume;
        continue;
      }
      const end = position + header.headerEnd + header.declared;
      // Its URI from its own headers, never from the next record's within the window.
      const url = targetUri(head.subarray(0, header.headerEnd));
      // What follows a record: the blank line that ends it, or fewer line breaks and then the next record or
      // the end of the file. (Anything after a whole record's blank line is read as what it is.)
      const tail = await readAt(end, 4 + WARC_START.length);
      let next = end;
      while (next - end < Math.min(4, tail.length) && (tail[next - end] === 13 || tail[next - end] === 10)) next++;
      const blankLine = CRLFCRLF.every((byte, i) => tail[i] === byte);
      const framed = end <= size && (blankLine || next === size || startsWithWarc(tail.subarray(next - end)));
      if (!framed) {
        const resume = await nextRecord(position + 1);
        const cutOff = end > size && resume === size;
        yield {
          kind: 'skip',
          offset: position,
          url,
          reason: cutOff ? 'truncated' : 'bad-length',
          detail: cutOff
            ? `Content-Length says ${header.declared} bytes, the file ends ${size - position - header.headerEnd} bytes into the record`
            : `Content-Length says ${header.declared} bytes, and no record starts where it ends`,
        };
        position = resume;
        continue;
      }
      if (header.declared > maxPageBytes + HEADER_ROOM) {
        yield {
          kind: 'skip',
          offset: position,
          url,
          reason: 'too-large',
          detail: `record of ${header.declared} bytes (limit ${maxPageBytes})`,
        };
      } else {
        yield await recordItem(await readAt(position, end - position), position, maxPageBytes);
      }
      position = next;
    }
  } finally {
    await file.close();
  }
}

/** Room for a record's WARC headers, read before the rest. */
const HEADER_WINDOW = 64 * 1024;
const NEWLINE_WARC = [10, ...WARC_START];

type Header = { ok: true; headerEnd: number; declared: number } | { ok: false; detail: string };

/** The WARC headers at the start of `bytes`: where they end (past the blank line) and the Content-Length they declare. */
function recordHeader(bytes: Uint8Array): Header {
  if (!startsWithWarc(bytes)) return { ok: false, detail: 'the record does not start with a WARC/ version line' };
  const headerEnd = indexOfSequence(bytes, CRLFCRLF, 0, HEADER_WINDOW);
  if (headerEnd < 0) return { ok: false, detail: 'the WARC headers do not end' };
  const declared = contentLength(bytes);
  if (declared === null) return { ok: false, detail: 'the record has no valid Content-Length' };
  return { ok: true, headerEnd: headerEnd + 4, declared };
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
