import { parseHTML } from 'linkedom';
import { detect } from '../../../core/detect';
import type { Provenance } from '../../../core/types';

/** A page with the given head markup and article body, as a publisher's template would print it. */
export function page(body: string, head = '', outside = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story</title>${head}</head><body><header><a href="/">Home</a></header><main><article><h1>Story headline for the test page</h1><p>${'Lead paragraph of the story with enough words to look like an article. '.repeat(4)}</p>${body}</article></main>${outside}</body></html>`;
}

export function run(html: string, url: string): Provenance {
  const { document } = parseHTML(html);
  return detect(document as unknown as Document, url);
}

export const kinds = (record: Provenance): string[] => record.signals.filter((s) => s.weight > 0).map((s) => s.kind);
