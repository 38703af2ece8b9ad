/**
 * Finding a piece of evidence (a quote the engine kept, core/types.ts
 * Evidence) in the page's own text, and showing it, as Churnalism highlighted
 * copied passages. Runs in the content script: plain DOM, small, and it
 * changes none of the page's nodes (the quote is marked with the CSS Custom
 * Highlight API, else selected).
 *
 * The quote is matched across text nodes with whitespace ignored: the engine
 * squashed it (and may have clipped it with "…"), while the page may split it
 * over links, spans and line breaks. What the engine quoted from the markup
 * (a meta tag, JSON-LD) is not in the text: not found, and the reader is told.
 */

/** Elements whose text a reader never sees. */
const UNSEEN = /^(script|style|noscript|template|textarea|title)$/i;
/** The name of the highlight (and of its ::highlight() rule). */
const EVIDENCE_HIGHLIGHT = 'provenance-evidence';

/** Where the page's text reads as `quote`: its first and last characters (text node, offset); null when the text does not hold it. */
export function locateEvidence(doc: Document, quote: string): { first: [Text, number]; last: [Text, number] } | null {
  // Markup quoted as evidence (`<a href="…">ProPublica</a>`) is looked for by its text; a tag alone has none.
  const needle = quote.replace(/<[^>]*>|\s+/g, '').replace(/^["“‘']+|["”’'…]+$/g, '');
  const root = doc.body;
  if (needle.length < 2 || !root) return null;
  // SHOW_TEXT: NodeFilter is not a global everywhere the tests run.
  const walker = doc.createTreeWalker(root, 4);
  let hay = '';
  const at: [Text, number][] = [];
  for (let node = walker.nextNode() as Text | null; node && hay.length < 2e6; node = walker.nextNode() as Text | null) {
    if (UNSEEN.test(node.parentElement?.tagName ?? '')) continue;
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) continue;
      hay += text[i];
      at.push([node, i]);
    }
  }
  const start = hay.indexOf(needle);
  return start < 0 ? null : { first: at[start]!, last: at[start + needle.length - 1]! };
}

/** The range of the page's text that reads as `quote`, or null. */
function findEvidence(doc: Document, quote: string): Range | null {
  const found = locateEvidence(doc, quote);
  if (!found) return null;
  const range = doc.createRange();
  range.setStart(...found.first);
  range.setEnd(found.last[0], found.last[1] + 1);
  return range;
}

/**
 * Scrolls the quote into view and marks it: a highlight where the browser has
 * the API (Chromium, Firefox 140), else the page's selection. True when the
 * page's text holds it.
 */
let styled = false;

export function showEvidence(doc: Document, quote: string): boolean {
  const range = findEvidence(doc, quote);
  if (!range) return false;
  (range.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center' });
  // The page's window: its Highlight and registry (in a content script, the page's own, seen through its wrapper).
  const win = doc.defaultView as unknown as {
    Highlight?: new (r: Range) => object;
    CSS?: { highlights?: Map<string, object> };
    CSSStyleSheet: typeof CSSStyleSheet;
  } | null;
  const highlights = win?.CSS?.highlights;
  try {
    if (!win?.Highlight || !highlights) throw 0;
    if (!styled) {
      // A sheet of its own, adopted: the page gains no node, and its sheets stay as they are.
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(`::highlight(${EVIDENCE_HIGHLIGHT}){background:#fde047;color:#1c1917}`);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      styled = true;
    }
    highlights.set(EVIDENCE_HIGHLIGHT, new win.Highlight(range));
  } catch {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return true;
}
