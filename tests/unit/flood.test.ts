/**
 * A page that floods the background: history.pushState in a loop gives a scan
 * per URL. The background acts on a few of one tab's scans (lib/scan-limits.ts),
 * keeps the latest, runs at most two verifications at once and keeps the
 * history within its size limit.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Provenance } from '@/core/types';
import type { Verification } from '@/core/verify';
import { database, getEntry, recordDetection } from '@/lib/db';
import { capHistory } from '@/lib/history';
import { SCAN_LIMITS, TabRateLimiter } from '@/lib/scan-limits';
import { MAX_CONCURRENT_VERIFICATIONS, onPageScanned, onTabRemoved, verify } from '@/lib/service';
import { settings } from '@/lib/settings';
import { pruneOldData } from '@/lib/upkeep';
import { getMessage } from './locale-messages';
import { sampleDigest, sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

/** The verifications started (the engine's verifyProvenance, replaced by a slow stand-in that counts). */
const runs = vi.hoisted(() => ({ started: [] as string[], active: 0, maxActive: 0, delayMs: 30 }));

vi.mock('@/core/verify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/core/verify')>();
  return {
    ...actual,
    verifyProvenance: async (record: Provenance): Promise<Verification> => {
      runs.started.push(record.url);
      runs.active++;
      runs.maxActive = Math.max(runs.maxActive, runs.active);
      await new Promise((resolve) => setTimeout(resolve, runs.delayMs));
      runs.active--;
      return {
        pageUrl: record.url,
        checkedAt: Date.now(),
        outcome: 'failed',
        hops: [],
        original: null,
        failure: { code: 'network', message: 'stand-in', url: record.url },
        search: null,
        comparison: null,
      };
    },
  };
});

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
const sender = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  // The page's text comes from its tab; no site may be read (the stand-in fetches nothing anyway).
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue('The talks began in Riyadh.' as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
  Object.assign(runs, { started: [], active: 0, maxActive: 0, delayMs: 30 });
  const db = database();
  await Promise.all([db.history.clear(), db.verifications.clear(), db.originals.clear()]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a page flooding the background with scans', () => {
  it('10,000 scans from one tab: a burst is stored, the latest is kept, verifications stay at two at once', async () => {
    await settings.autoVerify.setValue(true);
    const tabId = 101;
    const digest = sampleDigest('https://farm.example/story-0');
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://farm.example/story-${i}`);
    const last = urls.at(-1)!;
    // The tab shows the last URL when the waiting scan is kept.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(tabId, last) as never);
    // The clock stands still during the flood, so no token comes back while it lasts: the counts are exact.
    const frozen = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(frozen);
    const answers = await Promise.all(urls.map((url) => onPageScanned({ ...digest, url }, sender(tabId, url))));
    clock.mockRestore();

    // Every scan is answered (the badge works), but only the burst was stored at once.
    expect(answers).toHaveLength(10_000);
    expect(answers.every((answer) => answer.record.syndicated)).toBe(true);
    expect(answers.filter((answer) => answer.stored)).toHaveLength(SCAN_LIMITS.burst);
    // The latest scan waited for a token and is then stored too: the burst and the latest, nothing between.
    const db = database();
    await vi.waitFor(async () => expect(await getEntry(db, pageKey(last))).toBeDefined(), { timeout: SCAN_LIMITS.refillMs + 3_000 });
    expect(await db.history.count()).toBe(SCAN_LIMITS.burst + 1);
    expect((await db.history.toArray()).map((entry) => entry.key).sort()).toEqual([...urls.slice(0, SCAN_LIMITS.burst), last].sort());
    // One automatic verification per stored copy, never more than two at once.
    await vi.waitFor(() => expect(runs.started).toHaveLength(SCAN_LIMITS.burst + 1), { timeout: 5_000 });
    await vi.waitFor(() => expect(runs.active).toBe(0));
    expect(runs.maxActive).toBeLessThanOrEqual(MAX_CONCURRENT_VERIFICATIONS);
    expect(runs.maxActive).toBe(2);
    expect(new Set(runs.started).size).toBe(runs.started.length);
    await settings.autoVerify.setValue(false);
  }, 60_000);

  it('another tab is not held back by a flooding one', async () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    const digest = sampleDigest('https://farm.example/x');
    for (let i = 0; i < 50; i++) await onPageScanned({ ...digest, url: `https://farm.example/x-${i}` }, sender(102, `https://farm.example/x-${i}`));
    const other = await onPageScanned({ ...digest, url: 'https://farm.example/calm' }, sender(103, 'https://farm.example/calm'));
    clock.mockRestore();
    expect(other.stored).toBe(true);
    // The flooding tab's latest scan is kept once its token comes.
    await vi.waitFor(async () => expect(await getEntry(database(), pageKey('https://farm.example/x-49'))).toBeDefined(), {
      timeout: SCAN_LIMITS.refillMs + 3_000,
    });
  });

  it('a closed tab starts afresh (its bucket is dropped)', async () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    const digest = sampleDigest('https://farm.example/y');
    for (let i = 0; i < SCAN_LIMITS.burst; i++)
      await onPageScanned({ ...digest, url: `https://farm.example/y-${i}` }, sender(104, `https://farm.example/y-${i}`));
    expect((await onPageScanned({ ...digest, url: 'https://farm.example/y-over' }, sender(104, 'https://farm.example/y-over'))).stored).toBe(false);
    await onTabRemoved(104);
    expect((await onPageScanned({ ...digest, url: 'https://farm.example/y-again' }, sender(104, 'https://farm.example/y-again'))).stored).toBe(true);
    clock.mockRestore();
  });
});

describe('the token bucket', () => {
  it('gives a burst, then one token per refill period, up to the burst', () => {
    let now = 0;
    const limiter = new TabRateLimiter({ burst: 3, refillMs: 1000 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take(1))).toEqual([true, true, true, false]);
    expect(limiter.waitMs(1)).toBe(1000);
    now = 999;
    expect(limiter.take(1)).toBe(false);
    now = 1000;
    expect(limiter.take(1)).toBe(true);
    now = 100_000;
    expect([1, 2, 3, 4].map(() => limiter.take(1))).toEqual([true, true, true, false]);
    // Tabs have buckets of their own.
    expect(limiter.take(2)).toBe(true);
  });
});

describe('the verification queue', () => {
  async function inHistory(count: number, prefix: string): Promise<string[]> {
    const urls = Array.from({ length: count }, (_, i) => `https://${prefix}.example/story-${i}`);
    for (const url of urls) await recordDetection(database(), sampleRecord({ url }));
    return urls;
  }

  it('runs at most two at once, the rest queued, and every request is answered', async () => {
    const urls = await inHistory(12, 'queue');
    const answers = await Promise.all(urls.map((url, i) => verify(url, null, false, { askedByUser: i % 2 === 0 })));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(runs.started.sort()).toEqual([...urls].sort());
    expect(runs.maxActive).toBe(MAX_CONCURRENT_VERIFICATIONS);
  });

  it('a repeated request for the same page joins the one pending', async () => {
    const [busy1, busy2, page] = await inHistory(3, 'join');
    // Two runs take both places; the page's requests wait, and are one run.
    const first = [verify(busy1!, null, false), verify(busy2!, null, false)];
    const automatic = verify(page!, null, false, { askedByUser: false });
    const byReader = verify(page!, null, true);
    const again = verify(page!, null, false);
    const [a, b, c] = await Promise.all([automatic, byReader, again, ...first]);
    expect(runs.started.filter((url) => url === page)).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(runs.started).toHaveLength(3);
  });

  it("the reader's request goes before automatic ones waiting", async () => {
    const urls = await inHistory(6, 'order');
    const pending = [verify(urls[0]!, null, false), verify(urls[1]!, null, false)];
    for (const url of urls.slice(2, 5)) pending.push(verify(url, null, false, { askedByUser: false }));
    pending.push(verify(urls[5]!, null, false));
    await Promise.all(pending);
    expect(runs.started.indexOf(urls[5]!)).toBe(2);
  });

  it('automatic verifications beyond the waiting limit are not started', async () => {
    runs.delayMs = 5;
    const urls = await inHistory(30, 'many');
    const answers = await Promise.all(urls.map((url) => verify(url, null, false, { askedByUser: false })));
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThan(0);
    if (!refused[0]!.ok) expect(refused[0]!.verification.failure?.message).toMatch(/too many verifications are waiting/);
    expect(runs.started.length + refused.length).toBe(30);
  });
});

describe('the history size limit', () => {
  it('drops the least recently seen entries first, with their verifications', async () => {
    const db = database();
    for (let i = 0; i < 10; i++) await recordDetection(db, sampleRecord({ url: `https://cap.example/${i}` }), 1_000 + i);
    // Seen again: no longer among the oldest.
    await recordDetection(db, sampleRecord({ url: 'https://cap.example/0' }), 5_000);
    await verify('https://cap.example/1', null, false);
    await verify('https://cap.example/5', null, false);
    expect(await db.verifications.count()).toBe(2);
    expect(await capHistory(db, 7)).toBe(3);
    expect((await db.history.toArray()).map((entry) => entry.key).sort()).toEqual(
      ['0', '4', '5', '6', '7', '8', '9'].map((n) => `https://cap.example/${n}`),
    );
    expect((await db.verifications.toArray()).map((v) => v.pageKey)).toEqual(['https://cap.example/5']);
    expect(await capHistory(db, 7)).toBe(0);
  });

  it('a new page beyond the limit pushes out the oldest; the scheduled pruning applies a lowered limit', async () => {
    const db = database();
    await settings.historyMaxEntries.setValue(5);
    const now = Date.now();
    for (let i = 0; i < 5; i++) await recordDetection(db, sampleRecord({ url: `https://limit.example/${i}` }), now - 10_000 + i);
    const digest = sampleDigest('https://limit.example/new');
    expect((await onPageScanned(digest, sender(110, digest.url))).stored).toBe(true);
    expect(await db.history.count()).toBe(5);
    expect(await getEntry(db, pageKey('https://limit.example/0'))).toBeUndefined();
    expect(await getEntry(db, pageKey('https://limit.example/new'))).toBeDefined();
    await settings.historyMaxEntries.setValue(2);
    await pruneOldData();
    expect((await db.history.toArray()).map((entry) => entry.key)).toEqual(['https://limit.example/4', 'https://limit.example/new']);
    await settings.historyMaxEntries.setValue(50_000);
  });

  it('is 50,000 entries unless the reader changes it', async () => {
    await settings.historyMaxEntries.removeValue();
    expect(await settings.historyMaxEntries.getValue()).toBe(50_000);
  });
});
