/**
 * A web archive's snapshot of a page (web.archive.org/web/<time>/<url>, archive.today, Google's cache) is
 * an archived copy, not a republication: nobody re-published the story. Informational only (weight 0), so
 * the popup can say "archived copy of <url>"; the rules compare everything else with the archived page's own
 * address (core/scan.ts), so its canonical and links to its own site stay self-references.
 */
import type { PageScan } from '../scan';
import { finding, type Finding } from './finding';
import { say } from '../signal-text';
import type { Family } from './keep';

const archivedCopy = (scan: PageScan): Finding[] => {
  const wrapper = scan.wrapper;
  if (!wrapper || wrapper.kind !== 'archive') return [];
  const of = wrapper.target ?? (scan.address !== scan.url ? scan.address : null);
  return [finding('archived-copy', 0, of ? say('archivedOf', wrapper.service, of) : say('archived', wrapper.service), scan.url, 'page address')];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: nothing beyond what every digest holds (the page's URL). */
export const family: Family = { name: 'archive', rule: archivedCopy, keep: {} };
