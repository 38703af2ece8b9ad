/**
 * Writes core/digest-keep.generated.ts: what the digest keeps for the signal families, merged from their
 * `keep` declarations (core/signals/keep.ts) in the registry's order (core/signals/index.ts). The digest
 * imports that data and none of the rules, so the content script carries no rule code.
 *
 *   npx tsx scripts/gen-digest-keep.ts           rewrite the file
 *   npx tsx scripts/gen-digest-keep.ts --check   exit 1 when the file is out of date
 *
 * Run by `npm run new-signal`; tests/unit/registry-keep.test.ts fails when the file is out of date with
 * the families (so a family's words changed by hand cannot ship without it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILIES } from '../core/signals';
import { KEEP_FLAGS, type DigestKeep, type Family } from '../core/signals/keep';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = path.join(root, 'core/digest-keep.generated.ts');

/** A regular expression's source cut at its top-level `|` (not inside a group or a class, not escaped). */
export function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

type RegexField = keyof typeof KEEP_FLAGS;

/** One field's alternatives over every family, in the registry's order, each once; the families naming each. */
function merged(families: readonly Family[], field: RegexField): { parts: string[]; from: string[] } {
  const parts: string[] = [];
  const from: string[] = [];
  for (const { name, keep } of families) {
    const pattern = keep[field];
    if (!pattern) continue;
    if (pattern.flags !== KEEP_FLAGS[field])
      throw new Error(`${name}: keep.${field} has flags "${pattern.flags}", the field takes "${KEEP_FLAGS[field]}" (core/signals/keep.ts)`);
    from.push(name);
    for (const part of alternatives(pattern.source)) if (!parts.includes(part)) parts.push(part);
  }
  return { parts: parts.filter((part) => !parts.some((other) => other !== part && covers(other, part))), from };
}

/** Does an alternative ending in a group of plain words say what `part` says: "first(?:appeared|published)" covers "firstappeared". */
function covers(other: string, part: string): boolean {
  const group = /^(.*)\(\?:([^()[\]\\|]+(?:\|[^()[\]\\|]+)*)\)$/.exec(other);
  return !!group && group[2]!.split('|').some((word) => `${group[1]}${word}` === part);
}

function listOf(families: readonly Family[], pick: (keep: DigestKeep) => readonly string[] | undefined): { items: string[]; from: string[] } {
  const items: string[] = [];
  const from: string[] = [];
  for (const { name, keep } of families) {
    const list = pick(keep);
    if (!list?.length) continue;
    from.push(name);
    for (const item of list) if (!items.includes(item)) items.push(item);
  }
  return { items, from };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NEVER = '(?!)';
/** Second-level labels under which names are registered (yahoo.co.jp, aol.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ne', 'or', 'ac', 'go', 'gov', 'edu']);
/** A host's name before its suffix: "naver" for news.naver.com, "yahoo" for yahoo.co.jp. A host's text always holds it. */
const siteLabel = (host: string): string => {
  const labels = host.split('.');
  const second = labels.at(-2) ?? host;
  return SECOND_LEVEL.has(second) && labels.length > 2 ? labels.at(-3)! : second;
};
const by = (from: string[]): string => (from.length ? from.join(', ') : 'no family');

/** One constant of the generated module: its value and what it is for. */
interface Constant {
  /** A regular expression, a regular expression's source (for the digest to compose), or a list. */
  value: RegExp | string | readonly string[];
  doc: string;
}

/** The generated module's constants, by name: what the digest keeps for the families. */
export function digestKeepData(families: readonly Family[] = FAMILIES): Record<string, Constant> {
  const names = new Set<string>();
  for (const { name } of families) {
    if (names.has(name)) throw new Error(`two families are named ${name}`);
    names.add(name);
  }
  const oneOf = (parts: string[]) => (parts.length ? parts.join('|') : NEVER);
  const regex = (field: RegexField) => {
    const { parts, from } = merged(families, field);
    return { value: new RegExp(parts.length > 1 ? parts.map((part) => `(?:${part})`).join('|') : (parts[0] ?? NEVER), KEEP_FLAGS[field]), from };
  };
  const creditLabels = merged(families, 'creditLabels');
  const lineLabels = merged(families, 'lineLabels');
  const creditPhrases = merged(families, 'creditPhrases');
  const linePhrases = merged(families, 'linePhrases');
  const creditEnd = regex('creditEnd');
  const excerptEnd = regex('excerptEnd');
  const creditStart = merged(families, 'creditStart');
  const shortStart = merged(families, 'shortStart');
  const placed = merged(families, 'placedWords');
  const markup = listOf(families, (keep) => keep.markupKeys);
  const pixelHosts = listOf(families, (keep) => keep.pixels?.hosts);
  const pixelMarkers = listOf(families, (keep) => keep.pixels?.markers);
  const scriptHosts = listOf(families, (keep) => keep.pixels?.scriptHosts);
  const portalHosts = listOf(families, (keep) => keep.portals?.hosts);
  const selectors = listOf(families, (keep) => keep.portals?.selectors);
  return {
    // Label and phrase lists as source text, composed in the digest (each list once in content.js).
    CREDIT_LABELS: {
      value: oneOf(creditLabels.parts),
      doc: `Labels before a colon that credit a source (${by(creditLabels.from)}): a page and a block holding one are read. Alternatives, any case.`,
    },
    LINE_LABELS: {
      value: oneOf(lineLabels.parts.filter((part) => !creditLabels.parts.includes(part))),
      doc: `The other labels a rule reads in a block (${by(lineLabels.from)}). Alternatives, any case.`,
    },
    CREDIT_PHRASES: {
      value: new RegExp(oneOf(creditPhrases.parts), 'i'),
      doc: `Phrases that credit a source (${by(creditPhrases.from)}): a page and a block holding one are read.`,
    },
    LINE_PHRASES: {
      value: oneOf(linePhrases.parts.filter((part) => !creditPhrases.parts.includes(part))),
      doc: `The other phrases a rule reads in a block (${by(linePhrases.from)}). Alternatives, any case.`,
    },
    CREDIT_END: { value: creditEnd.value, doc: `A credit's shape at a block's end, on its last characters (${by(creditEnd.from)}).` },
    EXCERPT_END: { value: excerptEnd.value, doc: `An excerpt's source site at a block's end (${by(excerptEnd.from)}).` },
    CREDIT_START: { value: new RegExp(oneOf(creditStart.parts), ''), doc: `A credit's shape at the article's start (${by(creditStart.from)}).` },
    SHORT_START: {
      value: new RegExp(oneOf(shortStart.parts), ''),
      doc: `What a short block at the article's start holds to be kept (${by(shortStart.from)}).`,
    },
    PLACED_WORDS: {
      value: new RegExp(oneOf(placed.parts), 'i'),
      doc: `Words that get a line of any length its place, footer and caption (${by(placed.from)}).`,
    },
    MARKUP_KEYS: { value: markup.items, doc: `meta names and link rels that make a page worth reading in full (${by(markup.from)}).` },
    PIXEL_SRC: {
      value: new RegExp(oneOf([...pixelHosts.items, ...pixelMarkers.items].map(escape)), ''),
      doc: `An <img> src holding one of these is a republication pixel (${by(pixelHosts.from)}).`,
    },
    PIXEL_SCRIPT_SRC: {
      value: new RegExp(oneOf(scriptHosts.items.map(escape)), ''),
      doc: `A <script> src holding one of these hosts is one too (${by(scriptHosts.from)}).`,
    },
    PORTAL_URL: {
      value: new RegExp(
        oneOf(
          portalHosts.items
            .map(siteLabel)
            .filter((label, i, all) => all.indexOf(label) === i)
            .map(escape),
        ),
        'i',
      ),
      doc: `A page URL that may be on a portal (its text holds a portal's name), before it is parsed (${by(portalHosts.from)}).`,
    },
    PORTAL_HOST: { value: new RegExp(`(?:^|\\.)(?:${oneOf(portalHosts.items.map(escape))})$`, ''), doc: "A portal's host or one of its subdomains." },
    PROVIDER_SELECTORS: { value: selectors.items, doc: `The provider markup on a portal's page, in order (${by(selectors.from)}).` },
  };
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The generated module's text. */
export function digestKeepSource(families: readonly Family[] = FAMILIES): string {
  const lines = [
    "// Generated by scripts/gen-digest-keep.ts from the signal families' `keep` (core/signals/index.ts): do not edit.",
    '// `npx tsx scripts/gen-digest-keep.ts` rewrites it (`npm run new-signal` does).',
    '// What the digest (core/digest.ts) keeps for the families; plain data, so that no rule reaches the content script.',
    '',
  ];
  for (const [name, { value, doc }] of Object.entries(digestKeepData(families))) {
    lines.push(`/** ${doc} */`);
    if (value instanceof RegExp) lines.push(`export const ${name} = /${value.source}/${value.flags};`);
    else if (typeof value === 'string') lines.push(`export const ${name} = ${quote(value)};`);
    else lines.push(`export const ${name}: readonly string[] = [${value.map(quote).join(', ')}];`);
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const text = digestKeepSource();
  let current = '';
  try {
    current = readFileSync(GENERATED, 'utf8');
  } catch {
    // Not written yet.
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('core/digest-keep.generated.ts is out of date with the signal families: run npx tsx scripts/gen-digest-keep.ts');
      process.exit(1);
    }
    return;
  }
  if (current !== text) writeFileSync(GENERATED, text);
  console.log(`core/digest-keep.generated.ts ${current === text ? 'is up to date' : 'written'} (${FAMILIES.length} families)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
