/** The engine run on a fetched page (verification, in the background and the CLI): its record and its text. */
import { articleText } from './article-text';
import { detect } from './detect';
import type { Provenance } from './types';

export function readPage(doc: Document, url: string): { record: Provenance; text: string } {
  return { record: detect(doc, url), text: articleText(doc) };
}
