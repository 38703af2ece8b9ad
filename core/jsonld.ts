/** Reading schema.org values from JSON-LD nodes, which come in many shapes. */
import type { JsonLdNode, PageScan } from './scan';
import { normalizeSpace } from './text';

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting|Story)$/;

function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** The node that describes the article (NewsArticle, BlogPosting…), else a WebPage with a headline. */
export function articleNode(scan: PageScan): JsonLdNode | null {
  let fallback: JsonLdNode | null = null;
  for (const node of scan.jsonLd) {
    const types = typesOf(node);
    if (types.some((t) => ARTICLE_TYPES.test(t))) return node;
    if (!fallback && (node.headline || node.datePublished || node.author) && !types.some((t) => /Organization|Person|WebSite|BreadcrumbList|ImageObject/.test(t))) fallback = node;
  }
  return fallback;
}

/** A string from a value that may be a string, {name}, {@value}, or an array of those. */
export function textOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return normalizeSpace(first).slice(0, 500) || null;
  if (typeof first === 'number') return String(first);
  if (first && typeof first === 'object') {
    const object = first as Record<string, unknown>;
    return textOf(object.name ?? object['@value'] ?? null);
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
