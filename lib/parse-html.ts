/**
 * DOMParser, for the HTML the engine reads in the extension: the pages of the reader's tabs (sent by their
 * content scripts) and fetched originals. Used by the background (Firefox's background page) and the
 * offscreen document (Chrome), never by a content script.
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
  // The document's own properties: its prototype chain's (HTMLDocument, Document, Node…), which no element shadows.
  const own = Object.getPrototypeOf(doc) as Document;
  const named = own.querySelectorAll.call(doc, NAMED);
  for (let i = 0; i < named.length; i++) {
    const el = named[i]!;
    for (const attribute of ['name', 'id']) {
      const value = el.getAttribute(attribute);
      if (value !== null && value in own) el.removeAttribute(attribute);
    }
  }
  return doc;
}
