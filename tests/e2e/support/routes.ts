/**
 * Special behaviours of the fixture web, for what a folder of HTML files cannot
 * say: a publisher whose original is gone (404/410), blocks robots (403) or is
 * broken (500); a server that never answers; redirect chains and loops; a PDF or
 * JSON where an article was expected; a body too large to parse; a reset
 * connection.
 *
 * The built-in ones live on the made-up host `edge.test` so any fixture page can
 * link to them (`<a href="https://edge.test/status/410">`). A test that needs a
 * real-looking URL to misbehave adds its own route in front:
 *
 *   const remove = web.route({ host: 'www.washingtonpost.com', path: '/world/gone/', behaviour: { kind: 'status', status: 410 } });
 *
 * Built-in routes on https://edge.test:
 *   /status/<code>              that status with a small HTML body (404, 410, 403, 500, 503, …)
 *   /redirect/chain/<n>         n redirects (302) down to /redirect/chain/0, which is a small article page
 *   /redirect/loop/a, /b        a → b → a → … (the browser gives up: ERR_TOO_MANY_REDIRECTS)
 *   /redirect/to?url=<url>[&status=301]   one redirect to any URL (a tracking link, a URL shortener)
 *   /stall                      accepts the request and never answers
 *   /stall-body                 sends headers and the start of a page, then nothing
 *   /slow?ms=<n>                a small article page after n milliseconds (default 3000)
 *   /content/pdf, /content/json, /content/png, /content/plain, /content/rss   non-HTML answers
 *   /oversize?mb=<n>            an HTML page of n MiB (default 20) with a Content-Length
 *   /endless                    an HTML page that never ends (chunked, no length)
 *   /reset                      the connection is reset (TCP RST) before any answer
 */
import type http from 'node:http';

export type Behaviour =
  /** That status, with a small HTML page unless `body` is given. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Any body with any content type. */
  | { kind: 'body'; body: string | Buffer; contentType: string; status?: number; headers?: Record<string, string> }
  /** A file under the fixture root (e.g. "washingtonpost.com/world/…/index.html") at another URL. */
  | { kind: 'file'; file: string; contentType?: string; status?: number; headers?: Record<string, string> }
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { kind: 'stall' }
  | { kind: 'stall-body'; contentType?: string; prefix?: string }
  | { kind: 'endless'; contentType?: string; chunk?: string }
  | { kind: 'oversize'; bytes: number; contentType?: string }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number; then: Behaviour }
  /** Full control, for what the others do not cover. */
  | { kind: 'handler'; handle: (req: http.IncomingMessage, res: http.ServerResponse) => void };

export interface RouteMatch {
  host: string;
  url: URL;
  /** Capture groups of a RegExp path. */
  params: string[];
}

export interface Route {
  /** Host to match ("www." optional on either side), a RegExp, or undefined for any host. */
  host?: string | RegExp;
  /** Exact pathname (no query), or a RegExp tested against the pathname. */
  path: string | RegExp;
  behaviour: Behaviour | ((match: RouteMatch, req: http.IncomingMessage) => Behaviour);
}

export const EDGE_HOST = 'edge.test';

const smallArticle = (title: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta property="og:type" content="article"></head><body><article><h1>${title}</h1>` +
  `<p>This page is where the redirects end. It stands in for an article so a test can check that the final URL was reached.</p>` +
  `</article></body></html>`;

// Smallest valid PDF that viewers accept; enough for content-type handling.
const tinyPdf = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

// A 1×1 transparent PNG.
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>USA NEWS</title><link>https://usa-news.biz</link><description>News of the United States</description>
<item><title>U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post</title>
<link>https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/</link>
<description><![CDATA[<p>The post U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post first appeared on USA NEWS.</p>]]></description>
<pubDate>Sat, 22 Feb 2025 14:42:26 +0000</pubDate></item>
</channel></rss>
`;

export function builtInRoutes(): Route[] {
  return [
    {
      host: EDGE_HOST,
      path: /^\/status\/(\d{3})$/,
      behaviour: ({ params }) => ({ kind: 'status', status: Number(params[0]) }),
    },
    {
      host: EDGE_HOST,
      path: /^\/redirect\/chain\/(\d+)$/,
      behaviour: ({ params }) => {
        const n = Number(params[0]);
        return n === 0
          ? { kind: 'body', contentType: 'text/html; charset=utf-8', body: smallArticle('End of the redirect chain') }
          : { kind: 'redirect', status: 302, to: `/redirect/chain/${n - 1}` };
      },
    },
    { host: EDGE_HOST, path: '/redirect/loop/a', behaviour: { kind: 'redirect', status: 302, to: '/redirect/loop/b' } },
    { host: EDGE_HOST, path: '/redirect/loop/b', behaviour: { kind: 'redirect', status: 302, to: '/redirect/loop/a' } },
    {
      host: EDGE_HOST,
      path: '/redirect/to',
      behaviour: ({ url }) => {
        const to = url.searchParams.get('url');
        if (!to) return { kind: 'status', status: 400 };
        const status = Number(url.searchParams.get('status') ?? 302) as 301 | 302 | 303 | 307 | 308;
        return { kind: 'redirect', status, to };
      },
    },
    { host: EDGE_HOST, path: '/stall', behaviour: { kind: 'stall' } },
    { host: EDGE_HOST, path: '/stall-body', behaviour: { kind: 'stall-body' } },
    {
      host: EDGE_HOST,
      path: '/slow',
      behaviour: ({ url }) => ({
        kind: 'delay',
        ms: Number(url.searchParams.get('ms') ?? 3000),
        then: { kind: 'body', contentType: 'text/html; charset=utf-8', body: smallArticle('A slow page') },
      }),
    },
    { host: EDGE_HOST, path: '/content/pdf', behaviour: { kind: 'body', contentType: 'application/pdf', body: tinyPdf } },
    {
      host: EDGE_HOST,
      path: '/content/json',
      behaviour: { kind: 'body', contentType: 'application/json', body: JSON.stringify({ headline: 'Not a web page', status: 'ok' }) },
    },
    { host: EDGE_HOST, path: '/content/png', behaviour: { kind: 'body', contentType: 'image/png', body: tinyPng } },
    {
      host: EDGE_HOST,
      path: '/content/plain',
      behaviour: { kind: 'body', contentType: 'text/plain; charset=utf-8', body: 'Plain text, not HTML.\n' },
    },
    { host: EDGE_HOST, path: '/content/rss', behaviour: { kind: 'body', contentType: 'application/rss+xml; charset=utf-8', body: rss } },
    {
      host: EDGE_HOST,
      path: '/oversize',
      behaviour: ({ url }) => ({ kind: 'oversize', bytes: Math.round(Number(url.searchParams.get('mb') ?? 20) * 1024 * 1024) }),
    },
    { host: EDGE_HOST, path: '/endless', behaviour: { kind: 'endless' } },
    { host: EDGE_HOST, path: '/reset', behaviour: { kind: 'reset' } },
  ];
}
