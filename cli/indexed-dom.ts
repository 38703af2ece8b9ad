/**
 * Tag and class lookups for a linkedom document in one walk, not one walk a call.
 *
 * A browser answers `getElementsByTagName` and `getElementsByClassName` from indexes it keeps; linkedom walks
 * the whole tree (every node, attributes included) on each call, and the engine's digest makes dozens of such
 * calls a page, written for a browser. For a document the engine only reads (`provenance inspect` and the
 * crawl run detect() on a page nobody changes), indexDocument() lists every element once, in document order,
 * by tag and by class; each lookup, on the document or on an element, is then a binary search and a slice of
 * that list. The answers are the ones linkedom gives (tests/unit/indexed-dom.test.ts checks the engine's
 * record on every corpus page both ways). A document that is changed after indexing would get stale
 * answers: never index one that is.
 */

interface DocIndex {
  /** Every element in document order. */
  all: Element[];
  /** An element's position in `all`, and the position of its last descendant. */
  at: Map<Element, number>;
  end: Map<Element, number>;
  byTag: Map<string, Element[]>;
  byClass: Map<string, Element[]> | null;
  /** `*`: every element outside <template> contents, as linkedom's querySelectorAll('*') lists them. */
  any: Element[] | null;
}

const indexes = new WeakMap<object, DocIndex>();
let patched = false;

/** Makes `doc`'s tag and class lookups (its own and its elements') answer from one walk. Returns `doc`. */
export function indexDocument<T extends Document>(doc: T): T {
  const root = doc.documentElement as Element | null;
  if (!root) return doc;
  patchOnce(doc, root);
  indexes.set(doc, build(root));
  return doc;
}

function build(root: Element): DocIndex {
  const all: Element[] = [];
  const at = new Map<Element, number>();
  const end = new Map<Element, number>();
  const byTag = new Map<string, Element[]>();
  const add = (key: string, el: Element) => {
    const list = byTag.get(key);
    if (list) list.push(el);
    else byTag.set(key, [el]);
  };
  // Depth first, in document order, without recursion (pages nest 10,000 deep).
  const open: Element[] = [];
  let el: Element | null = root;
  while (el) {
    at.set(el, all.length);
    all.push(el);
    const name = el.localName;
    add(name, el);
    // linkedom matches a tag name as written, or upper-cased in an HTML document (its localCase).
    const upper = name.toUpperCase();
    if (upper !== name) add(upper, el);
    const child: Element | null = el.firstElementChild;
    if (child) {
      open.push(el);
      el = child;
      continue;
    }
    end.set(el, all.length - 1);
    let next: Element | null = el.nextElementSibling;
    while (!next && open.length) {
      const parent = open.pop()!;
      end.set(parent, all.length - 1);
      next = parent.nextElementSibling;
    }
    el = next;
  }
  return { all, at, end, byTag, byClass: null, any: null };
}

function anyElement(index: DocIndex): Element[] {
  if (index.any) return index.any;
  const any: Element[] = [];
  for (let i = 0; i < index.all.length; i++) {
    const el = index.all[i]!;
    any.push(el);
    if (el.localName === 'template') i = index.end.get(el)!;
  }
  index.any = any;
  return any;
}

function classes(index: DocIndex): Map<string, Element[]> {
  if (index.byClass) return index.byClass;
  const byClass = new Map<string, Element[]>();
  for (const el of index.all) {
    const value = el.getAttribute('class');
    if (!value) continue;
    for (const name of new Set(value.split(/[ \t\n\f\r]+/))) {
      if (!name) continue;
      const list = byClass.get(name);
      if (list) list.push(el);
      else byClass.set(name, [el]);
    }
  }
  index.byClass = byClass;
  return byClass;
}

/** The members of `list` (in document order) that lie inside `el`, or all of them for the document. */
function within(index: DocIndex, list: Element[] | undefined, el: Element | null): Element[] {
  if (!list) return [];
  if (!el) return list.slice();
  const from = index.at.get(el);
  const to = index.end.get(el);
  if (from === undefined || to === undefined) return [];
  const first = lowerBound(index, list, from + 1);
  let last = first;
  while (last < list.length && index.at.get(list[last]!)! <= to) last++;
  return list.slice(first, last);
}

function lowerBound(index: DocIndex, list: Element[], position: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.at.get(list[mid]!)! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Lookup = (this: Node, name: string) => ArrayLike<Element>;

/** linkedom's prototypes of the document and of elements get the indexed lookups, once; other documents keep linkedom's own. */
function patchOnce(doc: Document, root: Element): void {
  if (patched) return;
  patched = true;
  for (const start of [doc, root]) {
    for (const method of ['getElementsByTagName', 'getElementsByClassName'] as const) {
      let proto = Object.getPrototypeOf(start) as Record<string, unknown> | null;
      while (proto && !Object.prototype.hasOwnProperty.call(proto, method)) proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
      if (!proto || (proto[method] as { indexed?: boolean }).indexed) continue;
      const original = proto[method] as Lookup;
      const indexed = function (this: Node, name: string): ArrayLike<Element> {
        const isDoc = this.nodeType === 9;
        const index = indexes.get(isDoc ? this : (this.ownerDocument as object));
        if (!index || (!isDoc && !index.at.has(this as Element))) return original.call(this, name);
        const scope = isDoc ? null : (this as Element);
        if (method === 'getElementsByTagName') return within(index, name === '*' ? anyElement(index) : index.byTag.get(name), scope);
        return within(index, classes(index).get(name), scope);
      };
      (indexed as { indexed?: boolean }).indexed = true;
      proto[method] = indexed;
    }
  }
}
