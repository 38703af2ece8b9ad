/**
 * The command line's fetcher for verification: the same limits and the same
 * failure words as the extension's, redirects followed by hand, one hop at a
 * time, each hop checked before it is requested.
 *
 * Never into a private network (core/private-network.ts), unless asked to
 * (--allow-private): a hop whose host is a private address or a local-only
 * name is refused as written; a public-looking name is looked up first (every
 * address it has), and refused if any of them is private. The connection then
 * goes to exactly the addresses that were checked (node:http's `lookup` hook),
 * so a name that answers a public address to the check and a private one a
 * moment later (DNS rebinding) cannot slip through.
 *
 * Node's http/https clients, not fetch(): only they let the connection use the
 * checked addresses. No cookies, no Referer, gzip/deflate/br decoded.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { classifyNetError, failure, failureForStatus, FETCH_LIMITS, HTML_TYPES, readCappedText, refusedRedirect } from '../core/fetch-failures';
import { privateAddressReason, privateHostReason } from '../core/private-network';
import { displayHost, safeHttpUrl } from '../core/url';
import type { FetchFailure, FetchFailureCode, FetchPage } from '../core/verify';

/** A host name's addresses, all of them (a DNS lookup). */
export type Resolve = (host: string) => Promise<string[]>;

/** One GET of `url`, connecting only to `addresses`; the answer as a web Response (a redirect's Location readable). */
export type Transport = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; addresses: string[] }) => Promise<Response>;

export interface NodeFetcherOptions {
  timeoutMs?: number;
  /** Fetch from private networks too (`--allow-private`): loopback, RFC 1918, link-local, local-only names. */
  allowPrivate?: boolean;
  /** How host names are looked up (default: the system resolver, every address). */
  resolve?: Resolve;
  /** How one request is sent (default: node:http/https). */
  transport?: Transport;
}

export const systemResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** Node's error codes (error.code, or error.cause.code from fetch) in the extension's terms. */
function codeOf(error: unknown): FetchFailureCode {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const name = `${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.cause?.message ?? ''}`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(name)) return 'tls';
  if (/ETIMEDOUT|UND_ERR_.*TIMEOUT/i.test(name)) return 'timeout';
  return classifyNetError(name);
}

/** Statuses whose answer has no body (and that `new Response` refuses one for). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/** node:http/https, connecting to the checked addresses only, with the body decoded as browsers do. */
export const nodeTransport: Transport = (url, { headers, signal, addresses }) =>
  new Promise<Response>((resolve, reject) => {
    const target = new URL(url);
    const pinned = addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
    const pinnedLookup = (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (pinned.length === 0) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }));
      if (options?.all) return callback(null, pinned);
      return callback(null, pinned[0]!.address, pinned[0]!.family);
    };
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, { method: 'GET', headers, signal, agent: false, lookup: pinnedLookup as never }, (response) => {
      const status = response.statusCode ?? 0;
      const answerHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
          try {
            answerHeaders.append(name, one);
          } catch {
            // A header a web Response cannot hold: not one we read.
          }
        }
      }
      const redirect = status >= 300 && status < 400;
      if (NO_BODY.has(status) || redirect || status < 200 || status > 599) {
        response.destroy();
        try {
          resolve(new Response(null, { status: status >= 200 && status <= 599 ? status : 502, headers: answerHeaders }));
        } catch (error) {
          reject(error as Error);
        }
        return;
      }
      const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
      const decoder =
        encoding === 'gzip' || encoding === 'x-gzip'
          ? zlib.createGunzip()
          : encoding === 'deflate'
            ? zlib.createInflate()
            : encoding === 'br'
              ? zlib.createBrotliDecompress()
              : null;
      let body: Readable = response;
      if (decoder) {
        body = decoder;
        pipeline(response, decoder, () => undefined);
        answerHeaders.delete('content-encoding');
        answerHeaders.delete('content-length');
      }
      resolve(new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers: answerHeaders }));
    });
    request.on('error', reject);
    request.end();
  });

/** The host of a URL as a resolver takes it: an IPv6 literal without its brackets. */
const bareHost = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

export function createNodeFetcher(options: NodeFetcherOptions = {}): FetchPage {
  const resolve = options.resolve ?? systemResolve;
  const transport = options.transport ?? nodeTransport;
  const allowPrivate = options.allowPrivate ?? false;

  /** The addresses one hop may connect to, or why it may not be fetched. */
  const vet = async (
    url: string,
  ): Promise<{ addresses: string[] } | { refused: 'unsafe-url' | 'private-address'; detail?: string } | { failed: FetchFailureCode }> => {
    if (!safeHttpUrl(url)) return { refused: 'unsafe-url' };
    const host = bareHost(url);
    if (!allowPrivate && privateHostReason(host)) return { refused: 'private-address' };
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await resolve(host);
    } catch (error) {
      return { failed: codeOf(error) };
    }
    if (addresses.length === 0) return { failed: 'network' };
    const inside = allowPrivate ? undefined : addresses.find((address) => privateAddressReason(address) !== null);
    if (inside) return { refused: 'private-address', detail: inside };
    return { addresses };
  };

  return async (url, validators) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
    const redirects: string[] = [];
    let current = url;
    try {
      for (;;) {
        const vetted = await vet(current);
        if ('refused' in vetted) {
          const refused: FetchFailure = redirects.length
            ? refusedRedirect(vetted.refused, current, redirects.at(-1)!)
            : failure(vetted.refused, current);
          // A name that looks public but resolves into a private network: say which address.
          if (vetted.detail && !redirects.length)
            refused.message = `${displayHost(current)} resolves to ${vetted.detail}, in a private network: not fetched`;
          else if (vetted.detail)
            refused.message = `${displayHost(redirects.at(-1)!)} redirects to ${displayHost(current)}, which resolves to ${vetted.detail}, in a private network: not followed`;
          return refused;
        }
        if ('failed' in vetted) return failure(controller.signal.aborted ? 'timeout' : vetted.failed, current);
        const headers: Record<string, string> = {
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': 'provenance-cli/0.1',
        };
        if (validators?.etag) headers['if-none-match'] = validators.etag;
        if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
        let response: Response;
        try {
          response = await transport(current, { headers, signal: controller.signal, addresses: vetted.addresses });
        } catch (error) {
          return failure(controller.signal.aborted ? 'timeout' : codeOf(error), current);
        }
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          const location = response.headers.get('location');
          void response.body?.cancel();
          if (location === null) return failure('http-error', current, response.status);
          let next: string;
          try {
            next = new URL(location, current).href;
          } catch {
            return refusedRedirect('unsafe-url', location, current);
          }
          if (next === current || redirects.includes(next) || next === url) return failure('redirect-loop', url);
          redirects.push(current);
          if (redirects.length > FETCH_LIMITS.maxRedirects) return failure('too-many-redirects', url);
          current = next;
          continue;
        }
        const validatorsOut = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
        if (response.status === 304) return { ok: true, finalUrl: current, status: 304, redirects, html: null, ...validatorsOut };
        if (!response.ok) {
          void response.body?.cancel();
          return failureForStatus(response.status, current);
        }
        if (!HTML_TYPES.test(response.headers.get('content-type') ?? '')) {
          void response.body?.cancel();
          return failure('not-html', current);
        }
        const html = await readCappedText(response, FETCH_LIMITS.maxBytes);
        if (html === null) return failure(controller.signal.aborted ? 'timeout' : 'too-large', current);
        return { ok: true, finalUrl: current, status: response.status, redirects, html, ...validatorsOut };
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
