/**
 * The article's running text, for comparing a page with its original. Not on
 * the content script's every-page path: it runs when a copy is found or an
 * original is fetched. Bounded like the scan: an iterative walk with caps.
 * The content script's on-demand half imports it, so it imports nothing of
 * the rules (the engine run on a fetched page is core/read-page.ts).
 */
import { findRoot } from './digest';
import { normalizeSpace } from './text';

/** Enough for any news article (a long read is ~10,000 words ≈ 70,000 characters). */
const MAX_CHARS = 200_000;
const MAX_NODES = 60_000;
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'ASIDE',
  'FORM',
  'FIGCAPTION',
]);
const BREAKS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BR',
  'TR',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'PRE',
  'TD',
  'DD',
  'DT',
]);

export function articleText(doc: Document): string {
  let root: Element | null;
  try {
    root = findRoot(doc);
  } catch {
    // A document without an <html> element (linkedom parsing garbage) has no article.
    return '';
  }
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  // Depth-first with an explicit stack: a 10,000-deep DOM must not overflow the call stack.
  const stack: Node[] = [root];
  for (let visited = 0; stack.length > 0 && visited < MAX_NODES && length < MAX_CHARS; visited++) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (BREAKS.has(tag)) parts.push('\n');
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return parts.join('').split('\n').map(normalizeSpace).filter(Boolean).join('\n').slice(0, MAX_CHARS);
}
