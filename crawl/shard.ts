/**
 * One shard (one WARC file) through the engine: each HTML page is decoded as a browser would (core/decode.ts),
 * parsed (linkedom, as `provenance inspect` does) and run through detect(), the extension's engine; its record
 * becomes rows of the crawl database's tables (crawl/sql/schema.sql), written as JSON lines into the shard's
 * work folder, so a shard of any size holds no more than one page in memory. The database takes the files in
 * one transaction when the shard is done (crawl/db.ts).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePage } from '../core/decode';
import { detect } from '../core/detect';
import { registrableDomain } from '../core/url';
import type { Provenance } from '../core/types';
import { parseForEngine } from '../cli/load';
import { toRecord, type InspectRecord } from '../cli/inspect';
import { readWarc, ROUTINE_SKIPS, type SkipReason, type WarcOptions, type WarcPage } from './warc';

export const TABLES = ['pages', 'signals', 'chains', 'skipped'] as const;
export type TableName = (typeof TABLES)[number];

export interface ShardCounts {
  records: number;
  pages: number;
  copies: number;
  skipped: number;
  /** Skips by reason, routine ones included. */
  reasons: Partial<Record<SkipReason, number>>;
}

export interface ShardResult extends ShardCounts {
  shard: string;
  bytes: number;
  engineVersion: string;
}

export interface ShardOptions extends WarcOptions {
  /** Called every `progressEvery` records with the counts so far and the byte offset reached in the file. */
  progress?: (counts: ShardCounts, position: number) => void;
  progressEvery?: number;
}

/** The row of `pages` for one record: the columns of crawl/sql/schema.sql, in order. */
export function pageRow(
  shard: string,
  page: Pick<WarcPage, 'offset' | 'url' | 'date' | 'status'>,
  charset: string,
  bytes: number,
  { record: r, provenance }: Inspected,
) {
  return {
    shard,
    record_offset: page.offset,
    url: page.url,
    site: registrableDomain(page.url),
    fetched_at: page.date,
    http_status: page.status,
    charset,
    bytes,
    is_article: provenance.isArticle,
    syndicated: r.syndicated,
    kind: r.kind,
    kind_text: r.kindText,
    confidence: r.confidence,
    headline: r.page.headline,
    author: r.page.author,
    published_at: r.page.publishedAt,
    site_name: r.page.siteName,
    original_url: r.original?.url ?? null,
    original_site: r.original?.url ? registrableDomain(r.original.url) : null,
    original_publisher: r.original?.publisher ?? null,
    original_headline: r.original?.headline ?? null,
    original_published_at: r.original?.publishedAt ?? null,
    copyright: r.copyright,
    chain_length: r.chain.length,
    engine_ms: r.engineMs,
    record: r,
  };
}

/** The engine on one page of an archive: the same record `provenance inspect --json --url <url>` prints for the same bytes. */
export function inspectBytes(body: Uint8Array, url: string, charset: string | null): Inspected {
  const { text, encoding } = decodePage(body, charset, url);
  const provenance = detect(parseForEngine(text), url);
  return { provenance, record: toRecord(null, provenance), encoding };
}

export interface Inspected {
  provenance: Provenance;
  /** The record as `provenance inspect --json` prints it. */
  record: InspectRecord;
  /** The encoding the page was decoded with. */
  encoding: string;
}

/** Runs a shard into `workDir` (one JSON-lines file a table) and returns its counts. */
export async function runShard(shard: string, workDir: string, engineVersion: string, options: ShardOptions = {}): Promise<ShardResult> {
  await mkdir(workDir, { recursive: true });
  const out = Object.fromEntries(TABLES.map((table) => [table, createWriteStream(join(workDir, `${table}.jsonl`))])) as Record<
    TableName,
    WriteStream
  >;
  const counts: ShardCounts = { records: 0, pages: 0, copies: 0, skipped: 0, reasons: {} };
  let bytes = 0;
  const write = (table: TableName, row: object) => out[table].write(`${JSON.stringify(row)}\n`);
  const skip = (offset: number, url: string | null, reason: SkipReason, detail: string) => {
    counts.skipped++;
    counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1;
    if (!ROUTINE_SKIPS.has(reason)) write('skipped', { shard, record_offset: offset, url, reason, detail });
  };
  const every = options.progressEvery ?? 200;
  try {
    for await (const item of readWarc(shard, options)) {
      counts.records++;
      if (item.kind === 'skip') skip(item.offset, item.url, item.reason, item.detail);
      else {
        bytes += item.body.length;
        let inspected: Inspected;
        try {
          inspected = inspectBytes(item.body, item.url, item.charset);
        } catch (error) {
          skip(item.offset, item.url, 'engine-error', (error as Error)?.message ?? String(error));
          continue;
        }
        const { record, provenance, encoding } = inspected;
        counts.pages++;
        if (record.syndicated || record.kind) counts.copies++;
        write('pages', pageRow(shard, item, encoding, item.body.length, inspected));
        for (const signal of provenance.signals)
          write('signals', { shard, record_offset: item.offset, url: item.url, kind: signal.kind, detail: signal.detail, weight: signal.weight });
        record.chain.forEach((hop, i) =>
          write('chains', {
            shard,
            record_offset: item.offset,
            url: item.url,
            hop: i + 1,
            hop_url: hop.url,
            hop_site: hop.url ? registrableDomain(hop.url) : null,
            publisher: hop.publisher,
          }),
        );
      }
      if (options.progress && counts.records % every === 0) options.progress(counts, item.offset);
    }
  } finally {
    await Promise.all(
      TABLES.map((table) => new Promise<void>((resolve, reject) => out[table].end((error?: Error | null) => (error ? reject(error) : resolve())))),
    );
  }
  return { shard, bytes, engineVersion, ...counts };
}
