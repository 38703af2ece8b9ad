/**
 * What a signal family returns: the signal itself (kind, sentence, evidence,
 * weight) and the facts it claims. The merge step in core/detect.ts weighs them.
 */
import type { PageScan } from '../scan';
import type { Signal, SignalKind } from '../types';
import { clip } from '../text';
import { englishOf, type Said } from '../signal-text';

export interface Claims {
  /** The page's own source link, as linked (may be an intermediate copy). */
  sourceUrl?: string | null;
  /** The site the page credits directly ("USA NEWS" in "first appeared on USA NEWS"). */
  sourceName?: string | null;
  originalUrl?: string | null;
  originalPublisher?: string | null;
  /** Registrable domain of the original when it is known without a link (e.g. a provider's home page). */
  originalSite?: string | null;
  originalHeadline?: string | null;
  originalPublishedAt?: string | null;
  copyright?: string | null;
  /** A labelled author line ("Author : Jean-Pierre CHALLOT"). */
  author?: string | null;
  /** A labelled date line, as written ("Publish date : 2025-02-22 14:42:26"). */
  publishedAtText?: string | null;
}

export interface Finding {
  signal: Signal;
  claims: Claims;
}

/** A signal family: reads the scan, returns what it found (possibly nothing). Never throws on page input. */
export type SignalFamily = (scan: PageScan) => Finding[];

/** A signal: its sentence (`said`, written in English in `detail` and by id in `say` for the reader's language), its evidence and its claims. */
export function finding(kind: SignalKind, weight: number, said: Said, evidenceText: string, location: string, claims: Claims = {}): Finding {
  return { signal: { kind, detail: englishOf(said), say: said, weight, evidence: { text: clip(evidenceText), location } }, claims };
}

export function regionName(region: 'article-start' | 'article-end' | 'page-end'): string {
  return region === 'article-start' ? 'start of the article' : region === 'article-end' ? 'end of the article' : 'page footer';
}
