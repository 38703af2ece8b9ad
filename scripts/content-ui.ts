/**
 * The content script's on-demand half (components/content-ui.ts: the badge, its stylesheet, the evidence
 * highlight, the article's text), bundled as one ES module. content.js runs on every page and imports it
 * only when a page needs it (a copy to show, a request from the popup or the background): most pages never
 * load, parse or compile it. wxt.config.ts writes it into each build (CONTENT_UI_FILE, web-accessible only
 * through Chrome's per-session dynamic URL; see docs/PERFORMANCE.md); tests/unit/cost-bundle.test.ts reads
 * its module graph.
 *
 * Built by esbuild here rather than by WXT, which builds content scripts as single IIFE files: the same
 * aliases as WXT's content-script build (wxt.config.ts: the browser's own `browser`, no polyfill), the
 * stylesheet minified and inlined as a string.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform, type Metafile, type Plugin } from 'esbuild';
import { COMPILE_HINT } from './compile-hint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export { CONTENT_UI_FILE } from '../components/content-ui-names';
export const CONTENT_UI_ENTRY = path.join(root, 'components/content-ui.ts');

/** `@/…` from the repository's root, `wxt/browser` as the browser's own object, `*.css?inline` as minified text. */
const contentScriptResolution: Plugin = {
  name: 'content-script-resolution',
  setup(bundle) {
    bundle.onResolve({ filter: /^wxt\/browser$/ }, () => ({ path: path.join(root, 'lib/native-browser.ts') }));
    bundle.onResolve({ filter: /^@\// }, (args) => bundle.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }));
    bundle.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    bundle.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
      const css = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: css.code.trim(), loader: 'text' };
    });
  },
};

export async function buildContentUi(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [CONTENT_UI_ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    // The browsers the extension supports (Chromium's and Firefox ESR's current versions).
    target: ['chrome120', 'firefox128'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [contentScriptResolution],
  });
  return { code: `${COMPILE_HINT}\n${result.outputFiles[0]!.text}`, metafile: result.metafile };
}
