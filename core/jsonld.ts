/** Reading schema.org values from JSON-LD nodes, which come in many shapes. The rules read them through core/structured.ts. */
import { decodeEntities, normalizeSpace } from './text';

export type JsonLdNode = Record<string, unknown>;

const JSON_LD_NODES = 400;

/**
 * How deep a value is followed (a name in {"name": {"@value": …}} is two levels). Real pages nest a few
 * levels; a hostile one nests thousands, which JSON.parse accepts. Every reader here walks values with a
 * loop bounded by this, never by recursion (and never JSON.stringify, which recurses).
 */
const MAX_DEPTH = 8;

/**
 * JSON-LD nodes from the scripts' text, flattened: top-level objects, arrays
 * of them and `@graph` members, with nested objects under known keys.
 * Malformed scripts are skipped.
 */
export function flattenJsonLd(texts: readonly string[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (let i = 0; i < texts.length && nodes.length < JSON_LD_NODES; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(texts[i]!);
    } catch {
      continue;
    }
    const pending: unknown[] = [parsed];
    for (let steps = 0; pending.length && steps < 2000 && nodes.length < JSON_LD_NODES; steps++) {
      const value = pending.pop();
      if (Array.isArray(value)) {
        for (let j = Math.min(value.length, 200) - 1; j >= 0; j--) pending.push(value[j]);
      } else if (value && typeof value === 'object') {
        const node = value as JsonLdNode;
        nodes.push(node);
        if (node['@graph']) pending.push(node['@graph']);
        if (node.mainEntity && typeof node.mainEntity === 'object') pending.push(node.mainEntity);
      }
    }
  }
  return nodes;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting|Story)$/;

/** The node's @type as a list of strings (one level: nested values are ignored). */
export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/**
 * The node that describes the article (NewsArticle, BlogPosting…), else a WebPage with a headline. Searched
 * once per analysis, by core/structured.ts: the rules read its fields from there.
 */
export function articleNode(nodes: readonly JsonLdNode[]): JsonLdNode | null {
  let fallback: JsonLdNode | null = null;
  for (const node of nodes) {
    const types = typesOf(node);
    if (types.some((t) => ARTICLE_TYPES.test(t))) return node;
    if (
      !fallback &&
      (node.headline || node.datePublished || node.author) &&
      !types.some((t) => /Organization|Person|WebSite|BreadcrumbList|ImageObject/.test(t))
    )
      fallback = node;
  }
  return fallback;
}

/**
 * A string from a value that may be a string, {name}, {@value}, or an array of those. Character references
 * are decoded: JSON-LD is script text, which the HTML parser leaves as written, and WordPress SEO plugins
 * write "&#8211;", "&#8217;" and "&amp;" into it.
 */
export function textOf(value: unknown): string | null {
  // A loop, not recursion, to a bounded depth: JSON.parse reads 20,000 nested {"name": {"name": …}} without
  // recursing, and a reader that recursed into them would overflow the stack and cost the page its analysis.
  let current = value;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const first = Array.isArray(current) ? current[0] : current;
    if (typeof first === 'string') return normalizeSpace(decodeEntities(first)).slice(0, 500) || null;
    if (typeof first === 'number') return String(first);
    if (!first || typeof first !== 'object') return null;
    const object = first as Record<string, unknown>;
    current = object.name ?? object['@value'] ?? null;
  }
  return null;
}

/** Every name in a value (authors come as a string, an object, or an array of either). */
export function namesOf(value: unknown, limit = 10): string[] {
  const list = Array.isArray(value) ? value.slice(0, limit) : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = textOf(item);
    if (name) names.push(name);
  }
  return names;
}

/** A URL from a value that may be a string, {url}, {@id} or an array. */
export function urlOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object') {
    const object = first as Record<string, unknown>;
    const url = object.url ?? object['@id'] ?? object.sameAs;
    return typeof url === 'string' ? url : null;
  }
  return null;
}

/** Is the value (author, publisher…) an Organization rather than a Person. */
export function isOrganization(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return !!first && typeof first === 'object' && typesOf(first as JsonLdNode).some((t) => /Organization|Corporation|NewsMediaOrganization/.test(t));
}
