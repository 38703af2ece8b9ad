/**
 * The Firefox driver's fallback for reading the extension's errors where
 * Firefox offers no chrome scope over BiDi (ESR 140): the "JavaScript error:"
 * lines every Firefox process prints, as ESR 140 printed them for an add-on
 * whose background page threw.
 */
import { describe, expect, it } from 'vitest';
import { extensionErrorsFromOutput } from '../firefox/support/firefox';

const host = 'moz-extension://652e962d-0505-4f44-a0e8-09107f155f28/';

describe('extension errors from Firefox output', () => {
  it("keeps the extension's errors and warnings, with file and line, and nothing else", () => {
    const lines = [
      'JavaScript error: chrome://remote/content/webdriver-bidi/modules/root/browsingContext.sys.mjs, line 2098: TypeError: can\'t access property "id", context is null',
      `JavaScript error: ${host}background.js, line 1: Error: bg-reject`,
      `JavaScript warning: ${host}content-scripts/content.js, line 7: unreachable code after return statement`,
      'JavaScript error: moz-extension://11111111-2222-3333-4444-555555555555/bg.js, line 3: Error: another add-on',
      'console.info: "Enabled UA override for example.com"',
    ];
    expect(extensionErrorsFromOutput(lines, host)).toEqual([
      { source: `${host}background.js`, line: 1, message: 'Error: bg-reject', warning: false },
      { source: `${host}content-scripts/content.js`, line: 7, message: 'unreachable code after return statement', warning: true },
    ]);
  });
});
