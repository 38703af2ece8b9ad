/**
 * A page cannot steer the extension (issue 16). Everything the page does here
 * is done by the page's own script: `page.evaluate` runs in the page's main
 * world, exactly where a site's scripts run. What the extension did in answer
 * is read where the page cannot look: the messages its service worker
 * received (a listener the test adds there), the fixture web's request log,
 * and the badge's closed shadow root through the DevTools protocol
 * (support/shadow.ts).
 *
 * - The badge is the extension's: the page can neither reach into it, read
 *   it, change it, nor press its buttons (made-up events are ignored).
 * - WXT's start-up message is not sent, and a page forging it stops nothing.
 * - 10,000 history.pushState calls give one scan.
 * (DOM clobbering of `browser` is a shared scenario, run in Chromium and Firefox: tests/scenarios/scenarios.ts.)
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { inServiceWorker } from './support/browser';
import { RUNNING_EXAMPLE } from './support/pages';
import { badgeBox, badgePart, clickBadgePart, inShadow, waitForBadgePart } from './support/shadow';

/** The service worker's chrome.* as these tests use it. */
declare const chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } } };

interface Seen {
  type: string;
  url: string | null;
}

/**
 * Adds a listener to the extension's service worker that writes down every message it receives (type and
 * page URL); returns a function reading them. It answers nothing, so the extension's own listener still does.
 */
async function watchMessages(context: BrowserContext, extensionId: string): Promise<() => Promise<Seen[]>> {
  await inServiceWorker(
    context,
    extensionId,
    () => {
      const g = globalThis as unknown as { __seenByTest?: Seen[] };
      if (g.__seenByTest) return;
      const seen: Seen[] = (g.__seenByTest = []);
      chrome.runtime.onMessage.addListener((message) => {
        const m = (message ?? {}) as { type?: unknown; digest?: { url?: unknown }; pageUrl?: unknown; url?: unknown };
        // A page's scan comes as its HTML ('page-html'), or as its digest from a page too big to send: both are a scan.
        const scan = m.type === 'page-html' || m.type === 'page-scanned';
        const url =
          typeof m.digest?.url === 'string'
            ? m.digest.url
            : typeof m.pageUrl === 'string'
              ? m.pageUrl
              : scan && typeof m.url === 'string'
                ? m.url
                : null;
        seen.push({ type: scan ? 'page-scanned' : String(m.type), url });
        return undefined;
      });
    },
    undefined,
  );
  return () => inServiceWorker(context, extensionId, () => (globalThis as unknown as { __seenByTest?: Seen[] }).__seenByTest ?? [], undefined);
}

/** Words only the badge shows (its card's buttons and hint, its verdict). */
const BADGE_WORDS = ['Copy of a Washington Post story', 'Never on this site', 'Hide on this page', 'The Provenance button in the toolbar'];

/**
 * Everything a page's script can try on the badge and its text: the shadow root, properties and globals, the
 * page's text, selection and ranges (`read`), window.find (`found`: it searches closed shadow roots too);
 * then made-up clicks and keys at the buttons' places, and through the shadow root if it got one. Returns
 * what it could see.
 */
function pageAttack(page: Page, boxes: Record<string, { x: number; y: number; width: number; height: number } | null>, words: string[]) {
  return page.evaluate(
    async ({ boxes, words }) => {
      const host = document.querySelector('provenance-badge') as HTMLElement;
      const root = host.shadowRoot;
      // References the extension might have left: on the host, on the window, by id.
      const reachable = Object.getOwnPropertyNames(window).filter((key) => {
        try {
          const value = (window as unknown as Record<string, unknown>)[key];
          return value instanceof ShadowRoot || (value instanceof Node && value.getRootNode() !== document && value.getRootNode() !== value);
        } catch {
          return false;
        }
      });
      const openRoots = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).map((el) => el.tagName.toLowerCase());
      // Its text: as the page's text, as a selection, by window.find, through the root.
      const texts = [host.textContent ?? '', host.innerText, document.body.innerText, document.body.textContent ?? '', root?.textContent ?? ''].join(
        '\n',
      );
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      document.execCommand('selectAll');
      const selectedAll = getSelection()!.toString();
      getSelection()!.removeAllRanges();
      const range = document.createRange();
      range.selectNodeContents(document.body);
      const ranged = range.toString();
      const read = words.filter((word) => [texts, selected, selectedAll, ranged].some((text) => text.includes(word)));
      const found = words.filter((word) => {
        const hit = (window as unknown as { find(text: string): boolean }).find(word);
        getSelection()!.removeAllRanges();
        return hit;
      });
      // Rewriting the verdict.
      const pillText = root?.querySelector('[data-testid="provenance-badge"] span:last-child');
      if (pillText) pillText.textContent = 'Original article';
      host.append('Original article');
      // Pressing the buttons: at their places on screen, on the host, by keys, and through the root.
      const targets: string[] = [];
      for (const name of ['verify', 'dismiss', 'silence', 'pill'] as const) {
        const box = boxes[name];
        if (!box) continue;
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        const target = document.elementFromPoint(x, y) as HTMLElement | null;
        targets.push(target?.tagName.toLowerCase() ?? 'nothing');
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          target?.dispatchEvent(
            new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, {
              bubbles: true,
              composed: true,
              cancelable: true,
              clientX: x,
              clientY: y,
            }),
          );
        }
        target?.click();
      }
      host.focus();
      for (const key of ['Enter', ' ', 'Escape']) {
        for (const type of ['keydown', 'keypress', 'keyup'])
          host.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }));
      }
      for (const testid of ['provenance-badge-verify', 'provenance-badge-silence'])
        root?.querySelector<HTMLElement>(`[data-testid="${testid}"]`)?.click();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return {
        shadowRoot: root !== null,
        openRoots,
        hostProperties: Object.getOwnPropertyNames(host),
        reachable,
        byId: document.getElementById('provenance-card') !== null,
        read,
        found,
        targets,
      };
    },
    { boxes, words },
  );
}

test("the page's own script can neither reach, read, change nor press the badge", async ({ context, extensionId, page, fixtureWeb }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  const verdict = await waitForBadgePart(page, 'provenance-badge');
  expect(verdict).toContain('Copy of a Washington Post story');
  const seen = await watchMessages(context, extensionId);
  // The reader opens the card (a real click): its buttons are on screen for the page to aim at.
  await clickBadgePart(page, 'provenance-badge');
  await waitForBadgePart(page, 'provenance-badge-card');
  const boxes = {
    verify: await badgeBox(page, 'provenance-badge-verify'),
    dismiss: await badgeBox(page, 'provenance-badge-dismiss'),
    silence: await badgeBox(page, 'provenance-badge-silence'),
    pill: await badgeBox(page, 'provenance-badge'),
  };
  expect(boxes.verify && boxes.silence, 'the card shows Verify and "Never on this site"').toBeTruthy();
  fixtureWeb.clearRequests();

  const attack = await pageAttack(page, boxes, BADGE_WORDS);
  expect(attack.shadowRoot, 'host.shadowRoot').toBe(false);
  expect(attack.openRoots).toEqual([]);
  expect(attack.hostProperties, 'own properties on the host').toEqual([]);
  expect(attack.reachable, 'globals leading into the badge').toEqual([]);
  expect(attack.byId).toBe(false);
  expect(attack.read, "the badge's words the page could read").toEqual([]);
  // (window.find() searches closed shadow roots too: it can tell the badge's fixed words and verdict, which
  // say nothing the page does not know: they come from its own text, and the badge's element is in its DOM
  // anyway. A check's outcome is another matter: the next test.)
  // The page's made-up events landed on the host, and did nothing there.
  expect(attack.targets).toEqual(['provenance-badge', 'provenance-badge', 'provenance-badge', 'provenance-badge']);
  const messages = await seen();
  expect(
    messages.filter((m) => m.type === 'card-verify' || m.type === 'verify' || m.type === 'silence-site'),
    'messages the page made the badge send',
  ).toEqual([]);
  expect(
    fixtureWeb.requests.filter((r) => /usa-news\.biz|washingtonpost\.com/.test(r.host)).map((r) => r.url),
    'fetches of the original the page started',
  ).toEqual([]);
  // Unchanged and still open (the made-up Escape did not close it).
  expect((await badgePart(page, 'provenance-badge'))?.text).toBe(verdict);
  expect((await badgePart(page, 'provenance-badge-card'))?.visible).toBe(true);

  // Not silenced: the badge is back after a reload.
  await page.reload();
  expect(await waitForBadgePart(page, 'provenance-badge')).toBe(verdict);
});

test("made-up clicks on the badge's own buttons do nothing, a person's click does, and the outcome stays unreadable to the page", async ({
  context,
  extensionId,
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await waitForBadgePart(page, 'provenance-badge');
  const seen = await watchMessages(context, extensionId);
  await clickBadgePart(page, 'provenance-badge');
  await waitForBadgePart(page, 'provenance-badge-card');

  // A script holding the buttons themselves (the test hands them over through the DevTools protocol, which
  // a page cannot do): made-up clicks and keys, as a page would make them if it ever got hold of them.
  await inShadow(page, 'provenance-badge', (root) => {
    for (const testid of ['provenance-badge-verify', 'provenance-badge-silence', 'provenance-badge-dismiss']) {
      const button = root!.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    root!.querySelector('[data-testid="provenance-badge"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    root!.querySelector('.root')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await page.waitForTimeout(1_000);
  expect(
    (await seen()).filter((m) => m.type !== 'page-scanned'),
    'messages sent for made-up events',
  ).toEqual([]);
  expect((await badgePart(page, 'provenance-badge-card'))?.visible, 'the card stays open').toBe(true);
  expect((await badgePart(page, 'provenance-badge-status'))?.text).toBe('');

  // The reader's own click on Verify: the background is asked, and the card says what it found.
  await clickBadgePart(page, 'provenance-badge-verify');
  // The card's check names no page: the background checks the sending tab's own (lib/card-service.ts).
  await expect.poll(async () => (await seen()).filter((m) => m.type === 'card-verify').length).toBe(1);
  await expect
    .poll(async () => (await badgePart(page, 'provenance-badge-status'))?.text ?? '', { timeout: 60_000 })
    .toMatch(/^(Checked|Could not check)/);
  const outcome = (await badgePart(page, 'provenance-badge-status'))!.text;

  // The page tries to read that outcome, window.find() included: nothing (it is drawn as generated content).
  const words = [outcome, outcome.slice(0, 12), 'Checked', 'Could not check'];
  const attack = await pageAttack(page, { verify: null, dismiss: null, silence: null, pill: null }, words);
  expect(attack.read, `the outcome "${outcome}" as the page could read it`).toEqual([]);
  expect(attack.found, `the outcome "${outcome}" as window.find() could find it`).toEqual([]);
  expect((await seen()).filter((m) => m.type !== 'page-scanned')).toHaveLength(1);
});

/** A news app that swaps stories with history.pushState, as React/Next sites do, writing down every message event it gets. */
function spaApp(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Spa News</title>
<script>
  window.__startup = [];
  addEventListener('message', (event) => { if (JSON.stringify(event.data ?? null).includes('content-script-started')) window.__startup.push(event.data); });
</script></head><body>
<div id="root"><article><h1>Local library extends opening hours</h1><p>${'The library will stay open later on weekdays from next month, the council said. '.repeat(10)}</p></article></div>
<button id="next">Next story</button>
<script>
  document.getElementById('next').onclick = () => {
    history.pushState({}, '', '/story/syndicated/');
    document.getElementById('root').innerHTML = '<article><h1 class="entry-title">Talks without allies</h1><p>Source link : <a href="${RUNNING_EXAMPLE.sourceLink}">${RUNNING_EXAMPLE.sourceLink}</a></p><p>' +
      'Officials met for the first time. '.repeat(20) + '</p><p>The post U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post first appeared on USA NEWS.</p>' +
      '<p>Copyright for syndicated content belongs to the linked Source.</p></article>';
  };
</script></body></html>`;
}

const SPA = 'https://www.spa-news.com/story/local/';

test("WXT's start-up message is not posted, and a page forging it does not stop the re-scans", async ({ context, extensionId, page, fixtureWeb }) => {
  fixtureWeb.route({
    host: 'www.spa-news.com',
    path: /^\/story\//,
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: spaApp() },
  });
  const seen = await watchMessages(context, extensionId);
  await page.goto(SPA);
  await expect.poll(async () => (await seen()).filter((m) => m.type === 'page-scanned').map((m) => m.url)).toEqual([SPA]);
  expect(await page.evaluate(() => (window as unknown as { __startup: unknown[] }).__startup), 'start-up messages the page received').toEqual([]);

  // The page sends WXT's start-up message itself, both ways WXT knows (the extension's id is public).
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'the-page' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.postMessage({ type, ...detail }, '*');
  }, extensionId);
  await page.waitForTimeout(300);
  await page.locator('#next').click();
  expect(await waitForBadgePart(page, 'provenance-badge')).toContain('Copy of a Washington Post story');
  expect((await seen()).filter((m) => m.type === 'page-scanned').map((m) => m.url)).toEqual([SPA, 'https://www.spa-news.com/story/syndicated/']);
});

test('10,000 history.pushState calls give one scan, of the URL they settle on', async ({ launchExtension, userDataDir, fixtureWeb }) => {
  // Chromium as people run it: Playwright switches off the browser's own brake on history floods
  // (--disable-ipc-flooding-protection), without which 10,000 same-page navigations take the browser a minute.
  const { context, extensionId } = await launchExtension({ userDataDir, ignoreDefaultArgs: ['--disable-ipc-flooding-protection'] });
  fixtureWeb.route({
    host: 'www.spa-news.com',
    path: /^\/story\//,
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: spaApp() },
  });
  const seen = await watchMessages(context, extensionId);
  const page = await context.newPage();
  await page.goto(SPA);
  await expect.poll(async () => (await seen()).filter((m) => m.type === 'page-scanned').length).toBe(1);
  await page.waitForTimeout(1_000); // the first scan's answer back, the badge settled

  // 10,000 states over about 3 seconds, 100 at a time. Browsers let a page change its URL some 200 times in
  // 10 seconds and ignore (Chromium) or refuse (Firefox) the rest: that is where the URL settles.
  const flood = await page.evaluate(async () => {
    let refused = 0;
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        try {
          history.pushState({}, '', `/story/flood/${i * 100 + j}`);
        } catch {
          refused++;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { refused, settledOn: location.href };
  });
  expect(flood.settledOn).toMatch(/\/story\/flood\/\d+$/);
  await page.waitForTimeout(3_000);
  const scans = (await seen()).filter((m) => m.type === 'page-scanned').map((m) => m.url);
  console.log(
    `10,000 pushState calls (${flood.refused} refused by the browser, settled on ${flood.settledOn}): ${scans.length - 1} scan(s) after the first`,
  );
  expect(scans.slice(1), 'scans after the flood').toEqual([flood.settledOn]);
});
