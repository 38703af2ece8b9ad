/**
 * The size limit of the built content script (issue 18): content.js runs on every page a person opens, and
 * its size is what each page parses. Checked on the build the end-to-end tests load, in both browsers
 * (tests/e2e/global-setup.ts, scripts/firefox-e2e.ts): a build over the limit fails the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_UI_FILE } from '../../../components/content-ui-names';
import { COMPILE_HINT } from '../../../scripts/compile-hint';

/** 25 KB, minified. */
export const CONTENT_SCRIPT_LIMIT = 25 * 1024;

/** The size line for the build in `dir`; throws when content.js is missing, over CONTENT_SCRIPT_LIMIT, or it or content-ui.js lacks its compile hint. */
export function checkContentScriptSize(dir: string): string {
  const file = path.join(dir, 'content-scripts/content.js');
  if (!fs.existsSync(file)) throw new Error(`No content script at ${file}.`);
  const bytes = fs.statSync(file).size;
  // content.js, and its on-demand half, which reads a page too big to send (scripts/content-ui.ts).
  for (const built of [file, path.join(dir, CONTENT_UI_FILE)]) {
    if (!fs.readFileSync(built, 'utf8').startsWith(`${COMPILE_HINT}\n`))
      throw new Error(`${built} does not open with V8's compile hint (${COMPILE_HINT}): the build lost it (scripts/compile-hint.ts).`);
  }
  const line = `content.js: ${bytes.toLocaleString('en')} bytes minified (limit ${CONTENT_SCRIPT_LIMIT.toLocaleString('en')})`;
  if (bytes > CONTENT_SCRIPT_LIMIT) {
    throw new Error(
      `${line}: over the limit. It runs on every page; keep what only some pages need in its on-demand half (components/content-ui.ts).`,
    );
  }
  return line;
}
