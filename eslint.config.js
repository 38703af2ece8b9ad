// Lint rules that guard the extension's security posture. Page-derived text
// (headlines, authors, JSON-LD values, link text) must only ever reach the
// DOM as text: no HTML sinks anywhere in the product code, so there is no
// place where a hostile page's markup could become ours.
import tseslint from 'typescript-eslint';

const htmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No HTML sinks: set textContent or build nodes (page-derived text must stay text).',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks: use insertAdjacentText or build nodes.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text.' },
  {
    selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
    message: 'No eval or new Function: no code from strings.',
  },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'No HTML parsing into the live DOM.' },
];

export default tseslint.config(
  { ignores: ['.output/**', 'dist/**', '.wxt/**', 'node_modules/**', '.tmp/**', 'demo-output/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['core/**/*.ts', 'lib/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'cli/**/*.ts', 'crawl/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-properties': ['error', { object: 'document', property: 'domain', message: 'Never relax the same-origin policy.' }],
      'no-script-url': 'error',
      'no-implied-eval': 'error',
    },
  },
  // Promises are awaited, returned or marked `void` on purpose, and never handed to what does not wait for them
  // (an event handler, a condition): type-checked, so through the TypeScript project (tsconfig.json).
  {
    files: [
      'core/**/*.ts',
      'lib/**/*.ts',
      'components/**/*.{ts,tsx}',
      'entrypoints/**/*.{ts,tsx}',
      'cli/**/*.ts',
      'crawl/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.{ts,tsx}',
      '*.config.ts',
    ],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The layers (docs/ARCHITECTURE.md): each folder imports only the folders below it.
  ...layers([
    [
      'core/**/*.ts',
      ['lib', 'components', 'entrypoints', 'cli'],
      ['wxt', 'wxt/*', 'webextension-polyfill', 'dexie', 'preact', 'preact/*', 'linkedom', 'node:*'],
      'core/ is the pure engine: no browser, storage, UI or Node APIs.',
    ],
    ['lib/**/*.ts', ['components', 'entrypoints', 'cli'], [], 'lib/ (browser services) is below the UI and the entry points.'],
    ['components/**/*.{ts,tsx}', ['entrypoints', 'cli'], [], 'components/ are shared UI: they never reach into an entry point.'],
    [
      'cli/**/*.ts',
      ['lib', 'components', 'entrypoints'],
      ['wxt', 'wxt/*', 'webextension-polyfill', 'dexie', 'preact', 'preact/*'],
      'cli/ runs the engine under Node: no extension code.',
    ],
    [
      'crawl/**/*.ts',
      ['lib', 'components', 'entrypoints'],
      ['wxt', 'wxt/*', 'webextension-polyfill', 'dexie', 'preact', 'preact/*'],
      'crawl/ runs the engine over web archives under Node, with the CLI: no extension code.',
    ],
  ]),
);

/** One no-restricted-imports block per layer: the folders (by alias or relative path) and packages it may not import. */
function layers(rules) {
  return rules.map(([files, folders, packages, message]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...folders.map((folder) => ({ group: [`@/${folder}/*`, `@/${folder}`, `../${folder}/*`, `../../${folder}/*`], message })),
            ...(packages.length ? [{ group: packages, message }] : []),
          ],
        },
      ],
    },
  }));
}
