/**
 * V8's explicit compile hint for a whole file (Chromium 136 and later): the content scripts' functions are
 * compiled with the file, not one by one on their first call. Each page runs content.js once in a new
 * world; compiling its functions lazily, as they are first called, cost more than compiling them up front
 * (the cold content script on 30 corpus pages: medians 24.3 and 23.5 ms without, 22.3 and 18.9 ms with, in
 * alternating runs; docs/PERFORMANCE.md). Added after minifying, which drops comments. To other engines, a
 * comment. Also on the on-demand module (scripts/content-ui.ts), which reads a page too big to send: on the
 * 100,000-link page of tests/e2e/hostile.spec.ts its digest took 55 ms with it, 75 ms without (one run each). Checked on the
 * built files by tests/e2e/support/content-size.ts.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
/** Vite plugin (content-script builds, wxt.config.ts): the hint on the first line of each entry chunk. */
export const compileHint = {
  name: 'provenance:compile-hint',
  generateBundle(_options: unknown, bundle: Record<string, { type: string; isEntry?: boolean; code?: string }>) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
  },
};
