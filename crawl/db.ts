/**
 * The crawl database (DuckDB, crawl/sql/schema.sql). One writer: the crawl's main thread. Each finished shard
 * goes in with one transaction (its rows from the shard's JSON-lines files, its `shards` row and its skip
 * counts), so the file only ever holds whole shards: a run killed at any point is resumed by running it again,
 * and a shard listed in `shards` is never read twice.
 */
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA } from './sql.generated';
import type { ShardResult } from './shard';

/** The JSON-lines columns of each table, as the shard writes them (crawl/shard.ts), with their SQL types. */
const COLUMNS = {
  pages: {
    shard: 'VARCHAR',
    record_offset: 'BIGINT',
    url: 'VARCHAR',
    site: 'VARCHAR',
    fetched_at: 'VARCHAR',
    http_status: 'INTEGER',
    charset: 'VARCHAR',
    bytes: 'INTEGER',
    is_article: 'BOOLEAN',
    syndicated: 'BOOLEAN',
    kind: 'VARCHAR',
    kind_text: 'VARCHAR',
    confidence: 'DOUBLE',
    headline: 'VARCHAR',
    author: 'VARCHAR',
    published_at: 'VARCHAR',
    site_name: 'VARCHAR',
    original_url: 'VARCHAR',
    original_site: 'VARCHAR',
    original_publisher: 'VARCHAR',
    original_headline: 'VARCHAR',
    original_published_at: 'VARCHAR',
    copyright: 'VARCHAR',
    chain_length: 'INTEGER',
    engine_ms: 'DOUBLE',
    record: 'JSON',
  },
  signals: { shard: 'VARCHAR', record_offset: 'BIGINT', url: 'VARCHAR', kind: 'VARCHAR', detail: 'VARCHAR', weight: 'DOUBLE' },
  chains: {
    shard: 'VARCHAR',
    record_offset: 'BIGINT',
    url: 'VARCHAR',
    hop: 'INTEGER',
    hop_url: 'VARCHAR',
    hop_site: 'VARCHAR',
    publisher: 'VARCHAR',
  },
  skipped: { shard: 'VARCHAR', record_offset: 'BIGINT', url: 'VARCHAR', reason: 'VARCHAR', detail: 'VARCHAR' },
} as const;

export type CrawlTable = keyof typeof COLUMNS;
export const CRAWL_TABLES = Object.keys(COLUMNS) as CrawlTable[];
/** What a shard's work folder holds: one file a table. */
export const shardFile = (workDir: string, table: CrawlTable): string => join(workDir, `${table}.jsonl`);

/** Timestamps as the pages write them (a date, or a date and time with an offset) → UTC. */
const TIMESTAMP_COLUMNS = new Set(['fetched_at', 'published_at', 'original_published_at']);

const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export class CrawlDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  /** Opens (or creates) the database at `path` and makes sure its tables exist. */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<CrawlDb> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    if (!options.readOnly) await connection.run(SCHEMA);
    return new CrawlDb(instance, connection, path);
  }

  async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as T[];
  }

  /** The shards already in the database. */
  async doneShards(): Promise<Set<string>> {
    return new Set((await this.rows<{ shard: string }>('SELECT shard FROM shards')).map((row) => row.shard));
  }

  /** A finished shard's rows, from its work folder, in one transaction with its `shards` row. */
  async commitShard(result: ShardResult, workDir: string): Promise<void> {
    const c = this.connection;
    await c.run('BEGIN TRANSACTION');
    try {
      for (const table of CRAWL_TABLES) {
        await c.run(`DELETE FROM ${table} WHERE shard = ${sqlString(result.shard)}`);
        const columns = COLUMNS[table] as Record<string, string>;
        const names = Object.keys(columns);
        const spec = `{${names.map((name) => `${sqlString(name)}: ${sqlString(columns[name]!)}`).join(', ')}}`;
        const select = names
          .map((name) => (TIMESTAMP_COLUMNS.has(name) ? `try_cast(${name} AS TIMESTAMPTZ)::TIMESTAMP AS ${name}` : name))
          .join(', ');
        await c.run(
          `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM read_json(${sqlString(shardFile(workDir, table))}, format = 'newline_delimited', columns = ${spec}, maximum_object_size = 67108864)`,
        );
      }
      await c.run(`DELETE FROM skip_counts WHERE shard = ${sqlString(result.shard)}`);
      for (const [reason, count] of Object.entries(result.reasons))
        await c.run(`INSERT INTO skip_counts VALUES (${sqlString(result.shard)}, ${sqlString(reason)}, ${Number(count)})`);
      await c.run(
        `INSERT OR REPLACE INTO shards VALUES (${sqlString(result.shard)}, ${result.bytes}, ${result.records}, ${result.pages}, ${result.copies}, ${result.skipped}, ${sqlString(result.engineVersion)}, now()::TIMESTAMP)`,
      );
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
  }

  /** Rows of shards that were never finished (from an older, interrupted writer): removed. */
  async dropUnfinished(): Promise<void> {
    for (const table of [...CRAWL_TABLES, 'skip_counts'])
      await this.connection.run(`DELETE FROM ${table} WHERE shard NOT IN (SELECT shard FROM shards)`);
  }

  /** Every table (and the `originals` view) as Parquet files in `dir`. */
  async exportParquet(dir: string): Promise<string[]> {
    const files: string[] = [];
    for (const table of ['shards', ...CRAWL_TABLES, 'skip_counts', 'originals']) {
      const file = join(dir, `${table}.parquet`);
      await this.connection.run(`COPY (SELECT * FROM ${table}) TO ${sqlString(file)} (FORMAT parquet)`);
      files.push(file);
    }
    return files;
  }

  /** One JSON line a page: its row, the engine's whole record included. */
  async exportJsonl(file: string): Promise<void> {
    await this.connection.run(`COPY (SELECT * FROM pages ORDER BY shard, record_offset) TO ${sqlString(file)} (FORMAT json)`);
  }

  /**
   * Parquet parts (folders written by exportParquet, one a Dask task) into this database: each part's shards
   * that are not here yet, in one transaction a part.
   */
  async mergeParquet(partDir: string): Promise<{ shards: number; pages: number }> {
    const c = this.connection;
    const part = (table: string) => sqlString(join(partDir, `${table}.parquet`));
    const fresh = `(SELECT shard FROM read_parquet(${part('shards')}) WHERE shard NOT IN (SELECT shard FROM shards))`;
    const [counts] = await this.rows<{ shards: number; pages: number }>(
      `SELECT count(*)::INTEGER AS shards, coalesce(sum(pages), 0)::INTEGER AS pages FROM read_parquet(${part('shards')}) WHERE shard NOT IN (SELECT shard FROM shards)`,
    );
    const { shards, pages } = counts ?? { shards: 0, pages: 0 };
    if (!shards) return { shards: 0, pages: 0 };
    await c.run('BEGIN TRANSACTION');
    try {
      for (const table of [...CRAWL_TABLES, 'skip_counts'])
        await c.run(`INSERT INTO ${table} BY NAME SELECT * FROM read_parquet(${part(table)}) WHERE shard IN ${fresh}`);
      await c.run(`INSERT INTO shards BY NAME SELECT * FROM read_parquet(${part('shards')}) WHERE shard IN ${fresh}`);
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
    return { shards, pages };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
