/**
 * Does the page credit the original's author? A syndicator often credits its
 * own account ("Author : Jean-Pierre CHALLOT") instead, which is worth showing.
 */
import { foldPunctuation, normalizeSpace } from '../text';

export interface AuthorsComparison {
  verdict: 'match' | 'different' | 'unknown';
  /** The original's author names (as written, "By " removed) that the page also credits. */
  matched: string[];
}

interface Name {
  display: string;
  tokens: string[];
}

const BYLINE_PREFIX = /^(?:(?:written|words|story|reporting|text)\s+)?by(?:\s*:\s*|\s+|$)/i;
const HONORIFIC = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'sir', 'dame']);
const GENERATION = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function nameTokens(name: string): string[] {
  const folded = foldPunctuation(name.normalize('NFKC'))
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // "O'Brien" is one name; "J.-P." and "Jean-Pierre" are two.
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const tokens = folded === '' ? [] : folded.split(' ').filter((token) => !HONORIFIC.has(token) && !GENERATION.has(token));
  // Middle initials come and go between bylines ("John F. Smith" / "John Smith").
  return tokens.filter((token, index) => token.length > 1 || index === 0 || index === tokens.length - 1);
}

/**
 * One credit line into names: "By Jane Doe and John Roe", "Smith, John",
 * "John Smith, Associated Press" (affiliation dropped), "A; B".
 */
function splitCredit(credit: string): Name[] {
  const cleaned = normalizeSpace(String(credit ?? ''))
    .replace(/\([^)]*\)/g, ' ')
    .replace(BYLINE_PREFIX, '');
  const names: string[] = [];
  for (const part of cleaned.split(/\s+(?:and|&)\s+|\s*;\s*|\s+\|\s+/i)) {
    const pieces = part
      .split(/\s*,\s*/)
      .map((piece) => piece.trim())
      .filter(Boolean);
    if (pieces.length <= 1) names.push(part);
    else if (pieces.length === 2 && pieces.every((piece) => !piece.includes(' '))) names.push(`${pieces[1]} ${pieces[0]}`);
    else if (pieces.every((piece) => piece.includes(' '))) names.push(...pieces);
    else names.push(pieces[0] ?? '');
  }
  return names
    .map((display) => normalizeSpace(display.replace(BYLINE_PREFIX, '')))
    .map((display) => ({ display, tokens: nameTokens(display) }))
    .filter((name) => name.tokens.length > 0);
}

function sameAuthor(a: Name, b: Name): boolean {
  if (a.tokens.join(' ') === b.tokens.join(' ')) return true;
  if (a.tokens.length < 2 || b.tokens.length < 2) return false;
  const [firstA = '', lastA = ''] = [a.tokens[0], a.tokens[a.tokens.length - 1]];
  const [firstB = '', lastB = ''] = [b.tokens[0], b.tokens[b.tokens.length - 1]];
  if (lastA !== lastB) return false;
  // "J. Smith" is John Smith; "John Michael Smith" is John Smith.
  return firstA === firstB || (firstA.length === 1 && firstB.startsWith(firstA)) || (firstB.length === 1 && firstA.startsWith(firstB));
}

export function authorsMatch(pageAuthors: string[], originalAuthors: string[]): AuthorsComparison {
  const pageNames = (Array.isArray(pageAuthors) ? pageAuthors : []).flatMap(splitCredit);
  const originalNames = (Array.isArray(originalAuthors) ? originalAuthors : []).flatMap(splitCredit);
  if (pageNames.length === 0 || originalNames.length === 0) return { verdict: 'unknown', matched: [] };
  const matched = originalNames.filter((original) => pageNames.some((page) => sameAuthor(page, original))).map((name) => name.display);
  return { verdict: matched.length > 0 ? 'match' : 'different', matched: [...new Set(matched)] };
}
