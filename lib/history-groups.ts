/**
 * The history grouped by original: copies of the same original story listed
 * under one line naming it, with the original's own page first when it is in
 * the history too. Pure, one pass over the entries (newest first).
 */
import type { OriginalInfo } from '@/core/types';
import { normalizeUrl } from '@/core/url';
import type { HistoryEntry } from './db';

export type HistoryLine =
  /** An original with its copies under it. */
  | { type: 'group'; key: string; publisher: string | null; url: string | null; headline: string | null; copies: number }
  /** An entry; `grouped` when it is listed under a group line. */
  | { type: 'entry'; id: number; grouped: boolean };

/** What grouping needs of an entry: a few fields, so that grouping 50,000 entries keeps no whole record. */
export interface GroupFields extends Pick<HistoryEntry, 'id' | 'key' | 'syndicated'> {
  record: { original: Pick<OriginalInfo, 'url' | 'publisher' | 'headline'> | null; page: { headline: string | null } };
}

/** The fields of an entry grouping needs. */
export const groupFields = (entry: HistoryEntry): GroupFields => ({
  id: entry.id,
  key: entry.key,
  syndicated: entry.syndicated,
  record: { original: entry.record.original, page: { headline: entry.record.page.headline } },
});

const fold = (text: string | null | undefined) =>
  (text ?? '')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * What a copy is a copy of: the original's address when the chain reached it,
 * else its publisher with the story's headline (copies of one story keep it).
 * Null for a page that is not a copy, or a copy naming no original.
 */
export function originalKey(entry: Pick<GroupFields, 'syndicated' | 'record'>): string | null {
  if (entry.syndicated !== 1) return null;
  const original = entry.record.original;
  const url = original?.url ? normalizeUrl(original.url) : null;
  if (url) return `url:${url}`;
  const publisher = fold(original?.publisher);
  const headline = fold(original?.headline ?? entry.record.page.headline);
  return publisher && headline ? `story:${publisher}|${headline}` : null;
}

/**
 * The entries as lines: an original with two or more copies, or with its own
 * page in the history, gets a group line where its newest member would be,
 * followed by its page and its copies (newest first); the other entries stay
 * where they are.
 */
export function groupByOriginal(entries: GroupFields[]): HistoryLine[] {
  const groups = new Map<string, { copies: GroupFields[]; head: GroupFields | null }>();
  for (const entry of entries) {
    const key = originalKey(entry);
    if (!key) continue;
    const group = groups.get(key) ?? { copies: [], head: null };
    group.copies.push(entry);
    groups.set(key, group);
  }
  for (const entry of entries) {
    if (entry.syndicated === 1) continue;
    const group = groups.get(`url:${entry.key}`);
    if (group && !group.head) group.head = entry;
  }
  const shown = (group: { copies: GroupFields[]; head: GroupFields | null }) => group.copies.length >= 2 || group.head !== null;
  const lines: HistoryLine[] = [];
  const emitted = new Set<string>();
  for (const entry of entries) {
    const key = entry.syndicated === 1 ? originalKey(entry) : groups.get(`url:${entry.key}`)?.head === entry ? `url:${entry.key}` : null;
    const group = key ? groups.get(key) : undefined;
    if (!key || !group || !shown(group)) {
      lines.push({ type: 'entry', id: entry.id!, grouped: false });
      continue;
    }
    if (emitted.has(key)) continue;
    emitted.add(key);
    const sample = group.copies[0]!.record;
    lines.push({
      type: 'group',
      key,
      publisher: sample.original?.publisher ?? null,
      url: sample.original?.url ?? null,
      headline: sample.original?.headline ?? group.head?.record.page.headline ?? sample.page.headline,
      copies: group.copies.length,
    });
    if (group.head) lines.push({ type: 'entry', id: group.head.id!, grouped: true });
    for (const copy of group.copies) lines.push({ type: 'entry', id: copy.id!, grouped: true });
  }
  return lines;
}
