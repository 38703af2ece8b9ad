/**
 * Text reuse: how much of the original's wording a page carries, measured on
 * word shingles (runs of consecutive words). A verbatim republication shares
 * nearly all shingles; a machine rewrite that swaps synonyms and reorders
 * clauses shares almost none, even though it tells the same story.
 */
import { spaceOutCjk, WORD_RUN } from './tokens';

export interface TextFingerprint {
  /** Format version: fingerprints cached by another version are not compared. */
  version: 1;
  /** Words per shingle. */
  shingleSize: number;
  wordCount: number;
  /** Distinct shingles in the whole text, including those not kept. */
  shingleCount: number;
  /** True when only the bottom-k sample of the hashes is kept. */
  sampled: boolean;
  /**
   * The kept shingle hashes (unsigned 32-bit), sorted ascending and stored as
   * gaps — first hash, then differences — because gaps print in 6–7 digits
   * instead of 10. A sampled fingerprint is then ~7–8 KB of JSON whatever the
   * article's length; an exact one is ~7.5 bytes per shingle, so ~15 KB at
   * the 2,000-shingle limit (pass `exactLimit: 1024` for a flat ~8 KB cap).
   */
  hashGaps: number[];
}

interface FingerprintOptions {
  /** Words per shingle; 5 is long enough that unrelated texts rarely share one. Default 5. */
  shingleSize?: number;
  /** Keep every hash up to this many distinct shingles (≈ a 2,000-word article). Default 2000. */
  exactLimit?: number;
  /** Bottom-k sample size beyond `exactLimit`. Default 1024. */
  sampleSize?: number;
}

type TextVerdict = 'verbatim' | 'partial' | 'rewritten' | 'unknown';

export interface TextComparison {
  verdict: TextVerdict;
  /** Share of the original's shingles found on the page, 0..1; null when a side has no words. */
  originalOnPage: number | null;
  /** Share of the page's shingles that come from the original, 0..1; null when a side has no words. */
  pageFromOriginal: number | null;
  pageWords: number;
  originalWords: number;
  /** A sampled fingerprint was involved: the shares are estimates (about ±3 points for k = 1024). */
  approximate: boolean;
  /** Why the verdict is 'unknown', when it is. */
  unknownBecause?: 'too-short' | 'incompatible-fingerprints';
}

/*
 * Thresholds:
 * - 'unknown' below 40 words on either side: a teaser or a caption shares
 *   too few 5-word shingles for a share to mean anything.
 * - 'verbatim' when either share is ≥ 0.8. Both high is a full republication
 *   (a republish footer or a missing caption costs a few points, hence not
 *   1.0). Only pageFromOriginal high is an excerpt republished word for word
 *   (the first paragraphs and "Read more at …"). Only originalOnPage high is
 *   the whole original embedded in a longer page. Either way the wording was
 *   copied, not written.
 * - 'rewritten' when both shares are < 0.15: a synonym-swapping rewrite keeps
 *   a few names and set phrases ("the United States and Russia"), measured at
 *   2–10 %, never the 5-word runs of a copy. Low reuse says nothing about
 *   whether it is the same story; the headline comparison tells that.
 * - 'partial' in between: a page that quotes chunks of the original among its
 *   own paragraphs, or a light edit pass.
 */
const TEXT_THRESHOLDS = {
  minWords: 40,
  verbatim: 0.8,
  rewritten: 0.15,
} as const;

const DEFAULTS = { shingleSize: 5, exactLimit: 2000, sampleSize: 1024 } as const;
const MAX_HASH = 0xffffffff;

/** A side of the comparison: sorted distinct hashes, all of those ≤ `tau` that the text has. */
interface ShingleSample {
  hashes: Uint32Array;
  tau: number;
  complete: boolean;
  wordCount: number;
  shingleCount: number;
  shingleSize: number;
}

function textWords(text: string): string[] {
  return spaceOutCjk(text.normalize('NFKC').toLowerCase()).match(WORD_RUN) ?? [];
}

/** FNV-1a over UTF-16 code units: fast, and good enough once the shingle mix below avalanches it. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Hash a shingle from its words' hashes with MurmurHash3's block mixing and
 * finaliser. Bottom-k sampling keeps the smallest hashes, so they must be
 * spread evenly over 32 bits; raw FNV of joined words is not, in its high bits.
 */
function shingleHash(wordHashes: Uint32Array, start: number, size: number): number {
  let hash = 0x9747b28c;
  for (let index = start; index < start + size; index += 1) {
    let block = Math.imul(wordHashes[index] ?? 0, 0xcc9e2d51);
    block = (block << 15) | (block >>> 17);
    block = Math.imul(block, 0x1b873593);
    hash ^= block;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  hash ^= size * 4;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function distinctShingles(words: readonly string[], shingleSize: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  words.forEach((word, index) => {
    wordHashes[index] = fnv1a(word);
  });
  // A text shorter than one shingle still gets one, of all its words.
  const size = Math.min(shingleSize, words.length);
  const count = words.length - size + 1;
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) hashes[index] = shingleHash(wordHashes, index, size);
  hashes.sort();
  let unique = 0;
  for (let index = 0; index < hashes.length; index += 1) {
    if (index === 0 || hashes[index] !== hashes[unique - 1]) hashes[unique++] = hashes[index] ?? 0;
  }
  return hashes.subarray(0, unique);
}

function sampleText(text: string, shingleSize: number): ShingleSample {
  const words = textWords(text);
  const hashes = distinctShingles(words, shingleSize);
  return { hashes, tau: MAX_HASH, complete: true, wordCount: words.length, shingleCount: hashes.length, shingleSize };
}

function positiveInteger(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * A compact, JSON-safe fingerprint of an article's text for the cache. Every
 * distinct 5-word shingle hash is kept up to 2,000 shingles; beyond that a
 * bottom-k sample (the 1,024 smallest hashes), which is a uniform random
 * sample of the shingles that stays comparable with any other text: keep
 * the other side's hashes below the same cut-off and count.
 */
export function textFingerprint(text: string, options: FingerprintOptions = {}): TextFingerprint {
  const shingleSize = positiveInteger(options.shingleSize, DEFAULTS.shingleSize);
  const exactLimit = positiveInteger(options.exactLimit, DEFAULTS.exactLimit);
  const sampleSize = Math.min(positiveInteger(options.sampleSize, DEFAULTS.sampleSize), exactLimit);
  const full = sampleText(String(text ?? ''), shingleSize);
  const sampled = full.hashes.length > exactLimit;
  const kept = sampled ? full.hashes.subarray(0, sampleSize) : full.hashes;
  const hashGaps = new Array<number>(kept.length);
  let previous = 0;
  kept.forEach((hash, index) => {
    hashGaps[index] = hash - previous;
    previous = hash;
  });
  return { version: 1, shingleSize, wordCount: full.wordCount, shingleCount: full.shingleCount, sampled, hashGaps };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Checks a fingerprint read back from storage (or sent by another context) before it is trusted. */
export function isTextFingerprint(value: unknown): value is TextFingerprint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.version !== 1 || typeof candidate.sampled !== 'boolean') return false;
  if (!isCount(candidate.shingleSize) || candidate.shingleSize < 1 || candidate.shingleSize > 64) return false;
  if (!isCount(candidate.wordCount) || !isCount(candidate.shingleCount)) return false;
  const gaps = candidate.hashGaps;
  if (!Array.isArray(gaps) || gaps.length > candidate.shingleCount) return false;
  let total = 0;
  for (let index = 0; index < gaps.length; index += 1) {
    const gap: unknown = gaps[index];
    if (!isCount(gap) || (index > 0 && gap === 0)) return false;
    total += gap;
    if (total > MAX_HASH) return false;
  }
  return true;
}

function sampleFingerprint(fingerprint: TextFingerprint): ShingleSample {
  const hashes = new Uint32Array(fingerprint.hashGaps.length);
  let running = 0;
  fingerprint.hashGaps.forEach((gap, index) => {
    running += gap;
    hashes[index] = running;
  });
  const complete = !fingerprint.sampled;
  return {
    hashes,
    tau: complete || hashes.length === 0 ? MAX_HASH : (hashes[hashes.length - 1] ?? MAX_HASH),
    complete,
    wordCount: fingerprint.wordCount,
    shingleCount: fingerprint.shingleCount,
    shingleSize: fingerprint.shingleSize,
  };
}

/** Count of hashes ≤ tau in a sorted array. */
function countUpTo(hashes: Uint32Array, tau: number): number {
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((hashes[middle] ?? 0) <= tau) low = middle + 1;
    else high = middle;
  }
  return low;
}

function intersectionSize(a: Uint32Array, aEnd: number, b: Uint32Array, bEnd: number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}

/**
 * Both shares from two samples. Below the smaller cut-off `tau` each side
 * holds every one of its hashes, so the shared count there over each side's
 * count there estimates each share without bias (exact when both are complete).
 */
function shares(page: ShingleSample, original: ShingleSample): { originalOnPage: number | null; pageFromOriginal: number | null } {
  if (page.shingleCount === 0 || original.shingleCount === 0) return { originalOnPage: null, pageFromOriginal: null };
  const tau = Math.min(page.tau, original.tau);
  const pageBelow = countUpTo(page.hashes, tau);
  const originalBelow = countUpTo(original.hashes, tau);
  const shared = intersectionSize(page.hashes, pageBelow, original.hashes, originalBelow);
  // A short side may have no hash under a long side's cut-off; then scale the other share by the counts.
  const originalOnPage = originalBelow > 0 ? shared / originalBelow : null;
  const pageFromOriginal = pageBelow > 0 ? shared / pageBelow : null;
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  if (originalOnPage === null && pageFromOriginal !== null) {
    return { pageFromOriginal, originalOnPage: clamp((pageFromOriginal * page.shingleCount) / original.shingleCount) };
  }
  if (pageFromOriginal === null && originalOnPage !== null) {
    return { originalOnPage, pageFromOriginal: clamp((originalOnPage * original.shingleCount) / page.shingleCount) };
  }
  return { originalOnPage: originalOnPage ?? 0, pageFromOriginal: pageFromOriginal ?? 0 };
}

function textVerdict(originalOnPage: number | null, pageFromOriginal: number | null): TextVerdict {
  const best = Math.max(originalOnPage ?? 0, pageFromOriginal ?? 0);
  if (best >= TEXT_THRESHOLDS.verbatim) return 'verbatim';
  if (best < TEXT_THRESHOLDS.rewritten) return 'rewritten';
  return 'partial';
}

/**
 * How much wording the page and the original share, both ways. Either side
 * may be full text or a cached fingerprint; full text is shingled with the
 * fingerprint's own settings so the two line up.
 */
export function compareTexts(page: string | TextFingerprint, original: string | TextFingerprint): TextComparison {
  const pageFingerprint = typeof page === 'string' ? null : page;
  const originalFingerprint = typeof original === 'string' ? null : original;
  const fingerprints = [pageFingerprint, originalFingerprint].filter((side) => side !== null);
  const unknown = (because: TextComparison['unknownBecause'], pageWords = 0, originalWords = 0): TextComparison => ({
    verdict: 'unknown',
    originalOnPage: null,
    pageFromOriginal: null,
    pageWords,
    originalWords,
    approximate: false,
    unknownBecause: because,
  });
  if (fingerprints.some((side) => !isTextFingerprint(side))) return unknown('incompatible-fingerprints');
  const shingleSize = fingerprints[0]?.shingleSize ?? DEFAULTS.shingleSize;
  if (fingerprints.some((side) => side.shingleSize !== shingleSize)) return unknown('incompatible-fingerprints');

  const pageSample = pageFingerprint ? sampleFingerprint(pageFingerprint) : sampleText(String(page ?? ''), shingleSize);
  const originalSample = originalFingerprint ? sampleFingerprint(originalFingerprint) : sampleText(String(original ?? ''), shingleSize);
  const { originalOnPage, pageFromOriginal } = shares(pageSample, originalSample);
  const result = {
    originalOnPage,
    pageFromOriginal,
    pageWords: pageSample.wordCount,
    originalWords: originalSample.wordCount,
    approximate: !(pageSample.complete && originalSample.complete),
  };
  if (Math.min(pageSample.wordCount, originalSample.wordCount) < TEXT_THRESHOLDS.minWords) {
    return { ...result, verdict: 'unknown', unknownBecause: 'too-short' };
  }
  return { ...result, verdict: textVerdict(originalOnPage, pageFromOriginal) };
}
