/**
 * Word splitting shared by the headline and text comparisons.
 */

/**
 * Chinese and Japanese are written without spaces, so a "word" split on
 * spaces would be a whole sentence. Each Han / kana character becomes its own
 * token instead: crude, but the same on both sides, and it keeps a Yahoo!ニュース
 * copy comparable with its CNET Japan original without a dictionary. The
 * long-vowel mark ー and the repeat mark 々 are script "Common" but belong to
 * the word around them.
 */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]/u;
const CJK_CHAR_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]/gu;
/** Splits a token into single CJK characters and the runs between them (kept by the capture group). */
export const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc])/u;

/** Letters, digits and combining marks (Devanagari vowel signs are marks, not punctuation). */
export const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** Put spaces around CJK characters so a plain word split yields one token per character. */
export function spaceOutCjk(text: string): string {
  return CJK_CHAR.test(text) ? text.replace(CJK_CHAR_GLOBAL, ' $& ') : text;
}
