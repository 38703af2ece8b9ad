/**
 * JSON-LD provenance fields. What syndicated copies carry:
 *   "isBasedOn": "https://original.example/story"        (schema.org CreativeWork)
 *   "isBasedOnUrl": "…"                                    (its older name)
 *   "sourceOrganization": {"@type":"Organization","name":"The Associated Press"}
 *   "provider": {"@type":"Organization","name":"Reuters"} (portals, partner feeds)
 *   "copyrightHolder": {"name":"…"}                       (informational only)
 * Within @graph arrays, arrays of objects and malformed scripts (skipped).
 * A field that names the page's own publisher says nothing about copying.
 * publisher/author/datePublished/headline feed the page metadata (core/metadata.ts). All of them are
 * read once, with the article node, by core/structured.ts.
 */
import type { PageScan } from '../scan';
import { sameName } from '../text';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, type Finding } from './finding';
import { isOwnSiteName } from './own-site';
import { say } from '../signal-text';
import type { Family } from './keep';

const jsonLdProvenance = (scan: PageScan): Finding[] => {
  const node = scan.structured.article;
  if (!node) return [];
  const found: Finding[] = [];
  const ownPublisher = node.publisher;
  const isOwn = (name: string) => isOwnSiteName(scan, name) || (!!ownPublisher && sameName(ownPublisher, name));

  const basedOn = node.basedOn;
  if (basedOn) {
    const url = safeHttpUrl(basedOn, scan.url);
    const site = url ? registrableDomain(url) : null;
    if (url && site && site !== scan.site) {
      found.push(finding('json-ld', 0.85, say('jsonLdBasedOn', site), `"isBasedOn": "${url}"`, 'JSON-LD isBasedOn', { originalUrl: url }));
    } else if (url) {
      found.push(finding('self-reference', 0, say('jsonLdSelf'), `"isBasedOn": "${url}"`, 'JSON-LD isBasedOn'));
    }
  }

  for (const [field, weight] of [
    ['sourceOrganization', 0.5],
    ['provider', 0.6],
  ] as const) {
    const { name, url: providerUrl } = node[field];
    if (!name || isOwn(name)) continue;
    const site = providerUrl ? registrableDomain(safeHttpUrl(providerUrl, scan.url) ?? '') : null;
    if (site && site === scan.site) continue;
    found.push(
      finding(
        'json-ld',
        weight,
        say(field === 'provider' ? 'jsonLdProvider' : 'jsonLdSourceOrganization', name),
        `"${field}": "${name}"`,
        `JSON-LD ${field}`,
        { originalPublisher: name, originalSite: site },
      ),
    );
  }

  const holder = node.copyrightHolder?.name;
  if (holder && !isOwn(holder) && node.copyrightHolder?.organization) {
    found.push(
      finding('copyright', 0, say('jsonLdCopyright', holder), `"copyrightHolder": "${holder}"`, 'JSON-LD copyrightHolder', {
        copyright: `© ${holder}`,
      }),
    );
  }
  return found;
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: nothing beyond what every digest holds (its JSON-LD scripts). */
export const family: Family = { name: 'json-ld', rule: jsonLdProvenance, keep: {} };
