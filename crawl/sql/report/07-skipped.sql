-- title: Which WARC records were skipped, and why?
-- about: Skipped records by reason from `skip_counts`, as a share of the skipped records and of all records the
--   shards read, with the number of shards where it happened. The routine reasons (not-response, not-html,
--   http-status) are only counted; the archive's problems (too-large, bad-length, corrupt-gzip, truncated,
--   bad-record, engine-error) are also listed one by one in `skipped`, whose first detail in sort order is the
--   example.
WITH
  totals AS (
    SELECT coalesce(sum(records), 0) AS records
    FROM shards
  ),
  counts AS (
    SELECT coalesce(reason, '(none)') AS reason, sum(records) AS records, count(DISTINCT shard) FILTER (WHERE records > 0) AS shards
    FROM skip_counts
    GROUP BY 1
    HAVING sum(records) > 0
  ),
  listed AS (
    SELECT coalesce(reason, '(none)') AS reason, count(*) AS listed, min(detail) AS example
    FROM skipped
    GROUP BY 1
  )
SELECT
  c.reason,
  c.records,
  round(100.0 * c.records / sum(c.records) OVER (), 1) AS pct_of_skipped,
  round(100.0 * c.records / nullif(t.records, 0), 1) AS pct_of_records,
  c.shards,
  coalesce(l.listed, 0) AS listed,
  l.example
FROM counts c
LEFT JOIN listed l ON l.reason = c.reason
JOIN totals t ON true
ORDER BY c.records DESC, c.reason;
