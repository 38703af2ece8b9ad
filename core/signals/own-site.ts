/**
 * Does a name refer to the page's own site? Footers and credits often name the
 * site they are printed on (a blog's own feed footer, "originally published on
 * <our site>"); those are not syndication.
 */
import type { PageScan } from '../scan';
import { foldToKey, sameName, splitTrailingSuffix } from '../text';

export function isOwnSiteName(scan: PageScan, name: string): boolean {
  const { meta } = scan.structured;
  const candidates = [meta.get('og:site_name'), meta.get('application-name'), splitTrailingSuffix(scan.title)?.suffix];
  for (const candidate of candidates) if (candidate && sameName(candidate, name)) return true;
  // "USA NEWS" on usa-news.biz, "Example.com" on example.com.
  const key = foldToKey(name);
  const label = scan.site ? foldToKey(scan.site.split('.')[0] ?? '') : '';
  return key.length > 2 && (key === label || key === foldToKey(scan.site ?? ''));
}
