/**
 * What a signal family tells the digest to keep. The digest (core/digest.ts) runs on every page and reads
 * only what some rule needs: a text block becomes lines when its text holds a family's words, a page is
 * read in full when it holds a family's credit words or markup, and the pixel and portal lookups look for
 * the families' hosts. Each family declares those beside its rule (`keep`, its entry in
 * core/signals/index.ts); scripts/gen-digest-keep.ts merges the declarations into
 * core/digest-keep.generated.ts, plain data the digest imports, so no rule code reaches the content script.
 *
 * Regular expressions are merged by their top-level alternatives (duplicates dropped), so each field's
 * flags are fixed (said on the field): a declaration with other flags stops the generator.
 */
import type { SignalFamily } from './finding';

export interface DigestKeep {
  /**
   * Labels that, standing just before a colon, credit a source ("Source link :", "Quelle:", "来源："):
   * alternatives, flags `i`, tested on the label's end. They make a page worth reading and a block worth keeping.
   */
  creditLabels?: RegExp;
  /** Phrases anywhere in a text that credit a source ("first appeared on", "(AP)"): flags `i`. A page and a block are read for them. */
  creditPhrases?: RegExp;
  /** Other labels a rule reads before a colon ("Author :", "Publish date :"): flags `i`. Blocks only, on a page read anyway. */
  lineLabels?: RegExp;
  /** Other phrases a rule reads in a line ("©", "copyright"): flags `i`. Blocks only. */
  linePhrases?: RegExp;
  /** A credit's shape at a block's end, tested on its last 90 characters: flags `u`. Such a line also gets `footer` and `caption`. */
  creditEnd?: RegExp;
  /** An excerpt's source at a block's end ("… sueddeutsche.de"), tested on its last 90 characters: flags `i`. */
  excerptEnd?: RegExp;
  /** A credit's shape at the article's start, tested on a block's first 180 characters: no flags. */
  creditStart?: RegExp;
  /** A short block (160 characters at most) at the article's start that is kept when it holds this (a byline "JIJI"): no flags, case matters. */
  shortStart?: RegExp;
  /** Words that make a line of any length get `footer` and `caption` (the family skips credits in footers and captions): flags `i`. */
  placedWords?: RegExp;
  /** meta names and link rels whose presence makes a page worth reading in full. */
  markupKeys?: readonly string[];
  /** Republication pixels: <img> src holding one of these hosts or markers, <script> src holding one of `scriptHosts`. */
  pixels?: { hosts: readonly string[]; markers?: readonly string[]; scriptHosts?: readonly string[] };
  /** Portals: the hosts (and their subdomains) whose pages carry partners' stories, and the selectors of the provider markup, in order. */
  portals?: { hosts: readonly string[]; selectors: readonly string[] };
}

/** One entry of the registry (core/signals/index.ts): a family's name (its file's), its rule, what the digest keeps for it. */
export interface Family {
  name: string;
  rule: SignalFamily;
  keep: DigestKeep;
}

/** The flags each regular-expression field must carry. */
export const KEEP_FLAGS = {
  creditLabels: 'i',
  creditPhrases: 'i',
  lineLabels: 'i',
  linePhrases: 'i',
  creditEnd: 'u',
  excerptEnd: 'i',
  creditStart: '',
  shortStart: '',
  placedWords: 'i',
} as const satisfies Partial<Record<keyof DigestKeep, string>>;
