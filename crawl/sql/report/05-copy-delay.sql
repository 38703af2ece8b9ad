-- title: How long after the original do copies appear?
-- about: For each copy (archived snapshots left out) whose own publication date is known: its `published_at`
--   minus the original's date, which is the date the copy gives for its original or else the `published_at`
--   of the original's page when the crawl holds it (same URL, earliest date). The fetch time is never used.
--   Dates without a time zone are taken as written and a date alone counts as midnight, so the shortest
--   delays are rough. A copy dated before its original is counted apart; the median and the 90th percentile
--   are of the other delays.
WITH
  copies AS (
    SELECT published_at, original_url, original_published_at
    FROM pages
    WHERE (syndicated OR kind IS NOT NULL) AND kind IS DISTINCT FROM 'archive'
  ),
  originals_in_crawl AS (
    SELECT url, min(published_at) AS published_at
    FROM pages
    WHERE published_at IS NOT NULL
      AND url IN (SELECT original_url FROM copies WHERE original_published_at IS NULL AND published_at IS NOT NULL)
    GROUP BY url
  ),
  delays AS (
    SELECT date_diff('second', coalesce(c.original_published_at, o.published_at), c.published_at) / 3600.0 AS hours
    FROM copies c
    LEFT JOIN originals_in_crawl o ON o.url = c.original_url
  ),
  buckets (ord, delay) AS (
    VALUES
      (1, '< 1 hour'),
      (2, '1–6 hours'),
      (3, '6–24 hours'),
      (4, '1–3 days'),
      (5, '3–7 days'),
      (6, '1–4 weeks'),
      (7, '> 4 weeks'),
      (8, 'negative: copy dated before the original')
  ),
  counts AS (
    SELECT
      CASE
        WHEN hours < 0 THEN 8
        WHEN hours < 1 THEN 1
        WHEN hours < 6 THEN 2
        WHEN hours < 24 THEN 3
        WHEN hours < 72 THEN 4
        WHEN hours < 168 THEN 5
        WHEN hours < 672 THEN 6
        ELSE 7
      END AS ord,
      count(*) AS copies
    FROM delays
    WHERE hours IS NOT NULL
    GROUP BY 1
  ),
  stats AS (
    SELECT
      count(hours) AS dated,
      count(*) - count(hours) AS undated,
      quantile_cont(hours, 0.5) FILTER (WHERE hours >= 0) AS median_hours,
      quantile_cont(hours, 0.9) FILTER (WHERE hours >= 0) AS p90_hours
    FROM delays
  )
SELECT delay, copies, pct_of_dated, median_hours, p90_hours
FROM (
  SELECT
    b.ord,
    b.delay,
    coalesce(n.copies, 0) AS copies,
    round(100.0 * coalesce(n.copies, 0) / nullif(s.dated, 0), 1) AS pct_of_dated,
    NULL::DOUBLE AS median_hours,
    NULL::DOUBLE AS p90_hours
  FROM buckets b
  LEFT JOIN counts n ON n.ord = b.ord
  JOIN stats s ON true
  UNION ALL
  SELECT 9, 'all dated copies', dated, CASE WHEN dated > 0 THEN 100.0 END, round(median_hours, 1), round(p90_hours, 1)
  FROM stats
  UNION ALL
  SELECT 10, 'date unknown (not counted above)', undated, NULL, NULL, NULL
  FROM stats
)
ORDER BY ord;
