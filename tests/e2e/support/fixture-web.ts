/**
 * The fixture web: one HTTPS server on 127.0.0.1 that plays every news site the
 * end-to-end tests visit. Chromium is started with
 * `--host-resolver-rules=MAP * 127.0.0.1:<port>`, so `https://usa-news.biz/…`
 * and `https://www.washingtonpost.com/…` all land here, and the server picks the
 * page by the Host header and the path:
 *
 *   https://usa-news.biz/2025/02/22/x/   →  tests/fixtures/web/usa-news.biz/2025/02/22/x/index.html
 *   https://www.washingtonpost.com/a/    →  tests/fixtures/web/washingtonpost.com/a/index.html  (www. optional)
 *
 * Behaviour that files cannot express (error statuses, stalls, redirect loops,
 * resets, endless bodies) lives in a route table; see `routes.ts` for the
 * built-in `edge.test` routes, and `FixtureWeb.route()` to add one in a test.
 *
 * The same port speaks HTTPS and plain HTTP (the first byte of a connection
 * tells them apart), so `http://` URLs mapped by the same resolver rule work too.
 * The certificate is self-signed and made at start-up; no key is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { builtInRoutes, type Behaviour, type Route, type RouteMatch } from './routes';

export type { Behaviour, Route, RouteMatch } from './routes';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE_ROOT = path.resolve(here, '../../fixtures/web');

export interface LoggedRequest {
  method: string;
  /** Host without port, as the browser sent it. */
  host: string;
  /** Path with query string. */
  path: string;
  /** `https://host/path` — the URL the browser asked for. */
  url: string;
  secure: boolean;
  headers: http.IncomingHttpHeaders;
  /** What answered: "file", "route", "directory-redirect", "not-found". */
  servedBy: 'file' | 'route' | 'directory-redirect' | 'not-found' | 'listing';
  status: number | null;
  at: number;
}

export interface FixtureWebOptions {
  /** Directory with one folder per host. Default: tests/fixtures/web. */
  root?: string;
  /** Port to listen on; 0 (default) picks a free one. Kept across stop()/start(). */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  hostname?: string;
  /** Routes checked before files, first match wins. Default: the edge.test routes. */
  routes?: Route[];
  /** Print each request to stderr (also on with env FIXTURE_WEB_VERBOSE=1). */
  verbose?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

let certificate: Promise<{ key: string; cert: string }> | null = null;

/** One self-signed certificate per process (EC keys are quick to make). */
function fixtureCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: 'fixture-web.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: '*.test' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

export class FixtureWeb {
  readonly root: string;
  readonly hostname: string;
  readonly requests: LoggedRequest[] = [];
  private routes: Route[];
  private readonly baseRoutes: Route[];
  private portNumber: number;
  private listener: net.Server | null = null;
  private httpsServer: https.Server | null = null;
  private httpServer: http.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly verbose: boolean;

  constructor(options: FixtureWebOptions = {}) {
    this.root = options.root ?? FIXTURE_ROOT;
    this.hostname = options.hostname ?? '127.0.0.1';
    this.portNumber = options.port ?? 0;
    this.baseRoutes = options.routes ?? builtInRoutes();
    this.routes = [...this.baseRoutes];
    this.verbose = options.verbose ?? process.env.FIXTURE_WEB_VERBOSE === '1';
  }

  /** Starts (or restarts, on the same port) and resolves once listening. */
  async start(): Promise<this> {
    if (this.listener) return this;
    const { key, cert } = await fixtureCertificate();
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => this.handle(req, res);
    this.httpsServer = https.createServer({ key, cert }, handler);
    this.httpServer = http.createServer(handler);
    // Browsers keep connections open; a stopped server must not leave them answering.
    for (const server of [this.httpsServer, this.httpServer]) server.keepAliveTimeout = 5_000;
    // One port for both schemes: a TLS connection starts with a handshake record (0x16).
    const listener = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('readable', () => {
        const first: Buffer | null = socket.read(1);
        if (!first) return socket.destroy();
        socket.unshift(first);
        const target = first[0] === 0x16 ? this.httpsServer : this.httpServer;
        target?.emit('connection', socket);
      });
    });
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(this.portNumber, this.hostname, () => {
        listener.off('error', reject);
        resolve();
      });
    });
    this.portNumber = (listener.address() as net.AddressInfo).port;
    this.listener = listener;
    return this;
  }

  /** Stops listening and cuts every open connection (stalled responses included). */
  async stop(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    this.listener = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.httpsServer?.closeAllConnections();
    this.httpServer?.closeAllConnections();
    await closed;
  }

  /** Stop, then start on the same port (the browser's resolver rule names it). */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  get running(): boolean {
    return this.listener !== null;
  }

  get port(): number {
    if (!this.portNumber) throw new Error('The fixture web has no port yet: call start() first.');
    return this.portNumber;
  }

  /** The Chromium switch that sends every host name to this server. */
  get hostResolverRule(): string {
    return `MAP * ${this.hostname}:${this.port}`;
  }

  /** Adds a route in front of the others; returns a function that removes it. */
  route(route: Route): () => void {
    this.routes.unshift(route);
    return () => {
      this.routes = this.routes.filter((r) => r !== route);
    };
  }

  /** Drops routes added with route(), keeping the built-in ones. */
  resetRoutes(): void {
    this.routes = [...this.baseRoutes];
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Requests whose host is `host` (with or without "www."). */
  requestsTo(host: string): LoggedRequest[] {
    const bare = stripWww(host.toLowerCase());
    return this.requests.filter((r) => stripWww(r.host) === bare);
  }

  /** Every page the fixture web holds, as https URLs (for listings and smoke tests). */
  listPages(): string[] {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.html')) {
          const rel = path.relative(this.root, full).split(path.sep);
          const host = rel.shift()!;
          const urlPath = '/' + rel.join('/').replace(/(^|\/)index\.html$/, '$1');
          pages.push(`https://${host}${urlPath}`);
        }
      }
    };
    if (fs.existsSync(this.root)) walk(this.root);
    return pages.sort();
  }

  private log(entry: LoggedRequest): void {
    this.requests.push(entry);
    if (this.verbose) process.stderr.write(`[fixture-web] ${entry.method} ${entry.url} → ${entry.status ?? '…'} (${entry.servedBy})\n`);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
    const rawPath = req.url ?? '/';
    const url = `${secure ? 'https' : 'http'}://${host}${rawPath}`;
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      host,
      path: rawPath,
      url,
      secure,
      headers: req.headers,
      servedBy: 'not-found',
      status: null,
      at: Date.now(),
    };
    this.log(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    // Late status for stalls and resets stays null; keep what writeHead sent.
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      entry.status = status;
      return (writeHead as (...a: unknown[]) => http.ServerResponse)(status, ...rest);
    }) as typeof res.writeHead;

    const parsed = new URL(url);
    for (const route of this.routes) {
      const match = matchRoute(route, host, parsed);
      if (!match) continue;
      entry.servedBy = 'route';
      const behaviour = typeof route.behaviour === 'function' ? route.behaviour(match, req) : route.behaviour;
      this.perform(behaviour, req, res);
      return;
    }
    if (host === 'fixture-web.test' && parsed.pathname === '/') {
      entry.servedBy = 'listing';
      this.perform({ kind: 'body', contentType: 'text/html; charset=utf-8', body: this.listingPage() }, req, res);
      return;
    }
    this.serveFile(host, parsed, req, res, entry);
  }

  private serveFile(host: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse, entry: LoggedRequest): void {
    const hostDir = this.hostDirectory(host);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const relative = path.normalize(pathname).replace(/^(\.\.(\/|\\|$))+/, '');
    const target = hostDir ? path.join(hostDir, relative) : null;
    if (!hostDir || !target || !target.startsWith(hostDir)) {
      return this.notFound(res, host, url.pathname, hostDir === null);
    }
    let file = target;
    let stat = statOrNull(file);
    if (stat?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        // WordPress and most CMSes answer a slash-less permalink with a 301.
        entry.servedBy = 'directory-redirect';
        res.writeHead(301, { Location: url.pathname + '/' + url.search, 'Content-Length': '0' });
        return void res.end();
      }
      file = path.join(file, 'index.html');
      stat = statOrNull(file);
    }
    if (!stat?.isFile()) return this.notFound(res, host, url.pathname, false);
    entry.servedBy = 'file';
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const lastModified = stat.mtime.toUTCString();
    const headers: Record<string, string> = {
      'Content-Type': contentTypeFor(file),
      ETag: etag,
      'Last-Modified': lastModified,
      // Revalidate every time: fixtures change between runs, and a restarted server must be asked again.
      'Cache-Control': 'no-cache',
    };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    if (
      (ifNoneMatch && ifNoneMatch === etag) ||
      (!ifNoneMatch && ifModifiedSince && Date.parse(ifModifiedSince) >= Math.floor(stat.mtimeMs / 1000) * 1000)
    ) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  private hostDirectory(host: string): string | null {
    for (const candidate of [host, stripWww(host)]) {
      const dir = path.join(this.root, candidate);
      if (!candidate.includes('/') && !candidate.startsWith('.') && statOrNull(dir)?.isDirectory()) return dir;
    }
    return null;
  }

  private notFound(res: http.ServerResponse, host: string, pathname: string, unknownHost: boolean): void {
    const why = unknownHost
      ? `The fixture web has no folder for the host "${host}" (looked in ${path.relative(process.cwd(), this.root)}/).`
      : `No fixture file for ${pathname} on ${host}.`;
    const body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><h1>Page not found</h1><p>${escapeHtml(why)}</p></body></html>`;
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  private listingPage(): string {
    const items = this.listPages()
      .map((u) => `<li><a href="${escapeHtml(u)}">${escapeHtml(u)}</a></li>`)
      .join('\n');
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture web</title></head><body><h1>Fixture web</h1><ul>\n${items}\n</ul></body></html>`;
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private perform(behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (behaviour.kind) {
      case 'status': {
        const body =
          behaviour.body ??
          `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${behaviour.status} ${http.STATUS_CODES[behaviour.status] ?? ''}</title></head><body><h1>${behaviour.status} ${http.STATUS_CODES[behaviour.status] ?? ''}</h1></body></html>`;
        res.writeHead(behaviour.status, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(body)),
          ...behaviour.headers,
        });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      case 'body': {
        const body = typeof behaviour.body === 'string' ? Buffer.from(behaviour.body) : behaviour.body;
        res.writeHead(behaviour.status ?? 200, {
          'Content-Type': behaviour.contentType,
          'Content-Length': String(body.length),
          ...behaviour.headers,
        });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      case 'file': {
        const file = path.resolve(this.root, behaviour.file);
        const body = fs.readFileSync(file);
        res.writeHead(behaviour.status ?? 200, {
          'Content-Type': behaviour.contentType ?? contentTypeFor(file),
          'Content-Length': String(body.length),
          ...behaviour.headers,
        });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      case 'redirect': {
        res.writeHead(behaviour.status ?? 302, { Location: behaviour.to, 'Content-Length': '0' });
        return void res.end();
      }
      case 'stall':
        // Never answer. The socket is cut when the test ends or the server stops.
        return;
      case 'stall-body': {
        res.writeHead(200, { 'Content-Type': behaviour.contentType ?? 'text/html; charset=utf-8' });
        res.write(behaviour.prefix ?? '<!DOCTYPE html><html><head><title>Loading…</title></head><body><p>');
        return;
      }
      case 'endless': {
        res.writeHead(200, { 'Content-Type': behaviour.contentType ?? 'text/html; charset=utf-8' });
        const chunk = Buffer.from(behaviour.chunk ?? '<p>' + 'and on and on '.repeat(70) + '</p>\n');
        let open = true;
        res.on('close', () => (open = false));
        const pump = () => {
          while (open && res.write(chunk)) {
            /* keep writing until the socket pushes back */
          }
        };
        res.on('drain', pump);
        res.write('<!DOCTYPE html><html><head><title>Endless</title></head><body>');
        return pump();
      }
      case 'oversize': {
        const chunk = Buffer.from('<p>' + 'filler text '.repeat(84) + '</p>\n');
        const head = Buffer.from('<!DOCTYPE html><html><head><title>Oversize</title></head><body>');
        res.writeHead(200, { 'Content-Type': behaviour.contentType ?? 'text/html; charset=utf-8', 'Content-Length': String(behaviour.bytes) });
        if (req.method === 'HEAD') return void res.end();
        let left = behaviour.bytes;
        const write = (buf: Buffer) => {
          const part = buf.subarray(0, Math.min(buf.length, left));
          left -= part.length;
          return res.write(part);
        };
        write(head);
        const pump = () => {
          while (left > 0) if (!write(chunk)) return;
          res.end();
        };
        res.on('drain', pump);
        return pump();
      }
      case 'reset': {
        // A TCP RST (ECONNRESET in the browser), not a polite close.
        const socket = req.socket as net.Socket & { _parent?: net.Socket; resetAndDestroy?: () => void };
        const raw = socket._parent ?? socket;
        try {
          (raw as net.Socket & { resetAndDestroy(): void }).resetAndDestroy();
        } catch {
          raw.destroy();
        }
        return;
      }
      case 'delay':
        return this.later(behaviour.ms, () => {
          if (!res.destroyed) this.perform(behaviour.then, req, res);
        });
      case 'handler':
        return void behaviour.handle(req, res);
    }
  }
}

function matchRoute(route: Route, host: string, url: URL): RouteMatch | null {
  if (route.host !== undefined) {
    const ok = typeof route.host === 'string' ? stripWww(route.host.toLowerCase()) === stripWww(host) : route.host.test(host);
    if (!ok) return null;
  }
  if (typeof route.path === 'string') {
    return route.path === url.pathname ? { host, url, params: [] } : null;
  }
  const m = route.path.exec(url.pathname);
  return m ? { host, url, params: m.slice(1) } : null;
}

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
