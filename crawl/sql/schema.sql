-- The crawl database (DuckDB): what `provenance crawl` writes and `provenance report` reads.
-- One row a page in `pages`; its evidence in `signals`; its chain back to the original in `chains`;
-- every record skipped, counted by reason in `skip_counts`, and those that could not be read listed in
-- `skipped`; one row a finished shard in `shards`.
-- A shard (one WARC file) is committed in one transaction with its `shards` row, so a killed run leaves
-- whole shards only, and a rerun skips the shards listed here.

CREATE TABLE IF NOT EXISTS shards (
  shard VARCHAR PRIMARY KEY,      -- the WARC file's absolute path (or URL)
  bytes BIGINT,                   -- its size when read
  records BIGINT,                 -- WARC records read
  pages BIGINT,                   -- HTML responses run through the engine
  copies BIGINT,                  -- of which syndicated or archived copies
  skipped BIGINT,                 -- records skipped, by reason in `skip_counts`
  engine_version VARCHAR,         -- provenance's version that read it
  finished_at TIMESTAMP           -- when the shard was committed
);

CREATE TABLE IF NOT EXISTS pages (
  shard VARCHAR NOT NULL,
  record_offset BIGINT NOT NULL,  -- the record's byte offset in the WARC file (gzip member start for .warc.gz)
  url VARCHAR NOT NULL,           -- WARC-Target-URI
  site VARCHAR,                   -- the page's registrable domain (example.co.uk)
  fetched_at TIMESTAMP,           -- WARC-Date
  http_status INTEGER,
  charset VARCHAR,                -- the encoding the page was decoded with
  bytes INTEGER,                  -- payload size
  is_article BOOLEAN,
  syndicated BOOLEAN,
  kind VARCHAR,                   -- scraped | wire | partner | republication | cross-post | archive | unknown; NULL: not a copy
  kind_text VARCHAR,
  confidence DOUBLE,
  headline VARCHAR,
  author VARCHAR,
  published_at TIMESTAMP,         -- the page's own publication date, when it gives one
  site_name VARCHAR,
  original_url VARCHAR,
  original_site VARCHAR,          -- the original's registrable domain
  original_publisher VARCHAR,
  original_headline VARCHAR,
  original_published_at TIMESTAMP,
  copyright VARCHAR,
  chain_length INTEGER,           -- hops back to the original (0 on an original)
  engine_ms DOUBLE,
  record JSON                     -- the engine's whole record, as `provenance inspect --json` prints it
);

CREATE TABLE IF NOT EXISTS signals (
  shard VARCHAR NOT NULL,
  record_offset BIGINT NOT NULL,
  url VARCHAR NOT NULL,
  kind VARCHAR,                   -- the signal's kind (source-link, copyright, canonical, …)
  detail VARCHAR,                 -- what it says, in a sentence
  weight DOUBLE
);

CREATE TABLE IF NOT EXISTS chains (
  shard VARCHAR NOT NULL,
  record_offset BIGINT NOT NULL,
  url VARCHAR NOT NULL,
  hop INTEGER,                    -- 1 = the site the page credits; the last hop is the original
  hop_url VARCHAR,
  hop_site VARCHAR,
  publisher VARCHAR
);

-- Records skipped, by reason, a shard: routine ones (not-response, not-html, http-status) are only counted here.
CREATE TABLE IF NOT EXISTS skip_counts (
  shard VARCHAR NOT NULL,
  reason VARCHAR,
  records BIGINT
);

-- The records that could not be read or run (the archive's problems), one row each.
CREATE TABLE IF NOT EXISTS skipped (
  shard VARCHAR NOT NULL,
  record_offset BIGINT,
  url VARCHAR,
  reason VARCHAR,                 -- not-html | not-response | http-status | too-large | bad-length | corrupt-gzip | truncated | bad-record | engine-error
  detail VARCHAR
);

-- Each original named by a copy: who published it, how many copies, and whether the crawl holds it.
CREATE OR REPLACE VIEW originals AS
SELECT
  p.original_url AS url,
  any_value(p.original_site) AS site,
  any_value(p.original_publisher) AS publisher,
  count(*) AS copies,
  count(DISTINCT p.site) AS copying_sites,
  min(p.fetched_at) AS first_copy_seen,
  bool_or(o.url IS NOT NULL) AS in_crawl
FROM pages p
LEFT JOIN (SELECT DISTINCT url FROM pages) o ON o.url = p.original_url
WHERE p.original_url IS NOT NULL
GROUP BY p.original_url;
