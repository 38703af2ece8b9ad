/**
 * Issue 16: the command line never sends a request into a private network a
 * page named (its source link, a redirect, a name that resolves there), unless
 * told to (--allow-private); it checks each hop, connects only to the
 * addresses it checked, and sends no Referer. A real HTTP server on 127.0.0.1
 * plays the private network (and, with --allow-private, the web).
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { createNodeFetcher, type Resolve, type Transport } from '../../cli/node-fetcher';

const article = (title: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article"></head>` +
  `<body><article><h1>${title}</h1><p>${'The council met on Tuesday and voted on the harbour plan after a long debate about its cost. '.repeat(4)}</p></article></body></html>`;

/** A farm's copy crediting `source`. */
const copyOf = (source: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour plan approved</title><meta property="og:type" content="article"></head>` +
  `<body><article><h1>Harbour plan approved</h1><p>${'The council met on Tuesday and voted on the harbour plan after a long debate about its cost. '.repeat(4)}</p>` +
  `<p>This article was originally published by <a href="${source}">Harbour Times</a>.</p></article></body></html>`;

let server: Server;
let port = 0;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let dir = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    if (request.url === '/gzip') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      return void response.end(gzipSync(article('Compressed')));
    }
    if (request.url === '/to-private') {
      response.writeHead(302, { location: 'http://10.0.0.1/admin' });
      return void response.end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(article('Harbour plan approved'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'provenance-net-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A transport that answers from a table, as the web would, recording what was asked and where it would connect. */
function fakeWeb(answers: Record<string, Response | (() => Response)>) {
  const asked: { url: string; addresses: string[]; headers: Record<string, string> }[] = [];
  const transport: Transport = async (url, { addresses, headers }) => {
    asked.push({ url, addresses, headers });
    const answer = answers[url];
    if (!answer) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    return typeof answer === 'function' ? answer() : answer;
  };
  return { asked, transport };
}
const redirectTo = (location: string) => () => new Response(null, { status: 302, headers: { location } });
const page = (title: string) => () => new Response(article(title), { headers: { 'content-type': 'text/html' } });
const dns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };

describe('the command line refuses private networks', () => {
  it('a source link into the private network is refused before any request, and the report says so', async () => {
    const file = join(dir, 'copy.html');
    await writeFile(file, copyOf(`http://127.0.0.1:${port}/story`));
    const { code, out } = await run(['verify', file, '--url', 'https://www.harbourdigest.example/harbour-plan/']);
    expect(code).toBe(1);
    expect(out).toContain('COULD NOT CHECK');
    expect(out).toContain(
      'Problem: 127.0.0.1 points into a private network: not fetched (--allow-private fetches from private networks when you mean it)',
    );
    expect(seen).toEqual([]);
  });

  it('--allow-private fetches it, and the report says it came without encryption', async () => {
    const file = join(dir, 'copy-allowed.html');
    await writeFile(file, copyOf(`http://127.0.0.1:${port}/story`));
    const { code, out } = await run(['verify', file, '--url', 'https://www.harbourdigest.example/harbour-plan/', '--allow-private']);
    expect(code).toBe(0);
    expect(out).toContain('ORIGINAL FOUND and compared');
    expect(out).toContain('fetched without encryption (http)');
    expect(seen.map((r) => r.url)).toEqual(['/story']);
    // No Referer, no cookie: nothing about the page or the reader goes with the request.
    expect(seen[0]!.headers.referer).toBeUndefined();
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it('the page the reader names on the command line is held to the same rule', async () => {
    const { code, err } = await run(['inspect', `http://localhost:${port}/story`]);
    expect(code).toBe(3);
    expect(err).toContain('localhost points into a private network: not fetched (--allow-private');
    expect(seen).toEqual([]);
    expect((await run(['inspect', `http://localhost:${port}/story`, '--allow-private'])).code).toBe(0);
  });

  it.each([
    'http://192.168.1.1/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://intranet/',
    'http://0x7f000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://100.64.1.1/',
    'http://printer.local/',
  ])('%s is refused as written, without a lookup or a request', async (url) => {
    const lookups: string[] = [];
    const { asked, transport } = fakeWeb({});
    const answer = await createNodeFetcher({ transport, resolve: async (host) => (lookups.push(host), ['93.184.215.14']) })(url);
    expect(answer).toMatchObject({ ok: false, code: 'private-address' });
    expect(lookups).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('a public-looking name that resolves into the private network is refused (any of its addresses)', async () => {
    const { asked, transport } = fakeWeb({ 'https://harbour-times.example/story': page('Story') });
    const fetchPage = createNodeFetcher({ transport, resolve: dns({ 'harbour-times.example': ['93.184.215.14', '10.1.2.3'] }) });
    const answer = await fetchPage('https://harbour-times.example/story');
    expect(answer).toMatchObject({ ok: false, code: 'private-address' });
    if (!answer.ok) expect(answer.message).toBe('harbour-times.example resolves to 10.1.2.3, in a private network: not fetched');
    expect(asked).toEqual([]);
  });

  it('connects only to the addresses it checked, so a second, different DNS answer cannot be used', async () => {
    let lookups = 0;
    const { asked, transport } = fakeWeb({ 'https://harbour-times.example/story': page('Story') });
    // A rebinding name: public the first time it is asked, this machine after that.
    const rebinding: Resolve = async () => (++lookups === 1 ? ['93.184.215.14'] : ['127.0.0.1']);
    const answer = await createNodeFetcher({ transport, resolve: rebinding })('https://harbour-times.example/story');
    expect(answer.ok).toBe(true);
    expect(lookups).toBe(1);
    expect(asked.map((a) => a.addresses)).toEqual([['93.184.215.14']]);
  });

  it('the real transport connects to the checked address: a name no DNS knows reaches the test server', async () => {
    // Only the resolver handed in knows this name; the connection must use its answer, not the system's.
    const answer = await createNodeFetcher({ allowPrivate: true, resolve: dns({ 'pinned.invalid': ['127.0.0.1'] }) })(
      `http://pinned.invalid:${port}/gzip`,
    );
    expect(answer).toMatchObject({ ok: true, status: 200 });
    if (answer.ok) expect(answer.html).toContain('<h1>Compressed</h1>');
    expect(seen[0]!.headers.host).toBe(`pinned.invalid:${port}`);
  });

  it('a redirect into the private network is not followed, and both ends are named', async () => {
    const { asked, transport } = fakeWeb({
      'https://harbour-times.example/story': redirectTo('http://192.168.0.1/admin'),
      'http://192.168.0.1/admin': page('Router'),
    });
    const answer = await createNodeFetcher({ transport, resolve: dns({ 'harbour-times.example': ['93.184.215.14'] }) })(
      'https://harbour-times.example/story',
    );
    expect(answer).toMatchObject({
      ok: false,
      code: 'private-address',
      refusedRedirect: { to: 'http://192.168.0.1/admin', from: 'https://harbour-times.example/story' },
    });
    if (!answer.ok) expect(answer.message).toBe('harbour-times.example redirects to 192.168.0.1, which points into a private network: not followed');
    expect(asked.map((a) => a.url)).toEqual(['https://harbour-times.example/story']);
  });

  it('each hop is looked up again: a redirect to a name that resolves privately is not followed', async () => {
    const lookups: string[] = [];
    const resolve = dns({ 'harbour-times.example': ['93.184.215.14'], 'cdn.harbour-times.example': ['172.16.5.5'] });
    const { asked, transport } = fakeWeb({ 'https://harbour-times.example/story': redirectTo('https://cdn.harbour-times.example/story') });
    const answer = await createNodeFetcher({ transport, resolve: async (host) => (lookups.push(host), resolve(host)) })(
      'https://harbour-times.example/story',
    );
    expect(answer).toMatchObject({ ok: false, code: 'private-address', refusedRedirect: { to: 'https://cdn.harbour-times.example/story' } });
    if (!answer.ok) expect(answer.message).toContain('resolves to 172.16.5.5');
    expect(lookups).toEqual(['harbour-times.example', 'cdn.harbour-times.example']);
    expect(asked).toHaveLength(1);
  });

  it('follows public redirects hop by hop, and still catches loops', async () => {
    const resolve = dns({ 'a.example': ['93.184.215.14'], 'b.example': ['93.184.215.15'] });
    const { transport } = fakeWeb({ 'https://a.example/x': redirectTo('https://b.example/y'), 'https://b.example/y': page('Y') });
    expect(await createNodeFetcher({ transport, resolve })('https://a.example/x')).toMatchObject({
      ok: true,
      finalUrl: 'https://b.example/y',
      redirects: ['https://a.example/x'],
    });
    const loop = fakeWeb({ 'https://a.example/x': redirectTo('https://b.example/y'), 'https://b.example/y': redirectTo('https://a.example/x') });
    expect(await createNodeFetcher({ transport: loop.transport, resolve })('https://a.example/x')).toMatchObject({
      ok: false,
      code: 'redirect-loop',
    });
  });

  it('a name that does not resolve is explained as such', async () => {
    const answer = await createNodeFetcher({ resolve: dns({}) })('https://nowhere.example/');
    expect(answer).toMatchObject({ ok: false, code: 'network' });
  });

  it('the real transport: a name that resolves to this machine is refused before the first request', async () => {
    const answer = await createNodeFetcher({ resolve: dns({ 'news.test': ['127.0.0.1'] }), allowPrivate: false })(
      `http://news.test:${port}/to-private`,
    );
    // news.test resolves to this machine: refused before the first request.
    expect(answer).toMatchObject({ ok: false, code: 'private-address' });
    expect(seen).toEqual([]);
  });
});
