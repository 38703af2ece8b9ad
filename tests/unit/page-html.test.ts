/**
 * A page sent as HTML ('page-html', issue 18): the content script serialises its DOM and the background reads
 * it with the digest, off the page's thread. The record is the one the digest made in place gives, the
 * message is held to its limits, and the page's own time is what the scan keeps as pageMs.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { DOMParser as LinkedomParser, parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { digestPage } from '@/core/digest';
import { PAGE_HTML_CHARS } from '@/core/digest-limits';
import { pageKey } from '@/core/url';
import { database } from '@/lib/db';
import { parseRequest } from '@/lib/messages';
import { parseHtml } from '@/lib/parse-html';
import { digestHtml } from '@/lib/parse-page';
import { onPageHtml, onPageScanned } from '@/lib/service';
import { getTabScan } from '@/lib/tab-state';
import { getMessage } from './locale-messages';

const HTML = readFileSync(new URL('../fixtures/engine/running-example.html', import.meta.url), 'utf8');
const URL_OF_PAGE = 'https://newsharbordaily.com/2025/02/22/us-russia-talks/';

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
const sender = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });
const { ms: _digestMs, ...withoutTime } = digestPage(parseHTML(HTML).document, URL_OF_PAGE);

describe('a page sent as HTML', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
    await database().history.clear();
    // Firefox's background page has DOMParser; Chrome's service worker sends the HTML to its offscreen document.
    vi.stubGlobal('DOMParser', LinkedomParser);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is read into the digest the page itself would make', async () => {
    const { ms, ...digest } = await digestHtml(HTML, URL_OF_PAGE);
    expect(digest).toEqual(withoutTime);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('gives the record of the digest made in place, and keeps the page its own time', async () => {
    const fromHtml = await onPageHtml(HTML, URL_OF_PAGE, 2.5, sender(3, URL_OF_PAGE));
    expect(fromHtml.stored).toBe(true);
    expect(fromHtml.record.syndicated).toBe(true);
    expect(fromHtml.record.chain[0]?.url).toMatch(/usa-news\.biz/);
    expect((await getTabScan(3))?.pageMs).toBe(2.5);
    const inPlace = await onPageScanned(digestPage(parseHTML(HTML).document, URL_OF_PAGE), sender(4, URL_OF_PAGE));
    expect({ ...fromHtml.record, engineMs: 0 }).toEqual({ ...inPlace.record, engineMs: 0 });
    expect((await getTabScan(4))?.key).toBe(pageKey(URL_OF_PAGE));
  });

  it("drops the names and ids by which a page's elements would stand for its document's own properties", () => {
    // (Named elements override a document's built-ins: in Firefox also in a parsed document. The scenario
    // "DOM clobbering" runs a page of these in both browsers.)
    const doc = parseHtml(
      '<html><body><img name="documentElement" id="title" alt=""><img name="photo" id="lead" alt=""><form name="body"></form><iframe name="getElementsByTagName"></iframe><a name="body" href="#">a</a></body></html>',
    );
    const attributes = (selector: string) => {
      const el = doc.querySelector(selector)!;
      return [el.getAttribute('name'), el.getAttribute('id')];
    };
    expect(attributes('img[alt]')).toEqual([null, null]);
    expect(attributes('img#lead')).toEqual(['photo', 'lead']);
    expect(attributes('form')).toEqual([null, null]);
    expect(attributes('iframe')).toEqual([null, null]);
    // An <a name> never stands for a document's property: left as it is.
    expect(attributes('a')).toEqual(['body', null]);
    expect(doc.documentElement.tagName).toBe('HTML');
  });

  it('says why when there is nothing to read it with', async () => {
    vi.stubGlobal('DOMParser', undefined);
    await expect(digestHtml(HTML, URL_OF_PAGE)).rejects.toThrow(/neither DOMParser in the background nor offscreen documents/);
  });

  it('is held to its limits where it arrives', () => {
    expect(parseRequest({ type: 'page-html', url: URL_OF_PAGE, html: HTML, ms: 1.25 })).toEqual({
      type: 'page-html',
      url: URL_OF_PAGE,
      html: HTML,
      ms: 1.25,
    });
    const refused = [
      { type: 'page-html', url: URL_OF_PAGE, html: 'x'.repeat(PAGE_HTML_CHARS + 1), ms: 1 },
      { type: 'page-html', url: URL_OF_PAGE, html: 42, ms: 1 },
      { type: 'page-html', url: 'x'.repeat(20_000), html: HTML, ms: 1 },
      { type: 'page-html', url: URL_OF_PAGE, html: HTML, ms: -1 },
      { type: 'page-html', url: URL_OF_PAGE, html: HTML, ms: Number.NaN },
      { type: 'page-html', url: URL_OF_PAGE, html: HTML },
    ];
    for (const message of refused) expect(parseRequest(message)).toBeNull();
  });
});
