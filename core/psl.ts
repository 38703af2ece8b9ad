/**
 * A compact public-suffix subset for the content script.
 *
 * Why not tldts: its full list is ~130 KB minified and even tldts-core alone is
 * ~7 KB, while the whole content script must stay under 30 KB. The cases that
 * matter for news are generic TLDs ("example.com") and ccTLDs with a
 * second-level registry ("bbc.co.uk", "abc.net.au", "yahoo.co.jp"). The unit
 * tests check this subset against tldts (ICANN section, tldts' default) for
 * the hosts news pages use; exotic multi-level suffixes fall back to "last two
 * labels", which is what tldts' "*" default rule gives too.
 */

/** Second-level labels that are public suffixes under most two-letter ccTLDs. */
const CC_SECOND_LEVEL = new Set(
  'ac co com edu gob gov go govt mil net nic nom or org ne sch ltd plc gen info biz web res ind firm me mus int geek school nhs police'.split(' '),
);

/** ccTLDs that register directly at the second level, where "co"/"com" are NOT suffixes. */
const CC_FLAT = new Set('de fr nl be ch it es se dk no fi pl cz sk at ru ie pt gr hu ro is lt lv ee si hr bg lu li ca us eu io me tv fm ai'.split(' '));

/** Multi-level suffixes outside that pattern (from the ICANN section of the PSL). */
const EXTRA_SUFFIXES = new Set(
  'com.de co.ca gc.ca qc.ca on.ca bc.ca ab.ca ns.ca nyc.us dc.us ny.us ca.us tx.us k12.ca.us gouv.fr asso.fr com.fr presse.fr tm.fr com.es org.es nom.es com.pl net.pl org.pl gov.pl com.pt com.ro com.gr com.hr com.se co.it gov.it edu.it com.ru org.ru net.ru msk.ru spb.ru com.ua org.ua in.ua kiev.ua com.eu'.split(' '),
);

/** The public suffix of a lower-case ASCII host ("co.uk" for "www.bbc.co.uk"). */
export function publicSuffix(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  const tld = labels[n - 1] ?? '';
  if (n < 2) return tld;
  const lastTwo = `${labels[n - 2]}.${tld}`;
  if (n >= 3 && EXTRA_SUFFIXES.has(`${labels[n - 3]}.${lastTwo}`)) return `${labels[n - 3]}.${lastTwo}`;
  if (EXTRA_SUFFIXES.has(lastTwo)) return lastTwo;
  if (tld.length === 2 && !CC_FLAT.has(tld) && CC_SECOND_LEVEL.has(labels[n - 2] ?? '')) return lastTwo;
  return tld;
}
