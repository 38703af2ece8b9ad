/**
 * Reaching into a closed shadow root from a test, in Chromium. The badge's
 * shadow root is closed (components/badge.ts): the page's own script cannot
 * reach it, and neither can Playwright's locators (they pierce open roots
 * only). The DevTools protocol can, as DevTools itself does: DOM.describeNode
 * with `pierce` lists an element's shadow roots, open or closed, and
 * DOM.resolveNode turns one into a reference that Runtime.callFunctionOn
 * passes to a function run in the page. What the test then does is its own
 * (reading, measuring); clicks and keys go through Playwright's real mouse
 * and keyboard, so the badge gets the trusted events a person makes.
 */
import type { CDPSession, Page } from '@playwright/test';

/** Runs `fn(root, arg)` in the page, `root` being the shadow root of the first element matching `host` (null when there is none). */
export async function inShadow<R, A = undefined>(
  page: Page,
  host: string,
  fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // tsx (esbuild keepNames) may wrap inner functions in __name(…), which the page lacks.
    const declaration = `async function (root, arg) { const __name = (f) => f; return await (${fn.toString()})(root, arg); }`;
    const rootId = await shadowRootId(cdp, host);
    const answer = rootId
      ? await cdp.send('Runtime.callFunctionOn', {
          objectId: rootId,
          functionDeclaration: declaration,
          arguments: [{ objectId: rootId }, { value: arg ?? null }],
          awaitPromise: true,
          returnByValue: true,
        })
      : await cdp.send('Runtime.evaluate', {
          expression: `(${declaration})(null, ${JSON.stringify(arg ?? null)})`,
          awaitPromise: true,
          returnByValue: true,
        });
    if (answer.exceptionDetails)
      throw new Error(`In ${host}'s shadow root: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as R;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function shadowRootId(cdp: CDPSession, host: string): Promise<string | null> {
  const found = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(host)})` });
  if (!found.result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: found.result.objectId, depth: 1, pierce: true });
  const root = node.shadowRoots?.[0];
  if (!root) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  return object.objectId ?? null;
}

/**
 * Where to click `inner` (a selector inside `host`'s shadow root): the centre of its box once it is visible
 * and nothing covers that point, scrolled into view if needed; null while it is not so.
 */
export function clickPoint(page: Page, host: string, inner: string): Promise<{ x: number; y: number } | null> {
  return inShadow(
    page,
    host,
    (root, selector) => {
      const el = root?.querySelector<HTMLElement>(selector);
      if (!el || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return null;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = root!.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
    },
    inner,
  );
}

/** A real mouse click (a trusted event) on `inner` inside `host`'s shadow root, once it is visible. */
export async function clickInShadow(page: Page, host: string, inner: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const point = await clickPoint(page, host, inner);
    if (point) return page.mouse.click(point.x, point.y);
    if (Date.now() > deadline) throw new Error(`Clicking ${inner} in ${host}'s shadow root: not visible (or covered) after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

export const BADGE = 'provenance-badge';
const byTestId = (testid: string) => `[data-testid="${testid}"]`;

/**
 * The badge's parts as the tests read them: whether each is visible, and its text as shown, generated content
 * included (a check's outcome is drawn by CSS, components/badge.css).
 */
export function badgePart(page: Page, testid: string): Promise<{ visible: boolean; text: string } | null> {
  return inShadow(
    page,
    BADGE,
    (root, selector) => {
      const el = root?.querySelector<HTMLElement>(selector);
      if (!el) return null;
      const box = el.getBoundingClientRect();
      const before = getComputedStyle(el, '::before').content;
      const generated = /^".*"$/s.test(before) ? before.slice(1, -1).replace(/\\(.)/g, '$1') : '';
      return {
        visible: box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions),
        text: `${generated}${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
      };
    },
    byTestId(testid),
  );
}

/** Waits until the badge's part `testid` is visible; returns its text. */
export async function waitForBadgePart(page: Page, testid: string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const part = await badgePart(page, testid);
    if (part?.visible) return part.text;
    if (Date.now() > deadline)
      throw new Error(`The badge's ${testid} was not visible within ${timeout} ms (${part ? 'there but hidden' : 'not there'}) on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** A real mouse click on the badge's part `testid`. */
export const clickBadgePart = (page: Page, testid: string) => clickInShadow(page, BADGE, byTestId(testid));

/**
 * Lets axe-core (which runs in the page and reads `element.shadowRoot`) into the badge's closed root for one
 * analysis: the test lends the host a `shadowRoot` getter holding the root it got through the DevTools
 * protocol, runs `analyse`, and takes the getter back. axe then checks the badge's real tree, in place.
 */
export async function withBadgeRootLent<T>(page: Page, analyse: () => Promise<T>): Promise<T> {
  const lent = await inShadow(page, BADGE, (root) => {
    if (!root) return false;
    Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
    return true;
  });
  if (!lent) throw new Error(`No badge with a shadow root on ${page.url()}`);
  try {
    return await analyse();
  } finally {
    await page.evaluate((tag) => void delete (document.querySelector(tag) as unknown as { shadowRoot?: unknown } | null)?.shadowRoot, BADGE);
  }
}

/** The box of the badge's part `testid` in the viewport (as Playwright's boundingBox gives it); null when absent or hidden. */
export function badgeBox(page: Page, testid: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return inShadow(
    page,
    BADGE,
    (root, selector) => {
      const box = root?.querySelector(selector)?.getBoundingClientRect();
      return box && box.width > 0 && box.height > 0 ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
    },
    byTestId(testid),
  );
}
