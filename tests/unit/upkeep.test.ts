/**
 * What is stored goes when it should: clearing the history takes the
 * verifications and cached originals with it, pruning takes an entry's
 * verification with the entry, and pruning runs on a schedule (browser.alarms).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CachedOriginal, Verification } from '@/core/verify';
import { database, recordDetection, storeVerification } from '@/lib/db';
import { clearHistory, pruneHistory } from '@/lib/history';
import { settings } from '@/lib/settings';
import { PRUNE_ALARM, PRUNE_EVERY_MINUTES, startUpkeep } from '@/lib/upkeep';
import config from '../../wxt.config';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const DAY = 24 * 60 * 60 * 1000;

function verification(pageUrl: string, checkedAt: number): Verification {
  return {
    pageUrl: pageKey(pageUrl),
    checkedAt,
    outcome: 'named-not-linked',
    hops: [],
    original: null,
    failure: null,
    search: null,
    comparison: null,
  };
}

function original(key: string, fetchedAt: number): CachedOriginal {
  return {
    key,
    finalUrl: key,
    redirects: [],
    fetchedAt,
    status: 200,
    etag: null,
    lastModified: null,
    record: sampleRecord({ url: key }),
    fingerprint: {} as CachedOriginal['fingerprint'],
  };
}

async function seed(times: number[]) {
  const db = database();
  for (const [i, time] of times.entries()) {
    const url = `https://kept.example/${i}`;
    await recordDetection(db, sampleRecord({ url }), time);
    await storeVerification(db, verification(url, time));
    await db.originals.put(original(`https://original.example/${i}`, time));
  }
  return db;
}

beforeEach(async () => {
  fakeBrowser.reset();
  const db = database();
  await Promise.all([db.history.clear(), db.verifications.clear(), db.originals.clear()]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('clearing and pruning', () => {
  it('"Clear history" also deletes the verifications and the cached originals', async () => {
    const db = await seed([1_000, 2_000, 3_000]);
    expect([await db.history.count(), await db.verifications.count(), await db.originals.count()]).toEqual([3, 3, 3]);
    await clearHistory(db);
    expect([await db.history.count(), await db.verifications.count(), await db.originals.count()]).toEqual([0, 0, 0]);
  });

  it("pruning an entry prunes its verification (another page's stays)", async () => {
    const db = await seed([1_000, 2_000, 3_000]);
    expect(await pruneHistory(db, 2_500)).toBe(2);
    expect((await db.verifications.toArray()).map((v) => v.pageKey)).toEqual(['https://kept.example/2']);
  });
});

describe('pruning on a schedule', () => {
  it('sets an hourly alarm once, and prunes old entries, their verifications and old originals when it fires', async () => {
    const now = Date.now();
    await settings.historyDays.setValue(30);
    const db = await seed([now - 40 * DAY, now - 35 * DAY, now - DAY]);
    startUpkeep();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(PRUNE_ALARM)).toBeDefined());
    expect((await fakeBrowser.alarms.get(PRUNE_ALARM))?.periodInMinutes).toBe(PRUNE_EVERY_MINUTES);
    // A service worker started again finds the alarm there and leaves its time alone.
    const scheduled = (await fakeBrowser.alarms.get(PRUNE_ALARM))!.scheduledTime;
    startUpkeep();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === PRUNE_ALARM).map((a) => a.scheduledTime)).toEqual([scheduled]);

    await fakeBrowser.alarms.onAlarm.trigger({ name: PRUNE_ALARM, scheduledTime: now, periodInMinutes: PRUNE_EVERY_MINUTES });
    await vi.waitFor(async () => expect(await db.history.count()).toBe(1));
    expect((await db.verifications.toArray()).map((v) => v.pageKey)).toEqual(['https://kept.example/2']);
    expect((await db.originals.toArray()).map((o) => o.key)).toEqual(['https://original.example/2']);
  });

  it('other alarms prune nothing', async () => {
    const db = await seed([1_000]);
    startUpkeep();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.history.count()).toBe(1);
  });

  it.each(['chrome', 'firefox'] as const)('the %s manifest asks for "alarms"', async (browser) => {
    const manifest = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
      permissions?: string[];
    };
    expect(manifest({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' }).permissions).toContain(
      'alarms',
    );
  });
});
