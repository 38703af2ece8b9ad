-- title: Which outlets are copied most, and by whom?
-- about: Copies grouped by the original they credit: its site (registrable domain) or, when a copy names a
--   publisher without a link (wire copy often does), the publisher's name. Archived snapshots are left out.
--   The outlet is the one the copy itself credits, so a copy of a copy counts for the intermediate it names
--   (see the chains figure). The share is of all copies but archives; top 25 outlets, each with the 5 sites
--   that copy it most.
WITH
  params AS (
    SELECT 25 AS top_outlets, 5 AS top_copiers
  ),
  copies AS (
    SELECT
      coalesce(original_site, original_publisher) AS outlet,
      original_publisher,
      original_url,
      coalesce(site, '(no site)') AS site
    FROM pages
    WHERE (syndicated OR kind IS NOT NULL) AND kind IS DISTINCT FROM 'archive'
  ),
  outlets AS (
    SELECT
      outlet,
      mode(original_publisher) AS publisher,
      count(*) AS copies,
      round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS copies_pct,
      count(DISTINCT site) AS copying_sites,
      count(DISTINCT original_url) AS originals,
      row_number() OVER (ORDER BY outlet IS NULL, count(*) DESC, outlet) AS rank
    FROM copies
    GROUP BY outlet
  ),
  top_outlets AS (
    SELECT *
    FROM outlets
    WHERE outlet IS NOT NULL AND rank <= (SELECT top_outlets FROM params)
  ),
  copiers AS (
    SELECT c.outlet, c.site, count(*) AS n
    FROM copies c
    JOIN top_outlets t ON t.outlet = c.outlet
    GROUP BY c.outlet, c.site
    QUALIFY row_number() OVER (PARTITION BY c.outlet ORDER BY count(*) DESC, c.site) <= (SELECT top_copiers FROM params)
  ),
  copier_lists AS (
    SELECT outlet, string_agg(site || ' (' || n || ')', ', ' ORDER BY n DESC, site) AS top_copiers
    FROM copiers
    GROUP BY outlet
  )
SELECT
  t.outlet,
  t.publisher,
  t.copies,
  t.copies_pct,
  t.copying_sites,
  t.originals,
  l.top_copiers
FROM top_outlets t
LEFT JOIN copier_lists l ON l.outlet = t.outlet
ORDER BY t.rank;
