-- title: How big is the crawl, and how much of it is copies?
-- about: Shards and WARC records come from `shards`, pages, articles, sites and copies from `pages`, skipped
--   records from `skip_counts`. A copy is a page the engine found republished or archived
--   (`syndicated OR kind IS NOT NULL`); its share is of all HTML pages read, articles or not.
WITH
  shard_totals AS (
    SELECT count(*) AS shards, coalesce(sum(records), 0) AS records
    FROM shards
  ),
  page_totals AS (
    SELECT
      count(*) AS pages,
      count(*) FILTER (WHERE is_article) AS articles,
      count(DISTINCT site) AS sites,
      count(*) FILTER (WHERE syndicated OR kind IS NOT NULL) AS copies
    FROM pages
  ),
  skip_reasons AS (
    SELECT coalesce(reason, '(none)') AS reason, sum(records) AS n
    FROM skip_counts
    GROUP BY 1
    HAVING sum(records) > 0
  ),
  skip_totals AS (
    SELECT
      coalesce(sum(n), 0) AS skipped,
      string_agg(reason || ' ' || n, ', ' ORDER BY n DESC, reason) AS skipped_by_reason
    FROM skip_reasons
  )
-- Each CTE is one row: these joins pair three single rows.
SELECT
  s.shards,
  s.records,
  p.pages,
  p.articles,
  p.sites,
  p.copies,
  round(100.0 * p.copies / nullif(p.pages, 0), 1) AS copies_pct,
  k.skipped,
  k.skipped_by_reason
FROM shard_totals s
JOIN page_totals p ON true
JOIN skip_totals k ON true;
