-- title: Which copies sit more than one hop from their original?
-- about: Two ways. "credited": pages whose own credits name an intermediate before the original
--   (`chain_length` > 1; the path from `chains`). "through the crawl": a copy whose original is itself a page
--   of the crawl that is a copy, followed from copy to original (same URL only, at most 10 hops, loops
--   stopped); the path names each hop's site, the last being the original. The same page can appear both
--   ways. Longest first, at most 200 rows.
WITH RECURSIVE
  params AS (
    SELECT 200 AS max_rows, 10 AS max_hops
  ),
  links AS (
    SELECT
      url,
      original_url,
      any_value(coalesce(site, '?')) AS site,
      any_value(coalesce(original_site, original_publisher, '?')) AS original_site,
      any_value(kind) AS kind,
      any_value(headline) AS headline
    FROM pages
    WHERE (syndicated OR kind IS NOT NULL) AND original_url IS NOT NULL AND original_url <> url
    GROUP BY url, original_url
  ),
  walk AS (
    SELECT
      l.url AS start_url,
      l.site,
      l.kind,
      l.headline,
      1 AS hops,
      l.original_url AS at_url,
      [l.site, l.original_site] AS sites,
      [l.url, l.original_url] AS seen
    FROM links l
    WHERE l.original_url IN (SELECT url FROM links)
    UNION ALL
    SELECT
      w.start_url,
      w.site,
      w.kind,
      w.headline,
      w.hops + 1,
      n.original_url,
      list_append(w.sites, n.original_site),
      list_append(w.seen, n.original_url)
    FROM walk w
    JOIN links n ON n.url = w.at_url
    WHERE w.hops < (SELECT max_hops FROM params) AND NOT list_contains(w.seen, n.original_url)
  ),
  through_crawl AS (
    SELECT
      'through the crawl' AS how,
      max(hops) AS hops,
      any_value(site) AS site,
      any_value(kind) AS kind,
      arg_max(array_to_string(sites, ' → '), hops) AS path,
      start_url AS url,
      any_value(headline) AS headline
    FROM walk
    GROUP BY start_url
    HAVING max(hops) > 1
  ),
  credited AS (
    SELECT
      'credited' AS how,
      p.chain_length AS hops,
      p.site,
      p.kind,
      coalesce(p.site, '?') || ' → ' || coalesce(string_agg(coalesce(c.hop_site, c.publisher, '?'), ' → ' ORDER BY c.hop), '?') AS path,
      p.url,
      p.headline
    FROM pages p
    LEFT JOIN chains c ON c.shard = p.shard AND c.record_offset = p.record_offset
    WHERE p.chain_length > 1
    GROUP BY p.shard, p.record_offset, p.chain_length, p.site, p.kind, p.url, p.headline
  )
SELECT how, hops, site, kind, path, url, headline
FROM (
  SELECT * FROM credited
  UNION ALL
  SELECT * FROM through_crawl
)
ORDER BY hops DESC, how, url
LIMIT (SELECT max_rows FROM params);
