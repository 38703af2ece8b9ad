/**
 * Every signal family, in the order they are run. To teach the engine a new
 * syndication pattern, add one file here with its real-world wording and a
 * fixture under tests/fixtures/engine/.
 */
import { archivedCopy } from './archive';
import { crossSiteCanonical } from './canonical';
import { contentFarmFooter } from './content-farm';
import type { SignalFamily } from './finding';
import { headlineCredit } from './headline-credit';
import { jsonLdProvenance } from './json-ld';
import { portalPartner } from './portal';
import { republicationCredit } from './republication';
import { sourceCredit } from './source-credit';
import { syndicationMeta } from './syndication-meta';
import { trackingPixel } from './tracking-pixel';
import { wireCopy } from './wire';
import { wordpressFeedFooter } from './wordpress-feed';

export const SIGNAL_FAMILIES: readonly SignalFamily[] = [
  contentFarmFooter,
  wordpressFeedFooter,
  crossSiteCanonical,
  syndicationMeta,
  jsonLdProvenance,
  republicationCredit,
  wireCopy,
  sourceCredit,
  trackingPixel,
  portalPartner,
  headlineCredit,
  archivedCopy,
];
