/**
 * A tiny HTTP proxy on 127.0.0.1 that sends every connection to the fixture web.
 *
 * Firefox has no `--host-resolver-rules`. Pointed at this proxy through its
 * proxy preferences (see `firefoxPrefs`), it asks for `CONNECT host:443` and
 * speaks TLS to whatever answers; we pipe that to the fixture web, which picks
 * the page by the Host header as it does for Chromium. No fixed port, no root.
 *
 * Plain `http://` requests arrive in proxy form (`GET http://host/path`) and
 * are forwarded to the fixture web with the path only.
 *
 * Firefox's own services (remote settings, telemetry, captive portal, …) are
 * refused, so the fixture web's request log holds pages only.
 */
import http from 'node:http';
import net from 'node:net';

/** Hosts Firefox calls by itself; answered 403 instead of reaching the fixture web. */
const BROWSER_SERVICE_HOSTS = /(^|\.)(mozilla\.(com|org|net)|firefox\.com|mozaws\.net|mozgcp\.net|mozilla-ohttp\.fastly-edge\.com)$/i;

export class LoopbackProxy {
  /** Hosts seen in CONNECT or proxy-form requests, in order (with duplicates). */
  readonly hosts: string[] = [];
  /** Connections refused because they were Firefox's own services. */
  refused = 0;
  private server: http.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private portNumber = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  get port(): number {
    if (!this.portNumber) throw new Error('The proxy has no port yet: call start() first.');
    return this.portNumber;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.forwardPlain(req, res));
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => this.tunnel(req, client, head));
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.portNumber = (server.address() as net.AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    server.closeAllConnections();
    await closed;
  }

  private tunnel(req: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    this.hosts.push(host);
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (BROWSER_SERVICE_HOSTS.test(host)) {
      this.refused++;
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  }

  private forwardPlain(req: http.IncomingMessage, res: http.ServerResponse): void {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'Content-Length': '0' });
      return void res.end();
    }
    this.hosts.push(target.hostname);
    if (BROWSER_SERVICE_HOSTS.test(target.hostname)) {
      this.refused++;
      res.writeHead(403, { 'Content-Length': '0' });
      return void res.end();
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = http.request(
      { host: this.targetHost, port: this.targetPort, method: req.method, path: target.pathname + target.search, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }
}
