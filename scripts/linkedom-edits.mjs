/**
 * The esbuild plugin that edits linkedom as the CLI's bundle takes it in (scripts/build-cli.mjs); the crawl
 * benchmark bundles its Readability pipeline with it too, so that both sides of the comparison parse with the
 * same linkedom (scripts/bench-crawl.ts).
 */
import { readFile } from 'node:fs/promises';

/**
 * Edits to linkedom in the bundle, for the parse's and the queries' time and the garbage collector's, none
 * changing what the engine reads:
 * - event-target.js: linkedom gives every node it builds (each element, attribute and text) its own listener
 *   Map, kept in a WeakMap, when it is made: about a tenth of a page's parse time, for listeners the engine
 *   never adds. The Map is made on the first addEventListener instead.
 * - parse-from-string.js: each parsed class attribute went through the className setter, which builds the
 *   element's DOMTokenList, splits, de-duplicates and joins the value back into the attribute (some 6 % of a
 *   crawl's time). The token list is built from the attribute when first read, as it is for elements made
 *   after the parse (getAttribute('class') answers from it, as before); the attribute node keeps the page's
 *   own value, which css-select's class tests read, as a browser's do.
 * - matches.js: every querySelector, matches and closest compiled its selector again (css-select's compile),
 *   for the few dozen selectors the engine asks on every page. A selector is compiled once and its matcher
 *   kept (it holds no document); `:scope` selectors, bound to their element, are compiled each time as before.
 * Each edit must apply, and each file must be met, so a linkedom that changed fails the build rather than
 * shipping unpatched.
 */
const LINKEDOM_EDITS = {
  'interface/event-target.js': [
    ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
    [
      '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
      '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
    ],
    [
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
    ],
  ],
  'shared/parse-from-string.js': [["  if (attribute.name === 'class')\n    element.className = value;\n", '']],
  'shared/matches.js': [
    [
      'export const prepareMatch = (element, selectors) => CSSselect.compile(',
      `const compiled = new Map;
const compiledOnce = (element, selectors) => {
  const xmlMode = !ignoreCase(element);
  const key = (xmlMode ? 'x' : 'h') + selectors;
  let match = compiled.get(key);
  if (!match) {
    if (compiled.size >= 2000) compiled.clear();
    compiled.set(key, (match = CSSselect.compile(selectors, {xmlMode, adapter})));
  }
  return match;
};

export const prepareMatch = (element, selectors) => !selectors.includes(':scope') ? compiledOnce(element, selectors) : CSSselect.compile(`,
    ],
    [
      'export const matches = (element, selectors) => CSSselect.is(',
      "export const matches = (element, selectors) => !selectors.includes(':scope') ? compiledOnce(element, selectors)(element) : CSSselect.is(",
    ],
  ],
};

export const linkedomEdits = {
  name: 'linkedom-patches',
  setup(build) {
    // The files to edit, from the table: linkedom/esm/<file>, with either kind of slash.
    const names = Object.keys(LINKEDOM_EDITS).map((name) => name.replaceAll('.', '\\.').replaceAll('/', '[\\\\/]'));
    const filter = new RegExp(`linkedom[\\\\/]esm[\\\\/](?:${names.join('|')})$`);
    const edited = new Set();
    build.onLoad({ filter }, async (args) => {
      const file = Object.keys(LINKEDOM_EDITS).find((name) => args.path.replaceAll('\\', '/').endsWith(`linkedom/esm/${name}`));
      let code = await readFile(args.path, 'utf8');
      for (const [from, to] of LINKEDOM_EDITS[file]) {
        if (!code.includes(from)) throw new Error(`linkedom's ${file} changed: cannot find ${JSON.stringify(from)}`);
        code = code.replace(from, to);
      }
      edited.add(file);
      return { contents: code, loader: 'js' };
    });
    build.onEnd((result) => {
      const missed = Object.keys(LINKEDOM_EDITS).filter((file) => !edited.has(file));
      if (missed.length && !result.errors.length)
        throw new Error(`linkedom changed: the bundle never loaded ${missed.join(', ')}, so its edits did not apply`);
    });
  },
};
