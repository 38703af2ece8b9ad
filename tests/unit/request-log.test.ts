import { describe, expect, it } from 'vitest';
import { RequestLog, type RequestEvent } from '@/lib/request-log';

const BASE = 'chrome-extension://ourextensionid/';
const URL_A = 'https://news.example/story/';

let ids = 0;
let clock = 1_000_000;
const now = () => clock;

/** A request's first event as the browser reports it; ours unless told otherwise. */
function request(url: string, extra: Partial<RequestEvent> = {}): RequestEvent {
  return { requestId: String(++ids), url, tabId: -1, timeStamp: clock, method: 'GET', initiator: BASE.slice(0, -1), ...extra };
}
const redirect = (event: RequestEvent, to: string): RequestEvent => ({
  ...event,
  statusCode: 302,
  responseHeaders: [{ name: 'Location', value: to }],
});

describe("our own requests among the browser's webRequest events", () => {
  it('learns where our request redirects to', async () => {
    const log = new RequestLog(BASE, now);
    const watch = await log.watch(URL_A);
    const ours = request(URL_A);
    log.onBeforeRequest(ours);
    log.onHeadersReceived(redirect(ours, '/elsewhere/'));
    expect(await watch.redirectTarget(50)).toBe('https://news.example/elsewhere/');
  });

  it("a site's service worker fetching the same URL at the same moment is not taken for ours", async () => {
    const log = new RequestLog(BASE, now);
    const watch = await log.watch(URL_A);
    // Chrome: tab -1 too, but its initiator is the site. It redirects into the reader's network.
    const worker = request(URL_A, { initiator: 'https://news.example' });
    log.onBeforeRequest(worker);
    log.onHeadersReceived(redirect(worker, 'http://192.168.1.1/'));
    log.onCompleted(worker);
    const ours = request(URL_A);
    log.onBeforeRequest(ours);
    log.onHeadersReceived(redirect(ours, 'https://news.example/real/'));
    expect(await watch.redirectTarget(50)).toBe('https://news.example/real/');
  });

  it("Firefox's shape: the background page is the origin URL; a site's request is not ours", async () => {
    const log = new RequestLog('moz-extension://4766f23f/', now);
    const watch = await log.watch(URL_A);
    const site = request(URL_A, { initiator: undefined, originUrl: 'https://news.example/sw.js' });
    log.onBeforeRequest(site);
    log.onHeadersReceived(redirect(site, 'http://localhost/'));
    const ours = request(URL_A, { initiator: undefined, originUrl: 'moz-extension://4766f23f/_generated_background_page.html' });
    log.onBeforeRequest(ours);
    log.onHeadersReceived(redirect(ours, 'https://news.example/real/'));
    expect(await watch.redirectTarget(50)).toBe('https://news.example/real/');
  });

  it("a tab's request and another extension's are not ours", async () => {
    const log = new RequestLog(BASE, now);
    const watch = await log.watch(URL_A);
    for (const other of [
      request(URL_A, { tabId: 7 }),
      request(URL_A, { initiator: 'chrome-extension://someoneelse' }),
      request(URL_A, { initiator: 'chrome-extension://ourextensionid.evil' }),
    ]) {
      log.onBeforeRequest(other);
      log.onHeadersReceived(redirect(other, 'http://127.0.0.1/'));
    }
    expect(await watch.redirectTarget(20)).toBeNull();
  });

  it("two fetches of one URL take turns, so neither can take the other's request", async () => {
    const log = new RequestLog(BASE, now);
    const first = await log.watch(URL_A);
    let secondStarted = false;
    const second = log.watch(URL_A).then((watch) => {
      secondStarted = true;
      return watch;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The second waits while the first runs: both requests would look the same in the events.
    expect(secondStarted).toBe(false);
    const one = request(URL_A);
    log.onBeforeRequest(one);
    log.onHeadersReceived(redirect(one, '/dest/1'));
    expect(await first.redirectTarget(50)).toBe('https://news.example/dest/1');
    first.release();
    log.onErrorOccurred({ ...one, error: 'net::ERR_ABORTED' }); // the request's last event
    const next = await second;
    const two = request(URL_A);
    log.onBeforeRequest(two);
    log.onHeadersReceived(redirect(two, '/dest/2'));
    expect(await next.redirectTarget(50)).toBe('https://news.example/dest/2');
  });

  it('an event of a request that started before the fetch asked is not ours', async () => {
    const log = new RequestLog(BASE, now);
    const earlier = request(URL_A, { timeStamp: clock - 500 });
    clock += 1000;
    const watch = await log.watch(URL_A);
    log.onBeforeRequest(earlier);
    log.onHeadersReceived(redirect(earlier, '/stale/'));
    const ours = request(URL_A);
    log.onBeforeRequest(ours);
    log.onHeadersReceived(redirect(ours, '/fresh/'));
    expect(await watch.redirectTarget(50)).toBe('https://news.example/fresh/');
  });

  it("gives the browser's reason for a failure, and waits for it", async () => {
    const log = new RequestLog(BASE, now);
    const watch = await log.watch(URL_A);
    const ours = request(URL_A);
    setTimeout(() => {
      log.onBeforeRequest(ours);
      log.onErrorOccurred({ ...ours, error: 'net::ERR_CERT_AUTHORITY_INVALID' });
    }, 10);
    expect(await watch.failureReason(500)).toBe('net::ERR_CERT_AUTHORITY_INVALID');
  });

  it("prefers the browser's own reading of the redirect (onBeforeRedirect), and matches URLs without their fragment", async () => {
    const log = new RequestLog(BASE, now);
    const watch = await log.watch(`${URL_A}#section`);
    const ours = request(URL_A);
    log.onBeforeRequest(ours);
    log.onHeadersReceived(redirect(ours, '/a'));
    log.onBeforeRedirect({ ...ours, redirectUrl: 'https://news.example/a' });
    expect(await watch.redirectTarget(50)).toBe('https://news.example/a');
  });
});
