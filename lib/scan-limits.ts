/**
 * How many of one tab's scans the background acts on. A page can change its
 * URL thousands of times a second (history.pushState in a loop), and each
 * change can bring a scan: without a limit each would be a history entry with
 * a headline of the page's choosing, and with automatic verification a fetch.
 *
 * Each tab has a small bucket of tokens (a token bucket): acting on a scan
 * takes one, and one comes back every `refillMs`, up to `burst`. A reader
 * going from article to article never empties it; a flood does at once.
 */
interface ScanLimits {
  /** Scans acted on at once, in a burst. */
  burst: number;
  /** One more scan every this many ms once the burst is spent. */
  refillMs: number;
}

/** Six pages at once, then one every two seconds (30 a minute) per tab. */
export const SCAN_LIMITS: ScanLimits = { burst: 6, refillMs: 2_000 };

export class TabRateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly limits: ScanLimits = SCAN_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes a token for the tab: true when one was there. */
  take(tabId: number): boolean {
    const bucket = this.refill(tabId);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Milliseconds until the tab has a token again (0: it has one now). */
  waitMs(tabId: number): number {
    const bucket = this.refill(tabId);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * this.limits.refillMs);
  }

  /** The tab is gone: its bucket goes too. */
  forget(tabId: number): void {
    this.buckets.delete(tabId);
  }

  private refill(tabId: number): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(tabId) ?? { tokens: this.limits.burst, at: now };
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + Math.max(0, now - bucket.at) / this.limits.refillMs);
    bucket.at = now;
    this.buckets.set(tabId, bucket);
    return bucket;
  }
}
