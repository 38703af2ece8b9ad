/**
 * Headline comparison: is the page's headline the original's, a light edit,
 * a rewrite, or another story altogether? Word-level, with the changed words
 * returned so the popup can mark them.
 */
import { foldForCompare, foldPunctuation, looksLikeName, normalizeSpace, sameName } from '../text';
import { CJK_SPLIT } from './tokens';
import { oneOf, regex } from '../regex';

type HeadlineVerdict = 'same' | 'lightly-edited' | 'rewritten' | 'different-story';

export interface DiffSegment {
  /** 'added' = only in the page's headline, 'removed' = only in the original's. */
  op: 'same' | 'added' | 'removed';
  /** Words as written (original casing and punctuation); 'same' runs use the page's spelling. */
  text: string;
}

export interface HeadlineComparison {
  verdict: HeadlineVerdict;
  /** 2·LCS / (page words + original words), 0..1, over normalised words. */
  similarity: number;
  /** The page headline as a sequence of kept / added / removed runs. */
  diff: DiffSegment[];
  /** The headlines actually compared: site suffix removed, casing kept. */
  pageHeadline: string;
  originalHeadline: string;
  /** Names (people, places, organisations, acronyms) both headlines mention, lower-cased. */
  sharedNames: string[];
}

interface HeadlineOptions {
  /**
   * Publisher / site names that may trail a headline ("… – The Washington
   * Post"). A suffix naming one of these is always removed; without them only
   * suffixes that look like a site name are.
   */
  publishers?: string[];
}

/*
 * Thresholds, tuned on real pairs (see tests/unit/compare.test.ts):
 *
 * - 'same': identical word sequences after normalisation. Punctuation is not
 *   wording, so "Trump wins!" and "Trump wins" are the same headline.
 * - 'lightly-edited': similarity ≥ 0.75, i.e. roughly one word in four
 *   changed, which is what copy desks do (a tense, "says" → "said", a name
 *   shortened). Also when every word of the shorter headline survives in order
 *   and similarity ≥ 0.6: a syndicator that appends ", Experts Say" kept the
 *   whole headline and only added to it.
 * - 'rewritten': similarity ≥ 0.35, or an order-free overlap of content words
 *   ≥ 0.4, or two shared names. Rewriters reorder ("Storm strands drivers in
 *   Buffalo" → "Buffalo drivers stranded by storm"), which an LCS punishes
 *   hard, so the order-free measure and shared names catch rewrites the
 *   similarity alone calls different stories.
 * - 'different-story': anything less. One shared name is not enough: two
 *   stories about "Trump" the same day are common.
 */
const HEADLINE_THRESHOLDS = {
  lightlyEdited: 0.75,
  lightlyEditedWhenContained: 0.6,
  containment: 0.9,
  rewritten: 0.35,
  rewrittenContentOverlap: 0.4,
  rewrittenSharedNames: 2,
} as const;

/**
 * Longest stretch of words the LCS table is built for. A real headline is
 * under 30 words; this only bounds memory (≈1 MB) for arbitrary input, and
 * words past it are reported as changed.
 */
const MAX_DIFF_WORDS = 500;

interface Word {
  /** As written, with any punctuation-only tokens that follow it. */
  display: string;
  /** NFKC, lower case, quotes/dashes folded, punctuation dropped. */
  key: string;
  /** False inside unspaced CJK text, so displayed runs keep the original spacing. */
  spaceBefore: boolean;
}

interface PreparedHeadline {
  words: Word[];
  display: string;
  titleCase: boolean;
}

const SEPARATOR = /^(?:[|\-·•»~]{1,2}|::|:)$/;

/** Lower-case words title case leaves small, and function words that are never names. */
const MINOR_WORDS = new Set(
  'a an and as at but by de del der des di du el en et for from in into la le les of on or over the to up van von vs via with'.split(' '),
);

const STOP_WORDS = new Set([
  ...MINOR_WORDS,
  ...'after amid about against are be been before being can could did do does had has have he her his how i is it its may more new no not now our out over says said say she so than that their them they this those was we were what when where which who why will would you your'.split(
    ' ',
  ),
]);

/** Words that mark a trailing segment as an outlet's name even in a title-cased headline. */
const OUTLET_WORD = regex(
  'iu',
  '^',
  oneOf(
    'news|post|times|journal|herald|tribune|press|daily|gazette|online|tv|radio|media|magazine|review|report|chronicle|observer|guardian',
    'telegraph|independent|insider|today|wire|network|weekly|star|sun|mail|express|standard|bulletin|courier|dispatch|register|sentinel',
    'examiner|inquirer|globe|monitor|reporter',
    'zeitung|nachrichten|monde|figaro|país|pais|repubblica|corriere', // German, French, Spanish, Italian
  ),
  '$',
);

const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

function wordKey(token: string): string {
  return foldForCompare(token).replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

function isSeparator(token: string): boolean {
  return SEPARATOR.test(foldPunctuation(token.normalize('NFKC')));
}

function startsUpper(token: string): boolean {
  return /^[^\p{L}\p{N}]*\p{Lu}/u.test(token);
}

/** "NATO", "U.S.", "EU's" — a run of capitals, not a capitalised word. */
function isAcronym(token: string): boolean {
  const core = foldPunctuation(token)
    .replace(/'s$/i, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  return /^\p{Lu}(?:[\p{Lu}\p{N}&]|\.(?=\p{Lu}))*\p{Lu}\.?$/u.test(core);
}

/**
 * A title-cased headline capitalises almost every word, so its capitals say
 * nothing about which words are names or where a site name begins.
 */
function isTitleCase(tokens: string[]): boolean {
  const candidates = tokens.slice(1).filter((token) => /\p{L}/u.test(token) && !MINOR_WORDS.has(wordKey(token)));
  if (candidates.length < 2) return false;
  return candidates.filter(startsUpper).length / candidates.length >= 0.7;
}

function countWords(tokens: string[]): number {
  return tokens.filter((token) => wordKey(token) !== '').length;
}

function namesPublisher(text: string, publishers: readonly string[]): boolean {
  return publishers.some((publisher) => publisher.trim() !== '' && sameName(text, publisher));
}

/**
 * "The Washington Post", "CNN", "usa-news.biz": short, capitalised (or a
 * domain), no sentence punctuation. "live updates" or "what we know" are
 * part of the headline and stay.
 */
function looksLikeSiteName(suffix: string[], head: string[]): boolean {
  const text = suffix.join(' ');
  if (text.length > 50 || !looksLikeName(text, 5)) return false;
  if (suffix.length === 1 && DOMAIN.test(text)) return true;
  const significant = suffix.filter((token) => !MINOR_WORDS.has(wordKey(token)) && wordKey(token) !== '');
  if (significant.length === 0 || !significant.every((token) => startsUpper(token) || /^\p{N}/u.test(token))) return false;
  if (!isTitleCase(head)) return true;
  // In "Trump's Tariffs Hit Farmers – Experts Say" capitals prove nothing; ask for an outlet-like word.
  return significant.length === 1 || significant.some((token) => OUTLET_WORD.test(wordKey(token)) || isAcronym(token));
}

/**
 * Remove up to two trailing site segments ("… | Politics | CNN") and a leading
 * "Publisher | " when it names a given publisher. A ':' separator only counts
 * for a named publisher: "Ukraine : ce que l'on sait" is French typography.
 */
function stripSiteAffixes(tokens: string[], publishers: readonly string[]): string[] {
  let current = tokens;
  for (let round = 0; round < 2; round += 1) {
    let separatorAt = -1;
    for (let index = current.length - 2; index > 0; index -= 1) {
      if (isSeparator(current[index] ?? '')) {
        separatorAt = index;
        break;
      }
    }
    if (separatorAt < 0) break;
    const head = current.slice(0, separatorAt);
    const suffix = current.slice(separatorAt + 1);
    if (countWords(head) < 2) break;
    const colon = foldPunctuation((current[separatorAt] ?? '').normalize('NFKC')) === ':';
    if (namesPublisher(suffix.join(' '), publishers) || (!colon && looksLikeSiteName(suffix, head))) current = head;
    else break;
  }
  const firstSeparator = current.findIndex((token, index) => index > 0 && isSeparator(token));
  if (firstSeparator > 0 && namesPublisher(current.slice(0, firstSeparator).join(' '), publishers)) {
    const rest = current.slice(firstSeparator + 1);
    if (countWords(rest) >= 2) current = rest;
  }
  return current;
}

function joinWords(words: readonly Word[]): string {
  return words.map((word, index) => (index > 0 && word.spaceBefore ? ` ${word.display}` : word.display)).join('');
}

function prepareHeadline(headline: string, publishers: readonly string[]): PreparedHeadline {
  // Split the headline as written so the diff shows its own characters; keys apply NFKC word by word.
  const spaced = normalizeSpace(headline);
  const tokens = stripSiteAffixes(spaced === '' ? [] : spaced.split(' '), publishers);
  const words: Word[] = [];
  let pendingPrefix = '';
  for (const token of tokens) {
    const pieces = token.split(CJK_SPLIT).filter((piece) => piece !== '');
    pieces.forEach((piece, index) => {
      const spaceBefore = index === 0;
      const key = wordKey(piece);
      if (key === '') {
        // Punctuation-only pieces ("–", "…", "：", an emoji) ride along with a neighbouring word for display.
        const last = words[words.length - 1];
        if (last) last.display += spaceBefore ? ` ${piece}` : piece;
        else pendingPrefix += spaceBefore && pendingPrefix !== '' ? ` ${piece}` : piece;
        return;
      }
      const prefix = pendingPrefix === '' ? '' : spaceBefore ? `${pendingPrefix} ` : pendingPrefix;
      words.push({ display: prefix + piece, key, spaceBefore });
      pendingPrefix = '';
    });
  }
  const display = words.length > 0 ? joinWords(words) : pendingPrefix;
  return { words, display, titleCase: isTitleCase(tokens) };
}

/** Light English suffix folding so "stranded" meets "stranding" in the order-free overlap. */
function stem(key: string): string {
  if (key.length >= 6 && key.endsWith('ing')) return key.slice(0, -3);
  if (key.length >= 5 && key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.length >= 5 && key.endsWith('ed')) return key.slice(0, -2);
  if (key.length >= 4 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

function contentStems(words: readonly Word[]): Set<string> {
  return new Set(words.filter((word) => !STOP_WORDS.has(word.key)).map((word) => stem(word.key)));
}

function diceOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Names in a headline: acronyms anywhere; capitalised words in a
 * sentence-case headline, except its first word (capitalised by rule).
 */
function names(headline: PreparedHeadline): Set<string> {
  const found = new Set<string>();
  headline.words.forEach((word, index) => {
    if (word.key.length < 2 || STOP_WORDS.has(word.key) || /^\p{N}+$/u.test(word.key)) return;
    if (isAcronym(word.display) || (!headline.titleCase && index > 0 && startsUpper(word.display))) found.add(word.key);
  });
  return found;
}

type Op = DiffSegment['op'];

/** Word-level LCS diff; returns the LCS length and one op per word, in page order. */
function diffWords(page: readonly Word[], original: readonly Word[]): { common: number; ops: { op: Op; word: Word }[] } {
  let start = 0;
  while (start < page.length && start < original.length && page[start]?.key === original[start]?.key) start += 1;
  let endPage = page.length;
  let endOriginal = original.length;
  while (endPage > start && endOriginal > start && page[endPage - 1]?.key === original[endOriginal - 1]?.key) {
    endPage -= 1;
    endOriginal -= 1;
  }
  const ops: { op: Op; word: Word }[] = [];
  for (let index = 0; index < start; index += 1) ops.push({ op: 'same', word: page[index] as Word });

  const middlePage = page.slice(start, Math.min(endPage, start + MAX_DIFF_WORDS));
  const middleOriginal = original.slice(start, Math.min(endOriginal, start + MAX_DIFF_WORDS));
  const rows = middlePage.length;
  const cols = middleOriginal.length;
  const width = cols + 1;
  // table[i*width + j] = LCS of middlePage[i..] and middleOriginal[j..]
  const table = new Int32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = cols - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        middlePage[i]?.key === middleOriginal[j]?.key
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  let common = start + (page.length - endPage) + (table[0] ?? 0);
  let i = 0;
  let j = 0;
  let removed: Word[] = [];
  let added: Word[] = [];
  const flush = () => {
    // Within one change, all removed words then all added words: reads as "X → Y".
    for (const word of removed) ops.push({ op: 'removed', word });
    for (const word of added) ops.push({ op: 'added', word });
    removed = [];
    added = [];
  };
  while (i < rows || j < cols) {
    const pageWord = middlePage[i];
    const originalWord = middleOriginal[j];
    if (pageWord && originalWord && pageWord.key === originalWord.key) {
      flush();
      ops.push({ op: 'same', word: pageWord });
      i += 1;
      j += 1;
    } else if (originalWord && (!pageWord || (table[i * width + j + 1] ?? 0) >= (table[(i + 1) * width + j] ?? 0))) {
      removed.push(originalWord);
      j += 1;
    } else if (pageWord) {
      added.push(pageWord);
      i += 1;
    }
  }
  // Words past MAX_DIFF_WORDS were not aligned: report them as changed.
  for (const word of original.slice(start + cols, endOriginal)) removed.push(word);
  for (const word of page.slice(start + rows, endPage)) added.push(word);
  flush();
  for (let index = endPage; index < page.length; index += 1) ops.push({ op: 'same', word: page[index] as Word });
  common = Math.min(common, page.length, original.length);
  return { common, ops };
}

function toSegments(ops: readonly { op: Op; word: Word }[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let run: Word[] = [];
  let runOp: Op | null = null;
  for (const { op, word } of ops) {
    if (op !== runOp && runOp !== null) {
      segments.push({ op: runOp, text: joinWords(run) });
      run = [];
    }
    runOp = op;
    run.push(word);
  }
  if (runOp !== null) segments.push({ op: runOp, text: joinWords(run) });
  return segments;
}

export function compareHeadlines(pageHeadline: string, originalHeadline: string, options: HeadlineOptions = {}): HeadlineComparison {
  const publishers = (options.publishers ?? []).filter((name): name is string => typeof name === 'string');
  const page = prepareHeadline(String(pageHeadline ?? ''), publishers);
  const original = prepareHeadline(String(originalHeadline ?? ''), publishers);
  const { common, ops } = diffWords(page.words, original.words);
  const diff = toSegments(ops);
  const total = page.words.length + original.words.length;
  const identical = page.words.length === original.words.length && common === page.words.length;
  const similarity = identical ? 1 : total === 0 ? 1 : (2 * common) / total;
  const pageNames = names(page);
  const originalNames = names(original);
  const originalKeys = new Set(original.words.map((word) => word.key));
  const pageKeys = new Set(page.words.map((word) => word.key));
  const sharedNames = [...new Set([...pageNames, ...originalNames])].filter((key) => pageKeys.has(key) && originalKeys.has(key));
  const base = { similarity, diff, pageHeadline: page.display, originalHeadline: original.display, sharedNames };

  if (identical) return { verdict: 'same', ...base };
  const shorter = Math.min(page.words.length, original.words.length);
  const containment = shorter === 0 ? 0 : common / shorter;
  const t = HEADLINE_THRESHOLDS;
  if (similarity >= t.lightlyEdited || (shorter >= 3 && containment >= t.containment && similarity >= t.lightlyEditedWhenContained)) {
    return { verdict: 'lightly-edited', ...base };
  }
  const overlap = diceOverlap(contentStems(page.words), contentStems(original.words));
  if (similarity >= t.rewritten || overlap >= t.rewrittenContentOverlap || sharedNames.length >= t.rewrittenSharedNames) {
    return { verdict: 'rewritten', ...base };
  }
  return { verdict: 'different-story', ...base };
}
