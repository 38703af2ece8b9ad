/**
 * Reading the interface's text for the translation scenarios (locale.scenarios.ts):
 * every rendered text and label of a page or of the badge's shadow root, and
 * which English messages are still in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tab } from './driver';

type Messages = Record<string, { message: string }>;
const here = path.dirname(fileURLToPath(import.meta.url));
const read = (locale: string) => JSON.parse(fs.readFileSync(path.resolve(here, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
export const EN = read('en');
export const FR = read('fr');

/** The literal parts of a message, placeholders taken out: "Open the original ($A$)" → ["Open the original ("]. */
function fragments(message: string): string[] {
  return message
    .split(/\$[A-Za-z0-9_@]+\$|\$\d/)
    .map((part) => part.trim().replace(/^[\s(:;,.–—-]+|[\s(:;,.–—-]+$/g, ''))
    .filter((part) => /[A-Za-z]{2}/.test(part));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `text` as a whole word sequence: "to" is not found in "Toronto". */
const wordPattern = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u');

const frenchTexts = Object.values(FR).map((entry) => entry.message);

/**
 * The English-only parts of the messages: from every message whose French differs, its literal parts
 * that no French message also has ("articles" is French too; "Provenance" is a name).
 */
const ENGLISH_PROBES: Array<{ key: string; fragment: string; pattern: RegExp }> = Object.entries(EN)
  .filter(([key, entry]) => FR[key] && FR[key].message !== entry.message)
  .flatMap(([key, entry]) =>
    fragments(entry.message)
      .filter((fragment) => !frenchTexts.some((french) => wordPattern(fragment).test(french)))
      .map((fragment) => ({ key, fragment, pattern: wordPattern(fragment) })),
  );

/** French messages without placeholders that a reader can recognise on screen. */
const FRENCH_PROBES = Object.entries(FR)
  .filter(([key, entry]) => EN[key] && EN[key].message !== entry.message && !/\$/.test(entry.message) && entry.message.length >= 4)
  .map(([key, entry]) => ({ key, pattern: wordPattern(entry.message) }));

/**
 * The English messages in `texts` (one entry per text node or label), leaving out any text that is
 * the page's own (a headline, a quote, an address: `pageText` holds everything the page says).
 */
export function englishLeft(texts: string[], pageText = ''): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (pageText.includes(text)) continue;
    // What French quotes « » hold is quoted from the page ('ligne « Author »').
    const ours = withoutPageWords(text, pageText).replace(/«[^»]*»/g, '« »');
    for (const probe of ENGLISH_PROBES)
      if (probe.pattern.test(ours)) found.add(`${probe.key}: "${probe.fragment}" in ${JSON.stringify(text.slice(0, 120))}`);
  }
  return [...found];
}

/** `text` without the runs of two words or more the page itself says ("Détails de « U.S., Russia hold… »" → "Détails de « »"). */
function withoutPageWords(text: string, pageText: string): string {
  if (!pageText) return text;
  const words = text.split(' ');
  const kept: string[] = [];
  for (let i = 0; i < words.length;) {
    let end = -1;
    for (let j = words.length; j >= i + 2; j--) {
      if (pageText.includes(words.slice(i, j).join(' '))) {
        end = j;
        break;
      }
    }
    if (end < 0) kept.push(words[i++]!);
    else i = end;
  }
  return kept.join(' ');
}

/** The keys of the French messages shown in `texts`. */
export function frenchShown(texts: string[]): string[] {
  return FRENCH_PROBES.filter((probe) => texts.some((text) => probe.pattern.test(text))).map((probe) => probe.key);
}

/**
 * Every rendered text node and label (title, aria-label, placeholder, alt, a button's value) under
 * `root`. Runs in the page: self-contained.
 */
function collect(root: Document | ShadowRoot | null): string[] {
  if (!root) return [];
  const out: string[] = [];
  const start = root instanceof Document ? root.body : root;
  if (!start) return out;
  const walker = (root instanceof Document ? root : root.ownerDocument).createTreeWalker(start, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text || !parent || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      out.push(text);
    } else if (node instanceof Element) {
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = node.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
      if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type) && node.value) out.push(node.value);
    }
  }
  if (root instanceof Document && root.title) out.push(root.title);
  return out;
}

/** The texts of an extension page (popup, options, first-run page…). */
export function pageTexts(tab: Tab): Promise<string[]> {
  return tab.evaluateExpression<string[]>(`(${collect.toString()})(document)`);
}

/** The texts of the badge (and its card, when open) inside its closed shadow root. */
export function badgeTexts(tab: Tab): Promise<string[]> {
  // The drivers send the function's source to the page, so `collect` runs there as it is.
  return tab.inShadow('provenance-badge', collect);
}

/** Everything a web page says itself, to tell its own words from the extension's: text, title, meta values, addresses. */
export function ownText(tab: Tab): Promise<string> {
  return tab.evaluate(() =>
    [
      document.body?.innerText ?? '',
      document.title,
      ...[...document.querySelectorAll('meta[content]')].map((meta) => meta.getAttribute('content') ?? ''),
      ...[...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.textContent ?? ''),
      ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      location.href,
    ].join('\n'),
  );
}
