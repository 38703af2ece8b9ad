/**
 * The content script's on-demand half: what a page needs only once there is something to show. content.js
 * (entrypoints/content/index.ts) runs on every page and imports this module only when the background answers
 * that the page is a copy to badge, or when the popup asks for a piece of evidence to be shown: most pages
 * never load, parse or compile it. Built as an ES module by scripts/content-ui.ts into
 * content-scripts/content-ui.js (tests/unit/cost-bundle.test.ts checks what each half holds).
 */
export { mountBadge } from './badge';
export { showEvidence } from '@/lib/find-evidence';
