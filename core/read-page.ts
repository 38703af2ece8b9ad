/** The engine run on a fetched page (verification, in the background and the CLI): its record and its text. */
import { articleText } from './article-text';
import { detectWithNames } from './publishers';
import { sanitizeStrings } from './sanitize';
import type { Provenance } from './types';

export function readPage(doc: Document, url: string): { record: Provenance; text: string } {
  return { record: sanitizeStrings(detectWithNames(doc, url)), text: articleText(doc) };
}
