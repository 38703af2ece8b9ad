/**
 * A .warc.gz file is a series of gzip members, one WARC record each (WARC 1.1, annex D). Reading it member by
 * member, rather than as one gzip stream, is what lets a crawl survive a bad archive: a corrupt or truncated
 * member costs that one record, and the reader finds the next member by its header and goes on. A member whose
 * output passes `maxBytes` is not kept whole: its first `headBytes` are kept (to name the record), the rest is
 * not inflated at all, and the reader jumps to the next member.
 *
 * Push-based: feed the file's chunks with push(), then end(); each call returns what it completed.
 */
import pako from 'pako';

export interface Member {
  /** The member's byte offset in the file. */
  offset: number;
  /** The inflated bytes: all of them, or the first `headBytes` when `oversize`. */
  bytes: Uint8Array;
  /** The output passed `maxBytes`: `bytes` is only its start, and the member was skipped unread. */
  oversize: boolean;
  /** Why the member could not be read whole (corrupt data, cut off at the end of the file), else null. */
  error: null | { reason: 'corrupt-gzip' | 'truncated'; detail: string };
}

export interface MemberOptions {
  /** Inflated bytes kept at most for one member (default 12 MiB). */
  maxBytes?: number;
  /** Bytes kept of an oversize member, enough for its WARC and HTTP headers (default 64 KiB). */
  headBytes?: number;
  /**
   * Whether a gzip header at this point of the file starts a member worth reading: the reader checks the
   * candidate's first inflated bytes with it when it is looking for the next member after a bad one.
   */
  startsRecord?: (firstBytes: Uint8Array) => boolean;
}

const GZIP_MAGIC_1 = 0x1f;
const GZIP_MAGIC_2 = 0x8b;
const DEFLATE = 0x08;
/** How far the candidate member after a bad one is inflated to check it starts a record. */
const PROBE_BYTES = 16;
const PROBE_INPUT = 4096;

type InflateWithState = pako.Inflate & { strm: { avail_in: number; total_in: number }; ended: boolean; msg?: string };

export class GzipMembers {
  private readonly maxBytes: number;
  private readonly headBytes: number;
  private readonly startsRecord: (firstBytes: Uint8Array) => boolean;
  /** Bytes of the file not yet consumed, starting at file offset `bufferOffset`. */
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferOffset = 0;
  private inflator: InflateWithState | null = null;
  private memberOffset = 0;
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** Looking for the next member after a bad or oversize one. */
  private seeking = false;
  private pending: Member | null = null;

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
        const at = this.findNextMember(atEnd);
        if (at < 0) break;
        this.consume(at);
        this.seeking = false;
      }
      if (!this.inflator) {
        if (this.buffer.length === 0) break;
        if (this.buffer.length < 3 && !atEnd) break;
        if (!isGzipHeader(this.buffer, 0)) {
          // Not a member here: bytes between members, or an archive that is not gzip at all.
          this.chunks = [];
          this.size = 0;
          done.push(this.badMember(this.bufferOffset, 'corrupt-gzip', 'no gzip member starts here'));
          this.consume(1);
          this.seeking = true;
          continue;
        }
        this.startMember();
      }
      const inflator = this.inflator!;
      const input = this.buffer;
      if (input.length === 0) {
        // Waiting for more of this member; at the end of the file, there is no more.
        if (atEnd) {
          done.push(this.badMember(this.memberOffset, 'truncated', 'the file ends inside this gzip member'));
          this.inflator = null;
        }
        break;
      }
      inflator.push(input, false);
      const left = inflator.ended ? inflator.strm.avail_in : 0;
      if (inflator.ended && inflator.err) {
        done.push(this.badMember(this.memberOffset, 'corrupt-gzip', inflator.msg || `zlib error ${inflator.err}`));
        this.inflator = null;
        // Look for the next member from just past this one's header.
        this.consume(Math.min(1, input.length));
        this.seeking = true;
        continue;
      }
      if (this.pending) {
        // The member passed maxBytes: it is kept as its head, and the reader skips to the next member.
        done.push(this.pending);
        this.pending = null;
        this.inflator = null;
        this.consume(Math.min(1, input.length));
        this.seeking = true;
        continue;
      }
      if (inflator.ended) {
        this.consume(input.length - left);
        done.push({ offset: this.memberOffset, bytes: concatAll(this.chunks, this.size), oversize: false, error: null });
        this.inflator = null;
        continue;
      }
      // The whole buffer went into the inflator: more input is needed.
      this.consume(input.length);
      if (atEnd) {
        done.push(this.badMember(this.memberOffset, 'truncated', 'the file ends inside this gzip member'));
        this.inflator = null;
      }
      break;
    }
    return done;
  }

  private startMember(): void {
    this.memberOffset = this.bufferOffset;
    this.chunks = [];
    this.size = 0;
    const inflator = new pako.Inflate({ chunkSize: 64 * 1024 }) as InflateWithState;
    inflator.onData = (chunk: Uint8Array) => {
      if (this.pending) return;
      this.chunks.push(chunk);
      this.size += chunk.length;
      if (this.size > this.maxBytes) {
        const head = concatAll(this.chunks, this.size).subarray(0, this.headBytes);
        this.pending = { offset: this.memberOffset, bytes: head, oversize: true, error: null };
        this.chunks = [];
        this.size = 0;
      }
    };
    this.inflator = inflator;
  }

  private badMember(offset: number, reason: 'corrupt-gzip' | 'truncated', detail: string): Member {
    return { offset, bytes: concatAll(this.chunks, this.size).subarray(0, this.headBytes), oversize: false, error: { reason, detail } };
  }

  private consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.bufferOffset += n;
  }

  /**
   * The index in the buffer of the next gzip header that inflates to the start of a record; -1 when the buffer
   * holds none yet (its last bytes are kept, in case a header straddles two chunks).
   */
  private findNextMember(atEnd: boolean): number {
    const buffer = this.buffer;
    let from = 0;
    for (;;) {
      const at = buffer.indexOf(GZIP_MAGIC_1, from);
      if (at < 0 || at + 3 > buffer.length) {
        if (atEnd) {
          this.consume(buffer.length);
          return -1;
        }
        // Keep what may be the start of a header cut by the chunk's end.
        const keep = at < 0 ? 0 : buffer.length - at;
        this.consume(buffer.length - keep);
        return -1;
      }
      if (isGzipHeader(buffer, at)) {
        const probe = probeMember(buffer.subarray(at, at + PROBE_INPUT));
        if (probe === 'more' && !atEnd && buffer.length - at < PROBE_INPUT) {
          this.consume(at);
          return -1;
        }
        if (probe instanceof Uint8Array && this.startsRecord(probe)) return at;
      }
      from = at + 1;
    }
  }
}

function isGzipHeader(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === GZIP_MAGIC_1 && bytes[at + 1] === GZIP_MAGIC_2 && bytes[at + 2] === DEFLATE;
}

/** The first bytes a candidate member inflates to; 'more' when its input ran out first, null when it is not gzip. */
function probeMember(input: Uint8Array): Uint8Array | 'more' | null {
  const inflator = new pako.Inflate({ chunkSize: 1024 }) as InflateWithState;
  let first: Uint8Array | null = null;
  inflator.onData = (chunk: Uint8Array) => {
    first ??= chunk;
  };
  inflator.push(input, false);
  if (inflator.err) return null;
  if (first && (first as Uint8Array).length >= PROBE_BYTES) return first;
  if (inflator.ended) return first;
  return 'more';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function concatAll(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
