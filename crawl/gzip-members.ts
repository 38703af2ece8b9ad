/**
 * A .warc.gz file is a series of gzip members, one WARC record each (WARC 1.1, annex D). Reading it member by
 * member, rather than as one gzip stream, is what lets a crawl survive a bad archive: a corrupt or truncated
 * member costs that one record, and the reader finds the next member by its header and goes on. A member whose
 * output passes `maxBytes` is not kept whole: its first `headBytes` are kept (to name the record), the rest is
 * not inflated at all, and the reader jumps to the next member.
 *
 * Inflating is Node's zlib (native), one member in one call: the call says how many bytes the member's deflate
 * data took, which is where the next member starts. Push-based: feed the file's chunks with push(), then
 * end(); each call returns the members it completed.
 */
import { constants, inflateRawSync } from 'node:zlib';

export interface Member {
  /** The member's byte offset in the file. */
  offset: number;
  /** The inflated bytes: all of them, or the first `headBytes` when `oversize` or `error`. */
  bytes: Uint8Array;
  /** The output passed `maxBytes`: `bytes` is only its start, and the member was skipped unread. */
  oversize: boolean;
  /** Why the member could not be read whole (corrupt data, cut off at the end of the file), else null. */
  error: null | { reason: 'corrupt-gzip' | 'truncated'; detail: string };
}

export interface MemberOptions {
  /** Inflated bytes kept at most for one member (default 12 MiB). */
  maxBytes?: number;
  /** Bytes kept of an oversize or broken member, enough for its WARC and HTTP headers (default 64 KiB). */
  headBytes?: number;
  /**
   * Whether a gzip header at this point of the file starts a member worth reading: the reader checks the
   * candidate's first inflated bytes with it when it is looking for the next member after a bad one.
   */
  startsRecord?: (firstBytes: Uint8Array) => boolean;
}

const FLAG_HCRC = 2;
const FLAG_EXTRA = 4;
const FLAG_NAME = 8;
const FLAG_COMMENT = 16;
/** A member's trailer: CRC-32 and size. */
const TRAILER = 8;
/** How much of a candidate member is inflated to check that it starts a record (at most ~1,000× that out). */
const PROBE_INPUT = 512;
const EMPTY = new Uint8Array(0);
/** The deflate data read to name a member that is not read whole. */
const HEAD_INPUT = 4096;

type Inflated = { ok: true; bytes: Uint8Array; used: number } | { ok: false; why: 'more' | 'oversize' | 'corrupt'; detail: string };

function inflate(data: Uint8Array, maxBytes: number): Inflated {
  try {
    const { buffer, engine } = inflateRawSync(data, { info: true, maxOutputLength: maxBytes }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), used: engine.bytesWritten };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') return { ok: false, why: 'more', detail: 'unexpected end of data' };
    if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, why: 'oversize', detail: `more than ${maxBytes} bytes` };
    return { ok: false, why: 'corrupt', detail: (error as Error).message };
  }
}

/**
 * What the start of a member's deflate data inflates to, as far as its first few KB go (nothing when it is not
 * deflate data): enough for the record's WARC headers, with output bounded even for data that inflates 1,000×.
 */
function head(data: Uint8Array, headBytes: number): Uint8Array {
  try {
    const out = inflateRawSync(data.subarray(0, HEAD_INPUT), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1032 * HEAD_INPUT });
    return new Uint8Array(out.buffer, out.byteOffset, Math.min(out.byteLength, headBytes));
  } catch {
    return EMPTY;
  }
}

/** The length of the gzip header at `at`; 0 when the bytes there are not one; -1 when more bytes are needed to tell. */
function headerLength(bytes: Uint8Array, at: number): number {
  if (bytes.length - at < 10) return bytes.length - at >= 3 && !isMagic(bytes, at) ? 0 : -1;
  if (!isMagic(bytes, at)) return 0;
  const flags = bytes[at + 3]!;
  let n = at + 10;
  if (flags & FLAG_EXTRA) {
    if (bytes.length < n + 2) return -1;
    n += 2 + (bytes[n]! | (bytes[n + 1]! << 8));
  }
  for (const flag of [FLAG_NAME, FLAG_COMMENT]) {
    if (!(flags & flag)) continue;
    const zero = bytes.indexOf(0, n);
    if (zero < 0) return -1;
    n = zero + 1;
  }
  if (flags & FLAG_HCRC) n += 2;
  return n > bytes.length ? -1 : n - at;
}

function isMagic(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b && bytes[at + 2] === 0x08;
}

export class GzipMembers {
  private readonly maxBytes: number;
  private readonly headBytes: number;
  private readonly startsRecord: (firstBytes: Uint8Array) => boolean;
  /** Bytes of the file not yet consumed, starting at file offset `bufferOffset`: a member's start when not seeking. */
  private buffer: Uint8Array = EMPTY;
  private bufferOffset = 0;
  /** Looking for the next member after a bad or oversize one. */
  private seeking = false;

  constructor(options: MemberOptions = {}) {
    this.maxBytes = options.maxBytes ?? 12 * 1024 * 1024;
    this.headBytes = options.headBytes ?? 64 * 1024;
    this.startsRecord = options.startsRecord ?? (() => true);
  }

  /** The file's next chunk; returns the members it completed. */
  push(chunk: Uint8Array): Member[] {
    this.buffer = this.buffer.length ? concat(this.buffer, chunk) : chunk;
    return this.drain(false);
  }

  /** The end of the file; returns the last members, a truncated one included. */
  end(): Member[] {
    return this.drain(true);
  }

  private drain(atEnd: boolean): Member[] {
    const done: Member[] = [];
    for (;;) {
      if (this.seeking) {
        if (!this.seek(atEnd)) break;
        this.seeking = false;
      }
      if (this.buffer.length === 0) break;
      const header = headerLength(this.buffer, 0);
      if (header < 0 && !atEnd) break;
      if (header <= 0) {
        // Not a member here: bytes between members, an archive that is not gzip, or a header cut off.
        done.push(
          this.bad(
            header < 0 ? 'truncated' : 'corrupt-gzip',
            header < 0 ? 'the file ends inside a gzip header' : 'no gzip member starts here',
            EMPTY,
          ),
        );
        this.skip(1);
        continue;
      }
      const data = this.buffer.subarray(header);
      const result = inflate(data, this.maxBytes);
      if (result.ok) {
        const length = header + result.used + TRAILER;
        if (length > this.buffer.length && !atEnd) break;
        done.push({ offset: this.bufferOffset, bytes: result.bytes, oversize: false, error: null });
        this.consume(Math.min(length, this.buffer.length));
        continue;
      }
      if (result.why === 'more') {
        if (!atEnd) break;
        done.push(this.bad('truncated', 'the file ends inside this gzip member', head(data, this.headBytes)));
        this.consume(this.buffer.length);
        continue;
      }
      const first = head(data, this.headBytes);
      done.push(
        result.why === 'oversize'
          ? { offset: this.bufferOffset, bytes: first, oversize: true, error: null }
          : this.bad('corrupt-gzip', result.detail, first),
      );
      this.skip(1);
    }
    return done;
  }

  private bad(reason: 'corrupt-gzip' | 'truncated', detail: string, bytes: Uint8Array): Member {
    return { offset: this.bufferOffset, bytes, oversize: false, error: { reason, detail } };
  }

  /** Drops `n` bytes and looks for the next member from there. */
  private skip(n: number): void {
    this.consume(n);
    this.seeking = true;
  }

  private consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.bufferOffset += n;
  }

  /**
   * Moves to the next gzip header that inflates to the start of a record; false when the bytes read so far hold
   * none (the last bytes are kept, in case a header straddles two chunks).
   */
  private seek(atEnd: boolean): boolean {
    const buffer = this.buffer;
    let from = 0;
    for (;;) {
      const at = buffer.indexOf(0x1f, from);
      if (at < 0) {
        this.consume(buffer.length);
        return false;
      }
      const header = headerLength(buffer, at);
      const room = buffer.length - at;
      if ((header < 0 || room < header + PROBE_INPUT) && !atEnd) {
        // Not enough bytes yet to check this candidate: keep it for the next chunk.
        this.consume(at);
        return false;
      }
      if (header > 0 && this.startsRecord(head(buffer.subarray(at + header), 16))) {
        this.consume(at);
        return true;
      }
      from = at + 1;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
