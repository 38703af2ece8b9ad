-- title: What kinds of copies does the crawl hold?
-- about: Copies (`syndicated OR kind IS NOT NULL`) counted by the kind the engine gave them, as a share of all
--   pages and of all copies. "unclassified" is a page marked syndicated without a kind. Archived snapshots
--   (kind archive) are listed but are not republications.
WITH
  totals AS (
    SELECT count(*) AS pages
    FROM pages
  ),
  by_kind AS (
    SELECT coalesce(kind, 'unclassified') AS kind, count(*) AS copies
    FROM pages
    WHERE syndicated OR kind IS NOT NULL
    GROUP BY 1
  )
SELECT
  k.kind,
  k.copies,
  round(100.0 * k.copies / nullif(t.pages, 0), 1) AS pct_of_pages,
  round(100.0 * k.copies / sum(k.copies) OVER (), 1) AS pct_of_copies
FROM by_kind k
JOIN totals t ON true
ORDER BY k.copies DESC, k.kind;
