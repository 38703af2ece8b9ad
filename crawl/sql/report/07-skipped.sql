-- title: Which WARC records were skipped, and why?
-- about: Records of `skipped` by reason (not-html, not-response, http-status, too-large, bad-length,
--   corrupt-gzip, truncated, bad-record, engine-error), as a share of the skipped records and of all records
--   the shards read, with the number of shards where it happened and one example detail (the first in sort order).
WITH
  totals AS (
    SELECT coalesce(sum(records), 0) AS records
    FROM shards
  ),
  reasons AS (
    SELECT coalesce(reason, '(none)') AS reason, count(*) AS records, count(DISTINCT shard) AS shards, min(detail) AS example
    FROM skipped
    GROUP BY 1
  )
SELECT
  r.reason,
  r.records,
  round(100.0 * r.records / sum(r.records) OVER (), 1) AS pct_of_skipped,
  round(100.0 * r.records / nullif(t.records, 0), 1) AS pct_of_records,
  r.shards,
  r.example
FROM reasons r
JOIN totals t ON true
ORDER BY r.records DESC, r.reason;
