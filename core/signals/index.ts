/**
 * The registry: every signal family, in the order they are run.
 *
 * A family is one file in this folder. It exports `family`: its name (the file's), its rule (reads the
 * page's scan, returns findings) and `keep`, what the digest must keep for it (core/signals/keep.ts): the
 * words of its credit lines, the hosts of its pixels or portals, the markup it reads. Adding a family is:
 *   1. one file here (`npm run new-signal -- <name>` writes a stub, with its fixture and its test);
 *   2. one entry in this registry: its import and its place in FAMILIES below;
 *   3. fixtures: pages of real-world wording under tests/fixtures/signals/<name>/, one `<!-- url: … -->` first line each;
 *   and nothing else: `npm run new-signal` regenerates the digest's data from this registry.
 *
 * How the families' words reach the content script without their rules: the content script runs only the
 * digest (core/digest.ts) on every page and must not carry rule code (tests/unit/cost-bundle.test.ts). So
 * scripts/gen-digest-keep.ts reads this registry under Node and writes the merged declarations as plain
 * data, regular expressions and lists, into core/digest-keep.generated.ts, which the digest imports: one
 * small module, no rule module behind it. tests/unit/registry-keep.test.ts fails when that file is out of
 * date with the families, and runs every family's fixtures through the digest and its rule.
 */
import { family as archive } from './archive';
import { family as canonical } from './canonical';
import { family as contentFarm } from './content-farm';
import type { SignalFamily } from './finding';
import { family as headlineCredit } from './headline-credit';
import { family as jsonLd } from './json-ld';
import type { Family } from './keep';
import { family as portal } from './portal';
import { family as republication } from './republication';
import { family as sourceCredit } from './source-credit';
import { family as syndicationMeta } from './syndication-meta';
import { family as trackingPixel } from './tracking-pixel';
import { family as wire } from './wire';
import { family as wordpressFeed } from './wordpress-feed';

export const FAMILIES: readonly Family[] = [
  contentFarm,
  wordpressFeed,
  canonical,
  syndicationMeta,
  jsonLd,
  republication,
  wire,
  sourceCredit,
  trackingPixel,
  portal,
  headlineCredit,
  archive,
];

export const SIGNAL_FAMILIES: readonly SignalFamily[] = FAMILIES.map((entry) => entry.rule);
