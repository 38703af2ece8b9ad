/**
 * DOMParser, for the HTML the engine reads in the extension: the pages of the reader's tabs (sent by their
 * content scripts) and fetched originals. Used by the background (Firefox's background page) and the
 * offscreen document (Chrome). The content script uses only shadowingNames, on the live page.
 */

/** What a page's named elements may stand for on its document: img, form, embed, iframe and object by name, img and object by id. */
const NAMED = 'img[name], form[name], embed[name], iframe[name], object[name], img[id], object[id]';

/**
 * The parsed document of `html`. A document's named elements override its own properties (`<img
 * name="getElementsByTagName">` is that document's getElementsByTagName, in Firefox also in a parsed
 * document): where a name or id is one of the document's own properties it is dropped, so that the engine
 * reads this copy with the DOM's own methods. Scripts never run in it, nothing is loaded.
 */
export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const [el, attribute] of shadowingNames(doc)) el.removeAttribute(attribute);
  return doc;
}

/**
 * The name and id attributes of a document's elements that stand for one of the document's own properties,
 * found with the DOM's own methods (its prototype chain's: HTMLDocument, Document, Node…, which no element
 * shadows). The content script asks this of the live page too: a page with any reads in full (core/quiet.ts).
 */
export function shadowingNames(doc: Document): [Element, 'name' | 'id'][] {
  const own = Object.getPrototypeOf(doc) as Document;
  const named = own.querySelectorAll.call(doc, NAMED);
  const found: [Element, 'name' | 'id'][] = [];
  for (let i = 0; i < named.length; i++) {
    const el = named[i]!;
    for (const attribute of ['name', 'id'] as const) {
      const value = el.getAttribute(attribute);
      if (value !== null && value in own) found.push([el, attribute]);
    }
  }
  return found;
}
