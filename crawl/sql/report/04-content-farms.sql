-- title: Which sites are mostly copies? (content-farm candidates)
-- about: Sites with at least 3 articles in the crawl of which at least half are copies (an article here is a
--   page the engine took for an article, or any copy). Archived snapshots do not count as copies: an archive
--   is not a farm. A candidate is not a verdict: a wire client or a licensed republisher can qualify too, and
--   the kinds tell them apart. Evidence: the signal kinds found most often on the site's copies (informational
--   signals of weight 0 left out), each with its most frequent sentence. The thresholds are in `params`.
WITH
  params AS (
    SELECT 3 AS min_articles, 50.0 AS min_copies_pct, 100 AS max_sites, 3 AS top_n
  ),
  per_site AS (
    SELECT
      site,
      count(*) AS pages,
      count(*) FILTER (WHERE is_article OR syndicated OR kind IS NOT NULL) AS articles,
      count(*) FILTER (WHERE (syndicated OR kind IS NOT NULL) AND kind IS DISTINCT FROM 'archive') AS copies
    FROM pages
    WHERE site IS NOT NULL
    GROUP BY site
  ),
  farms AS (
    SELECT
      site,
      pages,
      articles,
      copies,
      round(100.0 * copies / articles, 1) AS copies_pct
    FROM per_site
    WHERE articles >= (SELECT min_articles FROM params)
      AND 100.0 * copies / articles >= (SELECT min_copies_pct FROM params)
    QUALIFY row_number() OVER (ORDER BY 100.0 * copies / articles DESC, copies DESC, site) <= (SELECT max_sites FROM params)
  ),
  farm_copies AS (
    SELECT
      p.shard,
      p.record_offset,
      p.site,
      coalesce(p.kind, 'unclassified') AS kind,
      coalesce(p.original_site, p.original_publisher) AS outlet
    FROM pages p
    JOIN farms f ON f.site = p.site
    WHERE (p.syndicated OR p.kind IS NOT NULL) AND p.kind IS DISTINCT FROM 'archive'
  ),
  kinds AS (
    SELECT site, string_agg(kind || ' ' || n, ', ' ORDER BY n DESC, kind) AS main_kinds
    FROM (
      SELECT site, kind, count(*) AS n
      FROM farm_copies
      GROUP BY site, kind
      QUALIFY row_number() OVER (PARTITION BY site ORDER BY count(*) DESC, kind) <= (SELECT top_n FROM params)
    )
    GROUP BY site
  ),
  outlets AS (
    SELECT site, string_agg(outlet || ' (' || n || ')', ', ' ORDER BY n DESC, outlet) AS copies_most
    FROM (
      SELECT site, outlet, count(*) AS n
      FROM farm_copies
      WHERE outlet IS NOT NULL
      GROUP BY site, outlet
      QUALIFY row_number() OVER (PARTITION BY site ORDER BY count(*) DESC, outlet) <= (SELECT top_n FROM params)
    )
    GROUP BY site
  ),
  evidence AS (
    SELECT site, string_agg(signal || ' ×' || n || ': ' || coalesce(example, ''), '; ' ORDER BY n DESC, signal) AS evidence
    FROM (
      SELECT c.site, coalesce(s.kind, '?') AS signal, count(*) AS n, mode(s.detail) AS example
      FROM farm_copies c
      JOIN signals s ON s.shard = c.shard AND s.record_offset = c.record_offset
      WHERE s.weight IS NULL OR s.weight > 0
      GROUP BY c.site, signal
      QUALIFY row_number() OVER (PARTITION BY c.site ORDER BY count(*) DESC, signal) <= (SELECT top_n FROM params)
    )
    GROUP BY site
  )
SELECT
  f.site,
  f.pages,
  f.articles,
  f.copies,
  f.copies_pct,
  k.main_kinds,
  o.copies_most,
  e.evidence
FROM farms f
LEFT JOIN kinds k ON k.site = f.site
LEFT JOIN outlets o ON o.site = f.site
LEFT JOIN evidence e ON e.site = f.site
ORDER BY f.copies_pct DESC, f.copies DESC, f.site;
