import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { failure } from '@/core/fetch-failures';
import type { FetchFailureCode } from '@/core/verify';
import { failureText } from '@/lib/i18n';
import { getMessage } from './locale-messages';

const CODES: Record<FetchFailureCode, number | undefined> = {
  'not-found': 404,
  gone: 410,
  forbidden: 403,
  'login-wall': undefined,
  'empty-page': undefined,
  'server-error': 503,
  'http-error': 418,
  timeout: undefined,
  'not-html': undefined,
  'too-large': undefined,
  tls: undefined,
  'redirect-loop': undefined,
  'too-many-redirects': undefined,
  network: undefined,
  offline: undefined,
  'permission-refused': undefined,
  'unsafe-url': undefined,
  'private-address': undefined,
};

describe("verification failures in the reader's language", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  });

  it.each(Object.entries(CODES))('%s: messages.json says what the engine says (limits included)', (code, status) => {
    const url = 'https://www.example.com/story/';
    const engine = failure(code as FetchFailureCode, url, status);
    expect(failureText({ ...engine, url })).toBe(engine.message);
  });

  it("keeps the engine's sentence when a status sentence has no status", () => {
    const notModified = { code: 'http-error', message: 'the site answered "not modified" to a page never fetched', url: 'https://a.example/' };
    expect(failureText(notModified)).toBe(notModified.message);
  });

  it("falls back to the engine's sentence for a code messages.json does not know", () => {
    expect(failureText({ code: 'something-new', message: 'the engine says why', url: 'https://a.example/' })).toBe('the engine says why');
  });
});
