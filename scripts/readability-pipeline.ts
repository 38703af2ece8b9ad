/**
 * The comparison side of `npm run bench:crawl`: the usual way to "read an article" in Node, Mozilla's
 * Readability on a linkedom document, over the same WARC files the crawl reads (same reading and decoding),
 * one thread. Bundled by the benchmark with the CLI's linkedom (scripts/linkedom-edits.mjs) and run as its
 * own process, as the crawl is. Prints one JSON line: {"pages": n, "seconds": s}.
 *
 *   node <bundle> <file.warc.gz> ...
 */
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/load';
import { decodeHtml } from '../core/decode';
import { readWarc } from '../crawl/warc';

const started = performance.now();
let pages = 0;
for (const file of process.argv.slice(2))
  for await (const item of readWarc(file)) {
    if (item.kind !== 'page') continue;
    new Readability(parseHtml(decodeHtml(item.body, item.charset, item.url)) as never).parse();
    pages++;
  }
console.log(JSON.stringify({ pages, seconds: (performance.now() - started) / 1000 }));
