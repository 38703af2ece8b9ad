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
  /** By local name as written. */
  byTag: Map<string, Element[]>;
  /** By a name in capitals, made when first asked (see tagged). */
  byUpper: Map<string, Element[]>;
  byClass: Map<string, Element[]> | null;
  /** `*`: every element outside <template> contents, as linkedom's querySelectorAll('*') lists them. */
  any: Element[] | null;
  /** The elements inside <template> contents (which queries do not enter): usually none. */
  templated: Set<Element> | null;
  /** By attribute name, the elements outside <template> contents that carry it, made when first asked. */
  byAttribute: Map<string, Element[]>;
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
    add(el.localName, el);
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
  return { all, at, end, byTag, byUpper: new Map(), byClass: null, any: null, templated: null, byAttribute: new Map() };
}

/**
 * The elements of a tag name: linkedom matches a name as written, or upper-cased in an HTML document (its
 * localCase), so `P` finds <p>. A name with a small letter can only be a local name as written.
 */
function tagged(index: DocIndex, name: string): Element[] | undefined {
  if (name !== name.toUpperCase()) return index.byTag.get(name);
  let list = index.byUpper.get(name);
  if (!list) {
    list = index.all.filter((el) => el.localName === name || el.localName.toUpperCase() === name);
    index.byUpper.set(name, list);
  }
  return list;
}

function anyElement(index: DocIndex): Element[] {
  if (index.any) return index.any;
  const any: Element[] = [];
  const templated = new Set<Element>();
  for (let i = 0; i < index.all.length; i++) {
    const el = index.all[i]!;
    any.push(el);
    if (el.localName !== 'template') continue;
    const last = index.end.get(el)!;
    while (i < last) templated.add(index.all[++i]!);
  }
  index.any = any;
  index.templated = templated;
  return any;
}

function withAttribute(index: DocIndex, name: string): Element[] {
  let list = index.byAttribute.get(name);
  if (!list) {
    list = anyElement(index).filter((el) => el.hasAttribute(name));
    index.byAttribute.set(name, list);
  }
  return list;
}

/**
 * The last compound of a selector made only of descendant combinators and of tags, classes and attribute
 * tests (`h1`, `[itemprop="author"] [itemprop="name"]`, `.provider-link a`, `[class*="yline"]`): the
 * elements it can match are the ones carrying its attribute, its class or its tag. Null for anything else.
 */
const SIMPLE_SELECTOR =
  /^(?:(?:[a-z][a-z0-9-]*|\*)?(?:\.[\w-]+|\[[a-z][a-z0-9-]*(?:[~|^$*]?="[^"\\]*")?\])*\s+)*((?:[a-z][a-z0-9-]*)?)((?:\.[\w-]+|\[[a-z][a-z0-9-]*(?:[~|^$*]?="[^"\\]*")?\])*)$/;

/**
 * Attributes whose values a selector compares as written in an HTML document (unlike rel, type, lang and the
 * other names HTML lists as case-insensitive): a lone test on one of them is answered here, not by css-select.
 */
const CASE_SENSITIVE = new Set(['class', 'id', 'itemprop', 'itemtype', 'role', 'property', 'name']);

type Test = (el: Element) => boolean;

/** A lone `[name]`, `[name="v"]`, `[name*="v"]`, `[name^="v"]` or `[name$="v"]`, as css-select tests it; else null. */
function attributeTest(tests: string): Test | null {
  const lone = /^\[([a-z][a-z0-9-]*)(?:([*^$]?)="([^"\\]*)")?\]$/.exec(tests);
  if (!lone) return null;
  const [, name = '', op, value = ''] = lone;
  if (op === undefined) return () => true; // every candidate carries the attribute
  if (!CASE_SENSITIVE.has(name)) return null;
  const of = (el: Element) => el.getAttributeNode(name)?.value ?? '';
  if (op === '') return (el) => of(el) === value;
  if (!value) return () => false; // *=, ^= and $= with nothing match nothing
  if (op === '*') return (el) => of(el).includes(value);
  if (op === '^') return (el) => of(el).startsWith(value);
  return (el) => of(el).endsWith(value);
}

function candidates(index: DocIndex, selector: string): { list: Element[]; test: Test | null } | null {
  const match = SIMPLE_SELECTOR.exec(selector.trim());
  if (!match || (!match[1] && !match[2])) return null;
  const [whole, tag = '', tests = ''] = match;
  const attribute = /^\[([a-z][a-z0-9-]*)/.exec(tests);
  // A lone tag or a lone attribute test is tested here; anything more (ancestors, several tests) by the selector.
  const test = whole === tag ? () => true : whole === tests ? attributeTest(tests) : null;
  if (attribute) return { list: withAttribute(index, attribute[1]!), test };
  const cls = /^\.([\w-]+)/.exec(tests);
  anyElement(index);
  const list = cls ? classes(index).get(cls[1]!) : index.byTag.get(tag);
  const templated = index.templated!;
  return { list: !list ? [] : templated.size ? list.filter((el) => !templated.has(el)) : list, test };
}

/**
 * querySelector from the index: the first candidate (see candidates) inside the scope that matches, in
 * document order, as linkedom's walk of every node would find it. Undefined when the index cannot answer
 * (another kind of selector, or a scope that is a <template> or inside one): linkedom answers then.
 */
function indexedQuery(index: DocIndex, selector: string, scope: Element | null): Element | null | undefined {
  const found = candidates(index, selector);
  if (!found || (scope && (scope.localName === 'template' || index.templated!.has(scope)))) return undefined;
  const test = found.test ?? ((el: Element) => el.matches(selector));
  const { list } = found;
  let i = scope ? lowerBound(index, list, index.at.get(scope)! + 1) : 0;
  const last = scope ? index.end.get(scope)! : Infinity;
  for (; i < list.length && index.at.get(list[i]!)! <= last; i++) if (test(list[i]!)) return list[i]!;
  return null;
}

function classes(index: DocIndex): Map<string, Element[]> {
  if (index.byClass) return index.byClass;
  const byClass = new Map<string, Element[]>();
  for (const el of index.all) {
    // The attribute as written, as a browser's getElementsByClassName reads it (linkedom's getAttribute('class')
    // would build and join the element's token list first).
    const value = el.getAttributeNode('class')?.value;
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
        if (method === 'getElementsByTagName') return within(index, name === '*' ? anyElement(index) : tagged(index, name), scope);
        return within(index, classes(index).get(name), scope);
      };
      (indexed as { indexed?: boolean }).indexed = true;
      proto[method] = indexed;
    }
    let proto = Object.getPrototypeOf(start) as Record<string, unknown> | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'querySelector'))
      proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
    if (!proto || (proto.querySelector as { indexed?: boolean }).indexed) continue;
    const original = proto.querySelector as (this: Node, selector: string) => Element | null;
    const indexed = function (this: Node, selector: string): Element | null {
      const isDoc = this.nodeType === 9;
      const index = indexes.get(isDoc ? this : (this.ownerDocument as object));
      if (!index || typeof selector !== 'string' || (!isDoc && !index.at.has(this as Element))) return original.call(this, selector);
      const found = indexedQuery(index, selector, isDoc ? null : (this as Element));
      return found === undefined ? original.call(this, selector) : found;
    };
    (indexed as { indexed?: boolean }).indexed = true;
    proto.querySelector = indexed;
  }
}
