/**
 * Which webRequest events are about our own fetch of an original, exactly.
 *
 * fetch() hides where a redirect goes (redirect: 'manual' answers with an
 * opaque response) and why a request failed ("Failed to fetch" for a TLS
 * error and a refused connection alike). The webRequest events say both, but
 * they describe every request the browser makes to a site we may read: a
 * site's own service worker (tab -1 too), another extension, or a second
 * fetch of ours to the same URL at the same moment. Taking one of those for
 * ours would follow someone else's redirect.
 *
 * A request is ours only when all of these hold:
 * - it belongs to no tab (tabId -1) and its initiator (Chrome) or origin URL
 *   (Firefox) is this extension, so no page, site worker or other extension;
 * - it is a GET of the very URL we asked for, started after we asked;
 * - no other fetch of ours to that URL is running: fetches of one URL take
 *   turns (`watch` waits for the previous one, and for its last event), so
 *   two concurrent verifications citing the same original cannot swap answers.
 * After the first event, the browser's requestId ties the rest to the fetch.
 *
 * Browser-free: lib/fetch-page.ts feeds it the browser's events; unit tests feed it their own.
 */

/** The fields of a webRequest event this log reads (Chrome's and Firefox's shapes). */
export interface RequestEvent {
  requestId: string;
  url: string;
  tabId: number;
  /** Milliseconds since the epoch. */
  timeStamp: number;
  method?: string;
  /** Chrome: the origin that started the request. */
  initiator?: string;
  /** Firefox: the document that started it. */
  originUrl?: string;
  statusCode?: number;
  responseHeaders?: { name: string; value?: string }[];
  /** onBeforeRedirect (Chrome also sends it under redirect: 'manual'). */
  redirectUrl?: string;
  /** onErrorOccurred: net::ERR_… / NS_ERROR_…. */
  error?: string;
}

interface Watch {
  /** Where the response redirects to (absolute, maybe not http), once the events said; null if they did not within `ms`. */
  redirectTarget(ms: number): Promise<string | null>;
  /** The browser's own reason for a failure, once its error event arrived (waits at most `ms`). */
  failureReason(ms: number): Promise<string | null>;
  /** Ends the watch; the next fetch of the same URL starts once this request's last event is in (or after a second). */
  release(): void;
}

interface Entry {
  key: string;
  startedAt: number;
  requestId: string | null;
  location: string | null;
  error: string | null;
  done: boolean;
  /** Resolves at the next event for this entry. */
  next: Promise<void>;
  changed: () => void;
}

/** How long a released watch keeps its URL while waiting for its request's last event. */
const LAST_EVENT_WAIT_MS = 1000;

/** The URL as the browser's events spell it: parsed, without the fragment (never sent). */
function requestKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export class RequestLog {
  private readonly entries = new Set<Entry>();
  /** Per URL, the end of the last fetch's turn. */
  private readonly turns = new Map<string, Promise<void>>();
  /** Request ids that belong to a fetch of ours, past or present: never claimed again. */
  private readonly claimed = new Set<string>();

  /** `ownBase`: this extension's base URL (runtime.getURL('')): "chrome-extension://<id>/", "moz-extension://<uuid>/". */
  constructor(
    private readonly ownBase: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the event is a request this extension's background made, in no tab. */
  private fromUs(event: RequestEvent): boolean {
    const from = event.initiator ?? event.originUrl;
    return event.tabId === -1 && typeof from === 'string' && `${from}/`.startsWith(this.ownBase);
  }

  /** Waits for its turn at the URL, then watches for the request fetch() is about to make. Call fetch() right after. */
  async watch(url: string): Promise<Watch> {
    const key = requestKey(url);
    let endTurn = () => {};
    const turn = new Promise<void>((resolve) => (endTurn = resolve));
    const previous = this.turns.get(key) ?? Promise.resolve();
    const mine = previous.then(() => turn);
    this.turns.set(key, mine);
    await previous;

    const entry: Entry = {
      key,
      startedAt: this.now(),
      requestId: null,
      location: null,
      error: null,
      done: false,
      next: Promise.resolve(),
      changed: () => {},
    };
    const arm = (): void => {
      entry.next = new Promise<void>((resolve) => (entry.changed = () => (arm(), resolve())));
    };
    arm();
    this.entries.add(entry);

    const until = async (ready: () => boolean, ms: number) => {
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        entry.changed(); // wakes the waiters, who see the time is up
      }, ms);
      while (!ready() && !expired) await entry.next;
      clearTimeout(timer);
    };
    let released = false;
    return {
      redirectTarget: async (ms) => {
        await until(() => entry.location !== null || entry.done, ms);
        return entry.location;
      },
      failureReason: async (ms) => {
        await until(() => entry.done, ms);
        return entry.error;
      },
      release: () => {
        if (released) return;
        released = true;
        void until(() => entry.done, LAST_EVENT_WAIT_MS).then(() => {
          this.entries.delete(entry);
          // A finished request sends no more events; one still running keeps its id out of reach for good.
          if (entry.done && entry.requestId) this.claimed.delete(entry.requestId);
          endTurn();
          if (this.turns.get(key) === mine) this.turns.delete(key);
        });
      },
    };
  }

  private byRequest(requestId: string): Entry | undefined {
    for (const entry of this.entries) if (entry.requestId === requestId) return entry;
    return undefined;
  }

  onBeforeRequest(event: RequestEvent): void {
    if (this.claimed.has(event.requestId) || !this.fromUs(event) || (event.method ?? 'GET') !== 'GET') return;
    const key = requestKey(event.url);
    // One fetch per URL at a time (watch()), so at most one entry can match; it must have started before the request.
    for (const entry of this.entries) {
      if (entry.requestId === null && entry.key === key && event.timeStamp >= entry.startedAt - 1) {
        entry.requestId = event.requestId;
        this.claimed.add(event.requestId);
        entry.changed();
        return;
      }
    }
  }

  onHeadersReceived(event: RequestEvent): void {
    const entry = this.byRequest(event.requestId);
    const status = event.statusCode ?? 0;
    if (!entry || status < 300 || status > 399) return;
    const location = event.responseHeaders?.find((header) => header.name.toLowerCase() === 'location')?.value;
    if (location === undefined) return;
    try {
      entry.location = new URL(location, event.url).href;
    } catch {
      entry.location = location; // not a URL at all: the fetcher refuses it as not http(s)
    }
    entry.changed();
  }

  onBeforeRedirect(event: RequestEvent): void {
    const entry = this.byRequest(event.requestId);
    if (!entry || !event.redirectUrl) return;
    // The browser's own reading of the Location header (Chrome sends this event under redirect: 'manual').
    entry.location = event.redirectUrl;
    entry.changed();
  }

  onCompleted(event: RequestEvent): void {
    const entry = this.byRequest(event.requestId);
    if (!entry) return;
    entry.done = true;
    entry.changed();
  }

  onErrorOccurred(event: RequestEvent): void {
    const entry = this.byRequest(event.requestId);
    if (!entry) return;
    entry.error = event.error ?? null;
    entry.done = true;
    entry.changed();
  }
}
