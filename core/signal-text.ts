/**
 * Every sentence a signal says about a page, by id, in English with $1 $2 $3 for the names in it. The
 * extension shows them in the reader's language (messages.json's `evidence_<id>` entries, the names as
 * substitutions: lib/i18n.ts signalText); the command line and the record's `detail` use this English
 * (the same as public/_locales/en/messages.json, checked by tests/unit/locale-signals.test.ts).
 */
export const SIGNAL_ENGLISH = {
  archived: 'An archived copy ($1), not a republication',
  archivedOf: 'An archived copy ($1) of $2, not a republication',
  canonical: 'The canonical link points to another site: $1',
  sourceLinkBack: 'The source link points back to this site ($1)',
  sourceLink: 'Source link points to $1',
  footerAuthor: 'Credits the author as $1',
  footerDate: 'States the publish date as $1',
  footerDisowns: 'Disowns the content: copyright belongs to the linked source',
  headlineCreditSourceLink: "The headline credits $1; the page's own source link names only this site",
  headlineCreditFeedFooter: "The headline credits $1; the page's own feed footer names only this site",
  jsonLdBasedOn: 'JSON-LD says the article is based on a page on $1',
  jsonLdSelf: 'JSON-LD isBasedOn points to this site itself',
  jsonLdProvider: 'JSON-LD names $1 as the provider',
  jsonLdSourceOrganization: 'JSON-LD names $1 as the source organization',
  jsonLdCopyright: 'JSON-LD names $1 as the copyright holder',
  portalProvider: 'The portal credits $1 as the provider',
  creditSelf: 'The credit names this site itself ($1)',
  creditOriginal: 'Credits $1 as the original publisher',
  linksOriginal: 'Links the original article on $1',
  reblogged: 'Reblogged from $1',
  sourceField: 'The source field names $1',
  courtesy: 'Courtesy of $1',
  bylineOutlet: 'The byline credits $1',
  copyrightLine: "The article's copyright line names $1",
  opensWithSource: 'The story opens with its source: $1',
  opensWithSourceVia: 'The story opens with its source: $1 via $2',
  excerptEndsWithSource: 'The excerpt ends with its source: $1',
  metaSelf: '$1 points to this site itself',
  metaOriginal: '$1 names the original on $2',
  pixelKnown: "$1's republication pixel is on the page",
  pixel: 'A republication pixel reports to $1',
  feedSelf: 'The feed footer names this site itself ($1)',
  feedFirst: 'Feed footer: first appeared on $1',
  feedFirstVia: 'Feed footer: first appeared on $1, credited to $2',
  wireDistributedTca: 'Distributed by Tribune Content Agency',
  wireDateline: 'Agency dateline: a $1 story',
  wireClosingCredit: "Closing credit: the paragraph ends with $1's credit",
  wireDescriptionDateline: 'Agency dateline in the description: a $1 story',
  wireByline: 'Byline credits $1',
  wireAuthorField: 'The author field names $1',
  wireFirstPublished: 'First published by $1',
  wireSourceLine: 'Source line credits $1',
  wireWrittenFrom: "Written from $1's copy",
  wireDesk: 'Credited to the desk with $1',
  wireOwnAuthor: 'Byline names $1, as an author of this site',
  wireCreditLine: 'Credit line: $1',
  wireCopyrightLine: 'Copyright line: $1',
  notAnalysed: 'The page could not be analysed',
  conflict: 'The credits disagree on the original: $1 or $2',
  creditLinkMismatch: "The credit names $1 but links to $2, which is not $3's site",
} as const;

export type SignalTextId = keyof typeof SIGNAL_ENGLISH;

/** A signal's sentence: which one, and the names put in it. */
export interface Said {
  id: SignalTextId;
  args: string[];
}

export function say(id: SignalTextId, ...args: string[]): Said {
  return { id, args };
}

/** A signal's `detail` (English) and `say` (by id), for a signal built outside finding(). */
export function sentence(said: Said): { detail: string; say: Said } {
  return { detail: englishOf(said), say: said };
}

/** The sentence in English. */
export function englishOf(said: Said): string {
  return SIGNAL_ENGLISH[said.id].replace(/\$(\d)/g, (_, n: string) => said.args[Number(n) - 1] ?? '');
}
