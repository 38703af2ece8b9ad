/**
 * The reader's corrections: "Not a copy?" and "Wrong original?" on the badge's
 * card and in the popup. A correction is kept with the page's history entry
 * (lib/db.ts) and applied to the engine's record on every later scan of the
 * page, so the badge, the popup, the toolbar, the history and the export all
 * show what the reader said, marked as their correction. The engine's own
 * record is kept beside it (`engine`), so an undo gives it back at once.
 *
 * Pure functions: no browser API, no database (the background and the import
 * use them; tests/unit/control-*.test.ts).
 */
import type { Provenance } from '@/core/types';
import { normalizeUrl, registrableDomain, safeHttpUrl } from '@/core/url';

export type CorrectionKind = 'not-a-copy' | 'wrong-original';

/** What the reader said about a page. */
export interface Correction {
  kind: CorrectionKind;
  /** "Wrong original?": the right original as the reader gave it; null when they only marked the stated one wrong. */
  originalUrl: string | null;
  /** When it was made, ms since the epoch. */
  at: number;
}

/** A correction as stored with a history entry: with the engine's record of the page's latest scan. */
export interface StoredCorrection extends Correction {
  engine: Provenance;
}

/** What a correction request carries (the time is the background's). */
export type CorrectionInput = { kind: 'not-a-copy' } | { kind: 'wrong-original'; originalUrl: string | null };

export const CORRECTION_KINDS: readonly CorrectionKind[] = ['not-a-copy', 'wrong-original'];
/** Characters of an original's address the reader may give: as long as a page address the extension reads. */
const MAX_CORRECTION_URL = 4096;

/**
 * The original's address a reader typed, as an http(s) URL (a bare host gets
 * https://), or an error sentence key when it is not one. Never the page itself.
 */
export function correctedOriginalUrl(typed: string, pageUrl: string): { url: string } | { problem: 'control_badUrl' | 'control_samePage' } {
  const text = typed.trim();
  if (!text || text.length > MAX_CORRECTION_URL) return { problem: 'control_badUrl' };
  const url = safeHttpUrl(/^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`);
  if (!url || !new URL(url).hostname.includes('.')) return { problem: 'control_badUrl' };
  try {
    if (normalizeUrl(url) === normalizeUrl(pageUrl)) return { problem: 'control_samePage' };
  } catch {
    return { problem: 'control_badUrl' };
  }
  return { url };
}

/**
 * The record as the reader corrected it:
 * - not a copy: not syndicated, no original, no chain (the page's own facts and the evidence stay, for whoever looks);
 * - wrong original, with the right one: the reader's original is the original and the one step of the chain
 *   (its publisher unknown until checked), and the page's own source link, which led to the wrong one, is no longer followed;
 * - wrong original, none given: still a copy, of an original not known.
 */
export function applyCorrection(record: Provenance, correction: Correction): Provenance {
  if (correction.kind === 'not-a-copy') {
    const { archive: _archive, ...page } = record;
    return { ...page, syndicated: false, kind: null, original: null, chain: [] };
  }
  const url = correction.originalUrl;
  return {
    ...record,
    syndicated: true,
    // The kind of copy the page's signals show still holds; only the original was wrong.
    kind: record.kind && record.kind !== 'archive' ? record.kind : 'unknown',
    original: url ? { url, publisher: null, headline: null, publishedAt: null } : null,
    chain: url ? [{ url, publisher: null, site: registrableDomain(url) }] : [],
    sourceUrl: null,
  };
}

/** A correction kept with the engine's latest record of the page. */
export function storedCorrection(correction: Correction, engine: Provenance): StoredCorrection {
  return { kind: correction.kind, originalUrl: correction.originalUrl, at: correction.at, engine };
}

/** The correction alone, without the engine's record (as exported, and as the popup shows it). */
export function correctionOf(stored: StoredCorrection): Correction {
  return { kind: stored.kind, originalUrl: stored.originalUrl, at: stored.at };
}

/** Whether a stored verification still describes the corrected page: only a check made after the correction does. */
export function verificationFits(correction: Correction | undefined, checkedAt: number): boolean {
  return !correction || checkedAt >= correction.at;
}
