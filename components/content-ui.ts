/**
 * The content script's on-demand half: what only some pages need. content.js (entrypoints/content/index.ts)
 * runs on every page, serialises it and sends it to the background, which reads it; it imports this module
 * only when the background answers that the page is a copy to badge, when the popup asks for a piece of
 * evidence to be shown or for the article's text (to compare it with the original), or when a page is too big
 * to send whole and is read in place. Most pages never load, parse or compile it. Built as an ES module by
 * scripts/content-ui.ts into content-scripts/content-ui.js (tests/unit/cost-bundle.test.ts checks what each
 * half holds).
 */
export { mountBadge } from './badge';
export { showEvidence } from '@/lib/find-evidence';
export { digestPage } from '@/core/digest';
export { articleText } from '@/core/article-text';
