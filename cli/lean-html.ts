/**
 * A page's HTML without what detect() never reads: the text of scripts (JSON-LD kept whole) and styles, and
 * comments. The elements stay, with their attributes (a pixel's script src is read). The digest skips script
 * and style text in every walk (core/digest.ts SKIP_TAGS) and reads no comment, so the record is the same
 * (tests/unit/indexed-dom.test.ts compares the engine's record both ways on the corpus pages), while the
 * parser has a third less to build on a typical news page.
 *
 * One pass, leftmost match first, as a browser's tokenizer meets them: a comment that starts before a
 * <script> hides it, and a script's text ends at its first </script>.
 */
const RAW = /<!--[\s\S]*?(?:-->|$)|(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>|$)|(<style\b[^>]*>)[\s\S]*?(<\/style\s*>|$)/gi;
const JSON_LD = /\btype\s*=\s*["']?[^"'>]*ld\+json/i;

export function leanHtml(html: string): string {
  return html.replace(RAW, (match, scriptOpen?: string, _text?: string, scriptClose?: string, styleOpen?: string, styleClose?: string) => {
    if (scriptOpen !== undefined) return JSON_LD.test(scriptOpen) ? match : `${scriptOpen}${scriptClose ?? ''}`;
    if (styleOpen !== undefined) return `${styleOpen}${styleClose ?? ''}`;
    return '';
  });
}
