/**
 * The encoding of a page that declares none and is not UTF-8, guessed as the
 * browsers guess it (Firefox's chardetng, Chromium's CED): without this, an
 * undeclared GBK, Big5, Shift_JIS, EUC-KR, windows-1251, Greek, Arabic or
 * Thai page would be read as windows-1252 and come out as mojibake.
 *
 * In the spirit of chardetng: each candidate encoding reads a sample of the
 * page's non-ASCII bytes and earns a score for how plausible the text it reads
 * is. A byte the encoding does not define costs much; letters of its script
 * earn, by how common they are; oddities cost: symbols inside a word, control
 * and private-use characters, a word that turns upper case mid-way, a letter
 * of another script glued to an ASCII word, accented Latin letters in long
 * runs with no ASCII letter between them, a lone letter that is no word. The
 * Chinese, Japanese and Korean candidates are scored by how often they read
 * the most frequent characters of their language (lists below): the right
 * decoding reads common characters, a wrong one rare ones. The Latin ones are
 * also scored per language (French, Polish, Czech, …), so that the accented
 * letters a decoding reads must make sense together. The country domain of
 * the page's address (.cn, .tw, .jp, .ru, …), when known, breaks near ties.
 *
 * Fast: only the first 64 KB are looked at, and only up to 8 KB of their
 * non-ASCII runs (with a byte of context on either side), read half a
 * kilobyte, then a kilobyte at a time by every candidate still in the race: a
 * candidate far behind the leader drops out, and the guess ends when one is
 * left (on a Chinese page, after the first half kilobyte). Pure code: the
 * platform's TextDecoder is the only API used, with the Encoding Standard's
 * labels, which browsers and Node (with full ICU) both know.
 */

/** How far into the page the sample is looked for. */
const SCAN_MAX = 64 * 1024;
/** How many bytes of non-ASCII runs (with their context) the candidates read at most. */
const SAMPLE_MAX = 8 * 1024;
/** The candidates read the sample this many bytes at a time (the first time, half as many), and the ones far behind drop out in between. */
const CHUNK = 1024;

/** A candidate's language family: what its text should look like, and which country domains hint at it. */
type Family = 'western' | 'central' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai' | 'zh-hans' | 'zh-hant' | 'ja' | 'ko';

interface Candidate {
  encoding: string;
  family: Family;
  /** Added to the score: windows-1252 is the fallback, and the rarer variant of a pair that often reads alike starts behind. */
  prior: number;
}

/** In order of preference when two candidates score the same. */
const CANDIDATES: readonly Candidate[] = [
  { encoding: 'windows-1252', family: 'western', prior: 1.5 },
  { encoding: 'gbk', family: 'zh-hans', prior: 0 },
  { encoding: 'shift_jis', family: 'ja', prior: 0 },
  { encoding: 'euc-kr', family: 'ko', prior: 0 },
  { encoding: 'big5', family: 'zh-hant', prior: 0 },
  { encoding: 'euc-jp', family: 'ja', prior: 0 },
  { encoding: 'windows-1251', family: 'cyrillic', prior: 0 },
  { encoding: 'koi8-r', family: 'cyrillic', prior: 0 },
  { encoding: 'koi8-u', family: 'cyrillic', prior: -0.5 },
  { encoding: 'windows-1250', family: 'central', prior: 0 },
  { encoding: 'iso-8859-2', family: 'central', prior: -0.5 },
  { encoding: 'windows-1253', family: 'greek', prior: 0 },
  { encoding: 'iso-8859-7', family: 'greek', prior: -0.5 },
  { encoding: 'windows-1256', family: 'arabic', prior: 0 },
  { encoding: 'iso-8859-6', family: 'arabic', prior: -0.5 },
  { encoding: 'windows-1255', family: 'hebrew', prior: 0 },
  { encoding: 'windows-874', family: 'thai', prior: 0 },
];

const CJK: ReadonlySet<Family> = new Set<Family>(['zh-hans', 'zh-hant', 'ja', 'ko']);

export interface EncodingScore {
  encoding: string;
  score: number;
}

/**
 * The encoding a browser would guess for these undeclared, non-UTF-8 bytes:
 * "gbk", "big5", "shift_jis", "euc-jp", "euc-kr", "windows-1251", "koi8-r",
 * "koi8-u", "windows-1250", "iso-8859-2", "windows-1253", "iso-8859-7",
 * "windows-1256", "iso-8859-6", "windows-1255", "windows-874", else
 * "windows-1252". `url` is the page's address when known: its country domain
 * breaks near ties. Without it, the address a saved page names for itself is used.
 */
export function sniffEncoding(bytes: Uint8Array, url: string | null = null): string {
  return sniffEncodingScores(bytes, url)[0]?.encoding ?? 'windows-1252';
}

/** Every candidate with its score, best first: what sniffEncoding chose from (the ones that dropped out last, with the score they had). */
export function sniffEncodingScores(bytes: Uint8Array, url: string | null = null): EncodingScore[] {
  const sample = nonAsciiSample(bytes);
  if (sample.length === 0) return [{ encoding: 'windows-1252', score: 0 }];
  const scorers = CANDIDATES.map((candidate) =>
    CJK.has(candidate.family) ? multiByteScorer(sample, candidate) : singleByteScorer(sample, candidate),
  );
  let live = scorers;
  for (let from = 0, to = 0; from < sample.length && live.length > 1; from = to) {
    to = Math.min(sample.length, from === 0 ? CHUNK / 2 : from + CHUNK);
    for (const scorer of live) scorer.read(from, to);
    const best = Math.max(...live.map((scorer) => scorer.score));
    live = live.filter((scorer) => scorer.score >= best - (12 + 0.35 * Math.max(0, best)));
  }
  const top = Math.max(...live.map((scorer) => scorer.score));
  const bonus = 2 + 0.05 * Math.abs(top);
  const leader = live.find((scorer) => scorer.score === top);
  // The address only matters when a candidate of another family is close behind the leader.
  if (live.some((scorer) => scorer.score >= top - bonus && scorer.candidate.family !== leader?.candidate.family)) {
    const hinted = familyOfUrl(url ?? pageUrl(bytes));
    for (const scorer of live) if (scorer.candidate.family === hinted) scorer.score += bonus;
  }
  // Array.prototype.sort is stable: equal scores keep the order of preference.
  const ranked = (list: Scorer[]) =>
    [...list].sort((a, b) => b.score - a.score).map(({ candidate, score }) => ({ encoding: candidate.encoding, score }));
  return [...ranked(live), ...ranked(scorers.filter((scorer) => !live.includes(scorer)))];
}

interface Scorer {
  candidate: Candidate;
  score: number;
  /** Scores sample[from, to); called on consecutive ranges. */
  read(from: number, to: number): void;
}

/**
 * The non-ASCII runs of the first 64 KB, up to 8 KB of them, each with the
 * ASCII byte before it and the bytes after it that a multi-byte encoding may
 * need (every non-ASCII byte keeps the byte after it, which may be the second
 * byte of a Shift_JIS, Big5 or GBK character, then one more), joined by line
 * feeds. ASCII text reads the same in every candidate: leaving it out costs
 * the guess nothing and keeps it fast.
 */
function nonAsciiSample(bytes: Uint8Array): Uint8Array {
  const scanEnd = Math.min(bytes.length, SCAN_MAX);
  // ASCII is skipped four bytes at a time, through the 32-bit words of the scan.
  const head = Math.min(scanEnd, (4 - (bytes.byteOffset & 3)) & 3);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (scanEnd - head) >> 2);
  const out = new Uint8Array(SAMPLE_MAX + 8);
  let n = 0;
  let i = 0;
  while (i < scanEnd && n < SAMPLE_MAX) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      if (i >= head && ((i - head) & 3) === 0) {
        let w = (i - head) >> 2;
        while (w < words.length && ((words[w] ?? 0) & 0x80808080) === 0) w++;
        i = head + w * 4;
      }
      continue;
    }
    if (n > 0) out[n++] = 0x0a;
    if (i > 0) out[n++] = bytes[i - 1] ?? 0x20;
    // Pairs: a non-ASCII byte and the byte after it, read past the scan's end so that no character is cut there.
    while (i < bytes.length && (bytes[i] ?? 0) >= 0x80 && n < SAMPLE_MAX + 4) {
      out[n++] = bytes[i++] ?? 0;
      if (i < bytes.length) out[n++] = bytes[i++] ?? 0;
    }
    if (i < bytes.length) out[n++] = bytes[i++] ?? 0;
  }
  return out.subarray(0, n);
}

// ——— Chinese, Japanese, Korean ———

/** Per character (two bytes, mostly): what a character of each kind is worth to a CJK candidate. */
function multiByteScorer(sample: Uint8Array, candidate: Candidate): Scorer {
  const decoder = new TextDecoder(candidate.encoding);
  const family = candidate.family;
  const tiers = hanTiers();
  const hangul = hangulTiers();
  const shift = family === 'zh-hans' ? 0 : family === 'zh-hant' ? 2 : 4;
  // A GBK character or a Korean syllable whose second byte is ASCII is one of the rare ones (GBK's and UHC's extensions).
  const trailCost = candidate.encoding === 'gbk' || candidate.encoding === 'euc-kr' ? 2 : 0;
  let before = 0x0a; // the last character of the previous range
  let pending = false; // whether sample[from - 1] is a first byte waiting for its second
  const scorer: Scorer = {
    candidate,
    score: candidate.prior,
    read(from, to) {
      const last = to === sample.length;
      const text = decoder.decode(sample.subarray(from, to), { stream: !last });
      // A character cut by the end of the sample (the page's end) is no evidence against the encoding.
      let end = text.length;
      if (last) while (end > 0 && text.charCodeAt(end - 1) === 0xfffd) end--;
      let score = 0;
      for (let i = 0; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) continue;
        let s: number;
        if (c >= 0x4e00 && c <= 0x9fff) {
          s = family === 'ko' ? 0.3 : (HAN_WEIGHT[((tiers[c - 0x4e00] ?? 0) >> shift) & 3] ?? 0);
        } else if (c >= 0xac00 && c <= 0xd7a3) {
          s = family === 'ko' ? (HANGUL_WEIGHT[hangul[c - 0xac00] ?? 0] ?? 0) : -3;
        } else if (c >= 0x3041 && c <= 0x309f) {
          s = family === 'ja' ? 4 : -3;
        } else if (c >= 0x30a0 && c <= 0x30ff) {
          s = family === 'ja' ? 3.5 : -3;
        } else if (c >= 0x3000 && c <= 0x303f) {
          s = 1.5; // 、。「」《》
        } else if ((c >= 0xff01 && c <= 0xff5e) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203b)) {
          s = 1; // fullwidth ，：？！（）and letters; “”‘’…—·
        } else if (c >= 0xff61 && c <= 0xff9f) {
          s = -1.5; // halfwidth katakana: one byte in Shift_JIS, what other encodings' bytes turn into
        } else if (c === 0xfffd || c < 0xa0 || (c >= 0xe000 && c <= 0xf8ff)) {
          s = -10; // undefined bytes, control characters, private use
        } else if (c >= 0xf900 && c <= 0xfaff) {
          s = family === 'ko' ? 0 : -3; // compatibility ideographs (KS X 1001 maps some hanja there)
        } else if (c >= 0x3400 && c <= 0x4dbf) {
          s = -2; // rare ideographs (extension A)
        } else if (c >= 0xd800 && c <= 0xdfff) {
          s = -1; // half of a supplementary-plane character (GB18030's four-byte forms)
        } else {
          s = -1.5; // Greek, Cyrillic, box drawing, arrows, mathematical signs: the symbol rows of the CJK sets
        }
        // A CJK character alone among ASCII letters ("don’t" read as GBK) is another encoding's accent or quote.
        const prev = i > 0 ? text.charCodeAt(i - 1) : before;
        const next = i + 1 < end ? text.charCodeAt(i + 1) : 0x0a;
        if (isAsciiLetter(prev) && isAsciiLetter(next)) s -= 5;
        else if ((isAsciiLetter(prev) && next < 0x80) || (isAsciiLetter(next) && prev < 0x80)) s -= 2.5;
        score += s;
      }
      if (end > 0) before = text.charCodeAt(end - 1);
      if (trailCost) {
        for (let i = from; i < to; i++) {
          const b = sample[i] ?? 0;
          if (pending) {
            pending = false;
            if (b < 0x80) score -= trailCost;
          } else if (b >= 0x81) pending = true;
        }
      }
      scorer.score += score;
    },
  };
  return scorer;
}

/** Per character, for the frequency tiers 0 (not in the list) to 3 (the most frequent). */
const HAN_WEIGHT = [0.5, 2, 3.5, 5];
const HANGUL_WEIGHT = [1.5, 3.5, 5];

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

let hanTierTable: Uint8Array | undefined;

/** For each of U+4E00–U+9FFF, its frequency tier (0–3) in Simplified Chinese (bits 0–1), Traditional Chinese (2–3) and Japanese (4–5). */
function hanTiers(): Uint8Array {
  if (hanTierTable) return hanTierTable;
  const table = new Uint8Array(0x9fff - 0x4e00 + 1);
  const mark = (list: string, shift: number, tier3: number, tier2: number) => {
    for (let rank = list.length - 1; rank >= 0; rank--) {
      const index = list.charCodeAt(rank) - 0x4e00;
      if (index < 0 || index >= table.length) continue;
      const tier = rank < tier3 ? 3 : rank < tier2 ? 2 : 1;
      table[index] = ((table[index] ?? 0) & ~(3 << shift)) | (tier << shift);
    }
  };
  mark(HANS, 0, 150, 500);
  mark(HANT, 2, 150, 500);
  mark(KANJI, 4, 100, 300);
  return (hanTierTable = table);
}

let hangulTierTable: Uint8Array | undefined;

/** For each Hangul syllable, 2 for the 100 most frequent, 1 for the rest of the list, else 0. */
function hangulTiers(): Uint8Array {
  if (hangulTierTable) return hangulTierTable;
  const table = new Uint8Array(0xd7a3 - 0xac00 + 1);
  for (let rank = HANGUL.length - 1; rank >= 0; rank--) table[HANGUL.charCodeAt(rank) - 0xac00] = rank < 100 ? 2 : 1;
  return (hangulTierTable = table);
}

// ——— Single-byte encodings ———

// What a byte reads as, for the context rules.
const ERROR = 0;
const LETTER = 1; // a letter of the candidate's script
const FOREIGN = 2; // a letter of another script (the French letters of windows-1256)
const MARK = 3; // a combining mark: Thai vowel or tone, Hebrew point, Arabic haraka
const SPACE = 4; // ASCII space and controls, no-break space, soft hyphen, direction marks
const PUNCT = 5;
const SYMBOL = 6;
const BOX = 7; // box drawing and blocks (KOI8-R's upper half)
const DIGIT = 8;
const ASCII_LETTER = 9;

const NO_CASE = 0;
const UPPER = 1;
const LOWER = 2;

// Classes of punctuation, for where it stands.
const APOSTROPHE = 1; // ’ ´ and the Catalan middle dot, between letters (don’t, don´t, l’État, col·lecció)
const QUOTE = 2; // « » “ ” „ ‘ ‹ › ¡ ¿: on one side of a word
const SUPERSCRIPT = 3; // ¹ ² ³ after a unit (m², cm³)
const ORDINAL = 4; // º ª after a number (1º, nº)
const SIGN = 5; // © § ° №: not glued to a word's start (the Š of ISO-8859-2 read as windows-1252)
// Classes of letters, for where they stand.
const BEFORE_VOWEL = 1; // Spanish ñ
const NOT_BEFORE_VOWEL = 2; // Polish ń (ni before a vowel)
const AFTER_CONSONANT = 3; // Czech ě, ů
const NASAL = 4; // Polish ą, ę: after a consonant (or i), before a consonant or the word's end
const WORD_FINAL = 5; // Italian ì ò ù (più, così, però) and à (città, voilà, à)
const NO_START = 1; // Cyrillic ь ъ ы begin no word
const FINAL_SIGMA = 1;
const SIGMA = 2;
const FINAL_FORM = 1; // Hebrew ך ם ן ף ץ
const NON_FINAL_FORM = 2; // Hebrew כ מ נ פ צ
const TAA_MARBUTA = 1;
const TH_CONSONANT = 1;
const TH_LEADING = 2; // เ แ โ ใ ไ, written before the consonant they follow in speech
const TH_FOLLOWING = 3; // ะ า ำ ๅ
const TH_ABOVE = 4; // vowels above or below the consonant
const TH_TONE = 5; // tone marks and the other signs above
const TH_OTHER = 6; // ฯ ๆ

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai';

const SCRIPT_OF: Partial<Record<Family, Script>> = {
  western: 'latin',
  central: 'latin',
  cyrillic: 'cyrillic',
  greek: 'greek',
  arabic: 'arabic',
  hebrew: 'hebrew',
  thai: 'thai',
};

interface ByteModel {
  script: Script;
  /** For each byte 0x00–0xFF (ASCII included): kind, case and class. */
  kind: Uint8Array;
  letterCase: Uint8Array;
  cls: Uint8Array;
  /** For each byte 0x80–0xFF, at b - 0x80: its weight, and for letters 1 if it is a word by itself (à, в, ο, و), else 2. */
  weight: Float32Array;
  alone: Uint8Array;
  /** Latin only: for byte b and language l, lang[(b - 0x80) * languages + l] is what the letter is worth in that language. */
  languages: number;
  lang: Float32Array;
  /** Latin only: what the letter is worth in the language of the family it is worth most in. */
  best: Float32Array;
}

const models = new Map<string, ByteModel>();

/** What each byte reads as in this encoding: built once per encoding from its TextDecoder. */
function byteModel(candidate: Candidate): ByteModel {
  const found = models.get(candidate.encoding);
  if (found) return found;
  const script = SCRIPT_OF[candidate.family] ?? 'latin';
  let text = new TextDecoder(candidate.encoding).decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  // Node's windows-1252 decoder reads 0x80–0x9F as ISO-8859-1's control characters: the Encoding Standard's are punctuation.
  if (candidate.encoding === 'windows-1252') text = WINDOWS_1252_C1.join('') + text.slice(32);
  const languages = candidate.family === 'western' ? WESTERN : candidate.family === 'central' ? CENTRAL : [];
  const L = languages.length;
  const model: ByteModel = {
    script,
    kind: new Uint8Array(256),
    letterCase: new Uint8Array(256),
    cls: new Uint8Array(256),
    weight: new Float32Array(128),
    alone: new Uint8Array(128),
    languages: L,
    lang: new Float32Array(128 * L),
    best: new Float32Array(128),
  };
  for (let b = 0; b < 128; b++) {
    const upper = b >= 0x41 && b <= 0x5a;
    const lower = b >= 0x61 && b <= 0x7a;
    model.kind[b] = upper || lower ? ASCII_LETTER : b >= 0x30 && b <= 0x39 ? DIGIT : b <= 0x20 ? SPACE : PUNCT;
    model.letterCase[b] = upper ? UPPER : lower ? LOWER : NO_CASE;
  }
  for (let i = 0; i < 128; i++) {
    const char = text[i] ?? '\ufffd';
    const lower = char.toLowerCase();
    const [kind, letterCase, cls, weight] = classify(char, script);
    model.kind[0x80 + i] = kind;
    model.letterCase[0x80 + i] = letterCase;
    model.cls[0x80 + i] = cls;
    model.weight[i] = weight;
    if (kind !== LETTER) continue;
    model.alone[i] = ONE_LETTER_WORDS[script].includes(char) ? 1 : 2;
    if (script === 'latin' && SHARED_LATIN.includes(lower)) model.weight[i] = 1;
    else if (L) {
      languages.forEach((language, l) => (model.lang[i * L + l] = language.get(lower) ?? -0.6));
      model.best[i] = Math.max(...languages.map((language) => language.get(lower) ?? -0.6));
    }
  }
  models.set(candidate.encoding, model);
  return model;
}

const PUNCTUATION = new Set([...'«»‘’‚‛“”„‹›–—―…•·†‡‰€£©®°™§№¡¿ªº×÷´¹²³،؛؟٪٫٬״׳־']);

/** What a decoded character is to a candidate of this script: [kind, case, class, weight]. */
function classify(char: string, script: Script): [number, number, number, number] {
  const cp = char.charCodeAt(0);
  if (cp === 0xfffd || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xe000 && cp <= 0xf8ff)) return [ERROR, NO_CASE, 0, 0];
  if (cp === 0xa0 || cp === 0xad || (cp >= 0x200c && cp <= 0x200f)) return [SPACE, NO_CASE, 0, 0];
  if (PUNCTUATION.has(char)) return [PUNCT, NO_CASE, punctuationClass(char), 0];
  if ((cp >= 0x2500 && cp <= 0x25ff) || cp === 0x2320 || cp === 0x2321) return [BOX, NO_CASE, 0, 0];
  if (/\p{Nd}/u.test(char)) return [DIGIT, NO_CASE, 0, 0];
  const own = SCRIPT_PATTERN[script].test(char);
  if (/\p{L}/u.test(char) && cp !== 0xb5) {
    if (!own) return [FOREIGN, NO_CASE, 0, 0];
    const lower = char.toLowerCase();
    const letterCase = lower !== char ? UPPER : char.toUpperCase() !== char ? LOWER : NO_CASE;
    return [LETTER, letterCase, letterClass(lower, script), LETTER_WEIGHTS[script].get(lower) ?? DEFAULT_WEIGHT[script]];
  }
  if (/\p{M}/u.test(char) && own) return [MARK, NO_CASE, letterClass(char, script), script === 'thai' ? 1.2 : 0.3];
  return [SYMBOL, NO_CASE, 0, 0];
}

function punctuationClass(char: string): number {
  if ('’´·'.includes(char)) return APOSTROPHE;
  if ('«»“”„‘‹›¡¿'.includes(char)) return QUOTE;
  if ('¹²³'.includes(char)) return SUPERSCRIPT;
  if ('ºª'.includes(char)) return ORDINAL;
  return '©§°№'.includes(char) ? SIGN : 0;
}

const SCRIPT_PATTERN: Record<Script, RegExp> = {
  latin: /\p{Script=Latin}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  greek: /\p{Script=Greek}/u,
  arabic: /[\p{Script=Arabic}\u0640]/u,
  hebrew: /\p{Script=Hebrew}/u,
  thai: /\p{Script=Thai}/u,
};

/** The letters that are words by themselves, of those a single-byte encoding can hold. */
const ONE_LETTER_WORDS: Record<Script, string> = {
  latin: 'àèéÀÈÉ',
  cyrillic: 'вскуоаяиіжеВСКУОАЯИІЖЕ',
  greek: 'οηήΟΗΉ',
  arabic: 'و',
  hebrew: '',
  thai: '',
};

function letterClass(lower: string, script: Script): number {
  switch (script) {
    case 'latin':
      if (lower === 'ą' || lower === 'ę') return NASAL;
      if ('ìòùà'.includes(lower)) return WORD_FINAL;
      return lower === 'ñ' ? BEFORE_VOWEL : lower === 'ń' ? NOT_BEFORE_VOWEL : lower === 'ě' || lower === 'ů' ? AFTER_CONSONANT : 0;
    case 'greek':
      return lower === 'ς' ? FINAL_SIGMA : lower === 'σ' ? SIGMA : 0;
    case 'hebrew':
      return 'ךםןףץ'.includes(lower) ? FINAL_FORM : 'כמנפצ'.includes(lower) ? NON_FINAL_FORM : 0;
    case 'arabic':
      return lower === 'ة' ? TAA_MARBUTA : 0;
    case 'cyrillic':
      return 'ьъы'.includes(lower) ? NO_START : 0;
    case 'thai': {
      const cp = lower.charCodeAt(0);
      if (cp >= 0x0e01 && cp <= 0x0e2e) return TH_CONSONANT;
      if (cp >= 0x0e40 && cp <= 0x0e44) return TH_LEADING;
      if (cp === 0x0e30 || cp === 0x0e32 || cp === 0x0e33 || cp === 0x0e45) return TH_FOLLOWING;
      if (cp === 0x0e31 || (cp >= 0x0e34 && cp <= 0x0e3a)) return TH_ABOVE;
      if (cp >= 0x0e47 && cp <= 0x0e4e) return TH_TONE;
      return TH_OTHER;
    }
  }
}

/** Per letter (lower case), roughly by frequency; letters not listed are worth DEFAULT_WEIGHT. Latin letters are scored per language instead. */
const LETTER_WEIGHTS: Record<Script, ReadonlyMap<string, number>> = {
  latin: new Map(),
  cyrillic: weights({
    2: 'оеаинт',
    1.8: 'с',
    1.6: 'рвл',
    1.5: 'кі',
    1.4: 'мдп',
    1.3: 'у',
    1.2: 'яы',
    1.1: 'ьгзб',
    1: 'чй',
    0.9: 'хжєї',
    0.8: 'шю',
    0.7: 'цъ',
    0.6: 'щэфў',
    0.5: 'ёґј',
    0.4: 'љњћ',
    0.3: 'ђџѓќѕ',
  }),
  greek: weights({ 2: 'αοιετν', 1.6: 'σςηυρπκμλάόίέή', 1.3: 'ώύγδω', 1: 'θχφ', 0.8: 'β', 0.6: 'ζξ', 0.4: 'ψϊϋΐΰ' }),
  arabic: weights({
    2: 'الي',
    1.8: 'مون',
    1.6: 'رت',
    1.5: 'هبة',
    1.4: 'عدسفأ',
    1.3: 'كقح',
    1.2: 'جى',
    1.1: 'إ',
    1: 'شصطخ',
    0.9: 'ضزثذ',
    0.8: 'غءئ',
    0.6: 'ظؤآ',
    0.5: 'پچژگکی',
    0: 'ـ',
  }),
  hebrew: weights({
    2: 'יוה',
    1.8: 'לא',
    1.6: 'רתבמ',
    1.5: 'נש',
    1.4: 'םע',
    1.3: 'דכ',
    1.2: 'קחן',
    1.1: 'פס',
    1: 'צ',
    0.9: 'זטג',
    0.8: 'ףך',
    0.6: 'ץ',
  }),
  thai: weights({ 1.6: 'านรอกงมยเวทดตสลบหคปจแไ', 0.6: 'ฃฅฆฌฎฏฐฑฒณญฬฮฤฦๅ' }),
};

const DEFAULT_WEIGHT: Record<Script, number> = { latin: 0, cyrillic: 0.8, greek: 1, arabic: 0.8, hebrew: 1, thai: 1.2 };

function weights(byWeight: Record<number, string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [weight, letters] of Object.entries(byWeight)) for (const letter of letters) map.set(letter, Number(weight));
  return map;
}

/**
 * The accented letters windows-1252, windows-1250 and ISO-8859-2 all have, at
 * the same byte (but for š and ž in ISO-8859-2): worth the same to every
 * Latin candidate, they tell the Western encoding from the Central European
 * ones nothing, and are not scored per language.
 */
const SHARED_LATIN = 'áâäçéëíîóôöúüýßšž';

/**
 * The languages each Latin family is read as, with what each of its other
 * accented letters (lower case) is worth in them; a letter a language does
 * not use costs 0.6 there. German and English, which use only shared letters
 * or none, are the language with none.
 */
const WESTERN = [
  weights({ 2.2: 'è', 2: 'à', 1.6: 'ê', 1: 'œ', 0.8: 'ùû', 0.6: 'ï', 0.2: 'ÿæ' }), // French
  weights({}), // German, English
  weights({ 2.2: 'ñ' }), // Spanish
  weights({ 2.2: 'ã', 1.6: 'õê', 1: 'à' }), // Portuguese
  weights({ 2.2: 'è', 2: 'àò', 1.6: 'ìù' }), // Italian
  weights({ 2: 'àè', 1.8: 'ò', 1: 'ï' }), // Catalan
  weights({ 1: 'èï' }), // Dutch
  weights({ 2.2: 'å' }), // Swedish, Finnish
  weights({ 2.3: 'ø', 2.2: 'æå' }), // Danish, Norwegian
  weights({ 2.2: 'ð', 1.8: 'þ', 1.6: 'æ' }), // Icelandic
];

const CENTRAL = [
  weights({ 2: 'ěřč', 1.6: 'ů', 1: 'ňťď' }), // Czech
  weights({ 2: 'č', 1.6: 'ľ', 1.2: 'ťň', 1: 'ď', 0.4: 'ŕĺ' }), // Slovak
  weights({ 2.5: 'ł', 2.2: 'ąę', 1.8: 'żś', 1.6: 'ćń', 1: 'ź' }), // Polish
  weights({ 2.5: 'ő', 1.6: 'ű' }), // Hungarian
  weights({ 2.2: 'č', 1.8: 'ć', 1.4: 'đ' }), // Croatian, Slovenian, Bosnian
  weights({ 2.2: 'ăşţ' }), // Romanian
];

/**
 * Per byte of the sample: letters earn their weight (Latin ones, what they are
 * worth in their family's languages), and the context rules charge for what
 * natural text does not do.
 */
function singleByteScorer(sample: Uint8Array, candidate: Candidate): Scorer {
  const m = byteModel(candidate);
  const { kind, letterCase, cls: classes, weight, alone, lang, best } = m;
  const L = m.languages;
  const script = m.script;
  const latin = script === 'latin';
  const tallies = new Float64Array(L); // per language: what the accented letters read so far are worth together
  const seen = new Uint8Array(128); // how often each accented letter has counted towards the tallies
  const n = sample.length;
  // Between ranges: the previous byte's kind, case and class, the byte, how many non-ASCII letters in a row end there,
  // and the per-language part of the score.
  let state = { pk: SPACE, pc: NO_CASE, pcls: 0, pb: 0x0a, run: 0, language: 0 };
  const scorer: Scorer = {
    candidate,
    score: candidate.prior,
    read(from, to) {
      let { pk, pc, pcls, pb, run } = state;
      let score = 0;
      for (let i = from; i < to; i++) {
        const b = sample[i] ?? 0;
        const k = kind[b] ?? ERROR;
        const c = letterCase[b] ?? NO_CASE;
        const cls = classes[b] ?? 0;
        const next = i + 1 < n ? (kind[sample[i + 1] ?? 0] ?? ERROR) : SPACE;
        if (b < 0x80) {
          if (k === ASCII_LETTER) {
            if (pk === LETTER && !latin)
              score -= 3; // a Cyrillic, Greek, Arabic… letter glued to an ASCII one
            else if (pk === LETTER && pc === LOWER && c === UPPER) score -= 4;
          } else if (pk === LETTER) score -= wordEnd(script, pcls);
          run = 0;
        } else if (latin && b <= 0xdf && b >= 0xc2 && (sample[i + 1] ?? 0) >= 0x80 && (sample[i + 1] ?? 0) <= 0xbf) {
          // A UTF-8 character in a Latin page (Ã¼ for ü, copied in from elsewhere) says nothing of the page's own encoding.
          pk = LETTER;
          pc = NO_CASE;
          pcls = 0;
          pb = sample[++i] ?? 0;
          continue;
        } else {
          const j = b - 0x80;
          let s = weight[j] ?? 0;
          switch (k) {
            case ERROR:
              s -= 10;
              break;
            case LETTER: {
              if (pk === ASCII_LETTER && !latin) s -= 3;
              if ((pk === LETTER || pk === ASCII_LETTER) && pc === LOWER && c === UPPER)
                s -= 4; // a word that turns upper case mid-way
              else if (pk === LETTER && pc === UPPER && c === UPPER && !latin) s -= 0.7; // mostly capitals: KOI8-R read as windows-1251
              run = pk === LETTER ? run + 1 : 1;
              if (latin && run > 2) s -= 2.5; // accented letters with no ASCII letter among them: another script
              const top = best[j] ?? 0;
              if (top !== 0) {
                // What the letter is worth in the family's language it is worth most in, and (at the end) what the letters
                // are worth together in one language, where one letter over and over (the ł of cm³ read as windows-1250)
                // counts three times.
                s += 0.7 * top;
                if ((seen[j] ?? 3) < 3) {
                  seen[j] = (seen[j] ?? 0) + 1;
                  for (let l = 0; l < L; l++) tallies[l] = (tallies[l] ?? 0) + (lang[j * L + l] ?? 0);
                }
                if (pb === b) s -= 3; // ťťť: no language doubles these letters (the »»» of a windows-1252 page read as ISO-8859-2)
              }
              s -= letterContext(script, cls, pk, pcls, next);
              // A letter standing alone that is no word by itself (the Ł of a misread £10, the ฉ of a misread ©); one that
              // is (в, à) is weak evidence: the × of a close button is a lone в in KOI8-R.
              if (!isLetter(pk) && pk !== MARK && !isLetter(next) && next !== MARK) s = alone[j] === 2 ? s - (script === 'thai' ? 3 : 2) : s / 2;
              if (latin && cls !== 0) s -= neighbours(cls, pb, sample[i + 1] ?? 0x20);
              if (pk === DIGIT || next === DIGIT) s -= latin ? 1.5 : 1; // 144Ч144: a misread ×
              break;
            }
            case FOREIGN:
              if (pk === LETTER || next === LETTER) s -= 3;
              break;
            case MARK:
              s -= markContext(script, cls, pk, pcls);
              break;
            case SYMBOL:
              s -= 0.2;
              if (isLetter(pk) && isLetter(next)) s -= 3; // ¹ ³ ¿ in the middle of a word: another encoding's letter
              break;
            case BOX:
              s -= 4;
              break;
            case PUNCT: {
              const before = isLetter(pk);
              const after = isLetter(next);
              if (before && after) s += cls === APOSTROPHE ? 1 : -3;
              else if (cls === SUPERSCRIPT)
                s += pb === 0x6d ? 3 : before ? 0.5 : 0; // m², m³ (and cm³, km²)
              else if (cls === ORDINAL) s += pk === DIGIT || pb === 0x6e || pb === 0x4e ? 1 : 0;
              else if (cls === SIGN) s -= after ? 1.5 : 0;
              else if ((before || after) && cls !== 0) s += 1; // a quotation mark at a word's edge: well-set text
              break;
            }
          }
          if (k !== LETTER) run = 0;
          score += s;
        }
        pk = k;
        pc = c;
        pcls = cls;
        pb = b;
      }
      // The per-language part is the best language's tally so far: it replaces the previous range's.
      const language = L ? 0.5 * Math.max(...tallies) : 0;
      scorer.score += score + language - state.language;
      state = { pk, pc, pcls, pb, run, language };
    },
  };
  return scorer;
}

function isLetter(kind: number): boolean {
  return kind === LETTER || kind === ASCII_LETTER || kind === FOREIGN;
}

/** What a letter costs where it stands: ς, ך ם ן ף ץ and ة end words; ь ъ ы begin none; Thai letters follow their order. */
function letterContext(script: Script, cls: number, pk: number, pcls: number, next: number): number {
  switch (script) {
    case 'greek':
      return pk === LETTER && pcls === FINAL_SIGMA ? 4 : 0;
    case 'hebrew':
      return pk === LETTER && pcls === FINAL_FORM ? 3 : 0;
    case 'arabic':
      return pk === LETTER && pcls === TAA_MARBUTA ? 2 : 0;
    case 'cyrillic':
      return cls === NO_START && pk !== LETTER ? 2 : 0;
    case 'thai':
      if (cls === TH_FOLLOWING && pk !== LETTER && pk !== MARK) return 3;
      if (cls === TH_OTHER && pk !== LETTER && pk !== MARK) return 2;
      if (pk === LETTER && pcls === TH_LEADING && cls !== TH_CONSONANT) return 3;
      if (cls === TH_LEADING && next !== LETTER) return 2;
      return 0;
    default:
      return 0;
  }
}

/** What a letter costs at the end of a word: σ and the Hebrew non-final forms do not end words. */
function wordEnd(script: Script, pcls: number): number {
  if (script === 'greek' && pcls === SIGMA) return 2;
  if (script === 'hebrew' && pcls === NON_FINAL_FORM) return 1.5;
  return 0;
}

/** A combining mark follows a letter (Thai: a vowel above or below follows a consonant; a tone mark, a consonant or such a vowel). */
function markContext(script: Script, cls: number, pk: number, pcls: number): number {
  if (script === 'thai') {
    if (cls === TH_ABOVE) return pk === LETTER && pcls === TH_CONSONANT ? 0 : 4;
    return (pk === LETTER && pcls === TH_CONSONANT) || (pk === MARK && pcls === TH_ABOVE) ? 0 : 4;
  }
  return pk === LETTER || pk === MARK ? 0 : 4;
}

/**
 * What a Latin letter costs beside the ASCII letters around it: ñ comes before a vowel, ń not; ě and ů come after
 * a consonant; ą and ę between consonants (Czech š read as windows-1250 is an ą before a vowel); Italian's ì ò ù à
 * end words (Czech ě read as windows-1252 is an ì inside one).
 */
function neighbours(cls: number, before: number, after: number): number {
  switch (cls) {
    case BEFORE_VOWEL:
      return isAsciiLetter(after) && !isVowel(after) ? 2 : 0;
    case NOT_BEFORE_VOWEL:
      return isVowel(after) ? 3 : 0;
    case AFTER_CONSONANT:
      return isVowel(before) ? 2 : 0;
    case NASAL:
      return isVowel(after) || (isVowel(before) && before !== 0x69) ? 2 : 0;
    case WORD_FINAL:
      return isAsciiLetter(after) ? 1.5 : 0;
    default:
      return 0;
  }
}

function isVowel(byte: number): boolean {
  return (
    byte === 0x61 ||
    byte === 0x65 ||
    byte === 0x69 ||
    byte === 0x6f ||
    byte === 0x75 ||
    byte === 0x79 ||
    byte === 0x41 ||
    byte === 0x45 ||
    byte === 0x49 ||
    byte === 0x4f ||
    byte === 0x55 ||
    byte === 0x59
  );
}

// ——— The page's address ———

/** The family a country domain hints at. */
function familyOfUrl(url: string | null): Family | null {
  if (!url) return null;
  const host = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase().replace(/\.$/, '');
  const tld = host?.slice(host.lastIndexOf('.') + 1);
  return (tld && TLD_FAMILY.get(tld)) || null;
}

const TLD_FAMILY = new Map<string, Family>([
  ...tlds('zh-hans', 'cn'),
  ...tlds('zh-hant', 'tw hk mo'),
  ...tlds('ja', 'jp'),
  ...tlds('ko', 'kr'),
  ...tlds('cyrillic', 'ru ua by bg kz kg tj mk rs su xn--p1ai xn--j1amh xn--90ais xn--90a3ac xn--d1alf'),
  ...tlds('greek', 'gr cy'),
  ...tlds('central', 'pl cz sk hu si hr ba ro'),
  ...tlds('arabic', 'sa eg ae iq jo kw lb ly ma dz tn om qa bh sy ye sd ps ir af'),
  ...tlds('hebrew', 'il'),
  ...tlds('thai', 'th'),
  ...tlds('western', 'fr de es it pt br nl be ch at lu se no dk fi is ie mx ar cl co pe ve uy'),
]);

function tlds(family: Family, list: string): [string, Family][] {
  return list.split(' ').map((tld) => [tld, family]);
}

/**
 * The address a saved page names for itself: the "saved from url" comment
 * browsers write, else its canonical link or og:url, in its first 8 KB.
 */
function pageUrl(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one char: the ASCII markup reads the same in any ASCII-compatible encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8 * 1024));
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head)?.[1];
  if (saved) return saved;
  for (const tag of head.matchAll(/<(?:link|meta)\s[^>]*(?:canonical|og:url)[^>]*>/gi)) {
    const markup = tag[0];
    if (!/\brel\s*=\s*["']?canonical\b|\bproperty\s*=\s*["']?og:url\b/i.test(markup)) continue;
    const value = /\b(?:href|content)\s*=\s*["']?([^"'\s>]+)/i.exec(markup)?.[1];
    if (value && /^https?:\/\//i.test(value)) return value;
  }
  return null;
}

/**
 * Bytes 0x80–0x9F in windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; five stay as they are).
 * Node 20's TextDecoder('windows-1252') decodes them as ISO-8859-1's control
 * characters; mapping them here is right on a fixed Node too.
 */
export const WINDOWS_1252_C1: readonly string[] = [
  '\u20ac',
  '\u0081',
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  '\u008d',
  '\u017d',
  '\u008f',
  '\u0090',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  '\u009d',
  '\u017e',
  '\u0178',
];

// ——— Frequency lists ———

/** The 1,000 most frequent characters of Simplified Chinese text, most frequent first (after Jun Da's modern Chinese character frequency list). */
const HANS =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重' +
  '并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基' +
  '眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚' +
  '请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧' +
  '黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷' +
  '洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮' +
  '露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂' +
  '旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶';
/** The same 1,000 in their Traditional forms, as Big5 pages write them. */
const HANT =
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重' +
  '並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基' +
  '眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞' +
  '請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊' +
  '黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷' +
  '洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島托央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露' +
  '永呼味野架域沙掉括艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固席松秘謝魯遇康慮幸均銷鐘詩藏趕劇票損忽巨炮舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖招婚脫補謂督毒油療旅澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁' +
  '宮喝借君禁陰園謀宋避抓榮姑孫逃牙束跳頂玉';
/** About 500 of the most frequent kanji of Japanese newspaper text, most frequent first. */
const KANJI =
  '日一国会人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協取都和統以機平総加山思家話世受区領多県' +
  '続進正安設保改数記院女初北午指権心界支第産結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信策集在件団別物側任引使求所次水半品昨論計死官増係感特情投示変打男基私各始島直両朝革価式確村提運終挙果西勢減台広容必応演電歳住争談能無再位置企真流' +
  '格有疑口過局少放税検藤町常校料沢裁状工建語球営空職証土与急止送援供可役構木割聞身費付施切由説転食比難防補車優夫研収断井何南石足違消境神番規術護展態導鮮備宅害配副算視条幹独警宮究育席輸訪楽起万着乗店述残想線率病農州武声質念待試族象銀域助労例衛然早張映限親額監環験追審商葉義伝働形景落' +
  '欧担好退準賞訴辺造英被株頭技低毎医復仕去姿味負閣韓渡失移差衆個門写評課末守若脳極種美岡影命含福蔵量望松非撃佐核観察整段横融型白深字答夜製票況音申様財港識注呼渉達良響阪帰針専推';
/** About 280 of the most frequent Hangul syllables of Korean text, roughly most frequent first. */
const HANGUL =
  '이다의는에을하고한가로지서기사리도자으를대정나해시인어수일적국아구부들과제전상보주성게장있만요원면라여동그경신와소문용공비관위화행마내세연회조방선것치무개중했습니생물모학저미안실던계발교결야초영업당명식김민진체본말분외후또같될되데때및두현통거오히단금터운간작며차남천재출달입각년월' +
  '날특표없우산양추청않까심임받할함된석건향알려활예설복북투바변력점견감확파배반규호형육따밝최령필러크트스드레르프브블테페코카타포럼킹론토번처품판뿐더많속질집병송별음즉강층격증역류급순색열값님락난길직녀준혁례씨험약권협폭망귀키능환택효종존접울근법완침태립족곳쪽죠네께듯엔런텐링';
