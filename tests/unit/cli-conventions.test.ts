/**
 * The command line follows the conventions people expect (cli/main.ts, cli/args.ts): help and version on
 * standard output with exit 0, every command's arguments read by the same parser (node:util parseArgs), usage
 * errors that name the option on standard error with exit 2, and a batch read from standard input
 * (`--batch -`) so the CLI sits in a pipe. main() runs in-process here, standard input injected; the built
 * bundle runs as a real process in cli-bundle.test.ts.
 */
import { Readable } from 'node:stream';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../cli/main';
import { version } from '../../package.json';
import { KIND_PAGES } from '../e2e/support/pages';

/** The fixture file a URL is served from (tests/fixtures/web/README.md). */
function fixtureFile(url: string): string {
  const { hostname, pathname } = new URL(url);
  return join(__dirname, '../fixtures/web', hostname.replace(/^www\./, ''), pathname, 'index.html');
}

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const input = stdin === undefined ? undefined : () => Readable.from([stdin]);
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text), input });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const records = (out: string) =>
  out
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string | null; url: string | null; kind: string | null; error?: { code: string; message: string } });

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provenance-cli-conventions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('help and version: standard output, exit 0', () => {
  for (const argv of [['--help'], ['-h'], ['help']]) {
    it(`provenance ${argv.join(' ')} lists the commands and the options`, async () => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(/^usage: provenance <command> \[options\]/);
      for (const command of COMMANDS) expect(out).toContain(`  ${command.name.padEnd(10)} ${command.summary}`);
      expect(out).toContain('-h, --help');
      expect(out).toContain('-V, --version');
      expect(out).toContain('Exit status: 0 ok, 1 ');
    });
  }

  for (const argv of [['--version'], ['-V']]) {
    it(`provenance ${argv.join(' ')} prints the package's version`, async () => {
      expect(await run(argv)).toEqual({ code: 0, out: `provenance ${version}`, err: '' });
    });
  }

  for (const command of COMMANDS) {
    for (const argv of [
      [command.name, '--help'],
      [command.name, '-h'],
      ['help', command.name],
      [command.name, 'page.html', '--json', '--help'],
      [command.name, '--nope', '-h'],
    ]) {
      it(`provenance ${argv.join(' ')} prints the command's usage`, async () => {
        const { code, out, err } = await run(argv);
        expect(code).toBe(0);
        expect(err).toBe('');
        expect(out).toBe(command.usage);
        expect(out).toMatch(new RegExp(`^usage: provenance ${command.name} \\[options\\]`));
        // Every option the parser accepts is in the usage.
        for (const name of Object.keys(command.options)) expect(out).toContain(`--${name}`);
        expect(out).toContain('-h, --help');
      });
    }
  }

  it('provenance with no command: the usage on standard error, exit 2 (a usage error)', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^provenance: missing command\n\nusage: provenance <command>/);
  });
});

describe('one parser for every command: usage errors name the option, exit 2', () => {
  // The commands on one page (inspect, verify); the crawl's commands have cases of their own below.
  for (const command of COMMANDS.filter((c) => 'url' in c.options)) {
    const p = `provenance ${command.name}`;
    const cases: [string[], string][] = [
      [['--nope', 'page.html'], 'unknown option --nope'],
      [['page.html', '-x'], 'unknown option -x'],
      [['page.html', '--h'], 'unknown option --h'],
      [['page.html', '--json=yes'], '--json takes no value (got --json=yes)'],
      [['page.html', '--url'], '--url needs a value'],
      [['page.html', '--url', '--json'], '--url needs a value, got the option --json (write --url=--json if that is the value)'],
      [['page.html', '--report', 'pdf'], '--report needs md or html, got pdf'],
      [['page.html', '--report=pdf'], '--report needs md or html, got pdf'],
      [['a.html', 'b.html'], 'one page at a time (got a.html and b.html'],
      [[], `${command.name} needs a file or an http(s) URL`],
    ];
    for (const [args, message] of cases) {
      it(`${p} ${args.join(' ')}: "${message}"`, async () => {
        const { code, out, err } = await run([command.name, ...args]);
        expect(code).toBe(2);
        expect(out).toBe('');
        expect(err).toContain(`${p}: ${message}`);
        expect(err).toMatch(new RegExp(`\\nTry '${p} --help' for more information\\.$`));
      });
    }
  }
  const crawlCases: [string, string[], string][] = [
    ['crawl', ['--nope', 'a.warc.gz'], 'unknown option --nope'],
    ['crawl', ['a.warc.gz'], 'crawl needs --db <out.duckdb>'],
    ['crawl', ['--db', 'out.duckdb'], 'crawl needs at least one WARC file, folder or list file'],
    ['crawl', ['--db', 'out.duckdb', '--workers', 'many', 'a.warc.gz'], '--workers needs a whole number, got many'],
    ['crawl', ['--db'], '--db needs a value'],
    ['report', [], 'report needs one crawl database'],
    ['report', ['a.duckdb', 'b.duckdb'], 'report needs one crawl database'],
    ['merge', ['part-1'], 'merge needs --db <out.duckdb>'],
    ['merge', ['--db', 'out.duckdb'], 'merge needs at least one part folder'],
  ];
  for (const [name, args, message] of crawlCases) {
    const p = `provenance ${name}`;
    it(`${p} ${args.join(' ')}: "${message}"`, async () => {
      const { code, out, err } = await run([name, ...args]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`${p}: ${message}`);
      expect(err).toMatch(new RegExp(`\\nTry '${p} --help' for more information\\.$`));
    });
  }

  it('an unknown command or program option is a usage error too', async () => {
    const command = await run(['inpsect', 'page.html']);
    expect(command.code).toBe(2);
    expect(command.err).toBe(
      `provenance: unknown command "inpsect" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\nTry 'provenance --help' for more information.`,
    );
    const option = await run(['--verbose', 'inspect']);
    expect(option.code).toBe(2);
    expect(option.err).toBe("provenance: unknown option --verbose\nTry 'provenance --help' for more information.");
    expect((await run(['help', 'nope'])).code).toBe(2);
  });

  it('--opt=value and --opt value are the same', async () => {
    const url = KIND_PAGES.wire.url;
    const spaced = await run(['inspect', fixtureFile(url), '--url', url, '--json']);
    const joined = await run(['inspect', `--url=${url}`, '--json', fixtureFile(url)]);
    expect(spaced.code).toBe(0);
    expect(joined.code).toBe(0);
    const record = (out: string) => ({ ...(JSON.parse(out) as object), engineMs: 0 });
    expect(record(joined.out)).toEqual(record(spaced.out));
    expect(record(spaced.out)).toMatchObject({ url, kind: 'wire' });
  });

  it('-- ends the options: what follows is a page, even when it starts with a dash', async () => {
    const { code, out, err } = await run(['inspect', '--json', '--', '--url']);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toBe('provenance inspect: cannot read --url: no such file');
  });
});

describe('inspect --batch - reads the list from standard input', () => {
  const scraped = KIND_PAGES.scraped.url;
  const wire = KIND_PAGES.wire.url;

  it('one record a page, in order; comments and empty lines skipped; a failing page does not stop the batch; exit 1', async () => {
    const list = [
      '\uFEFF# pages to check',
      fixtureFile(scraped),
      '',
      '   ',
      `  ${JSON.stringify({ file: fixtureFile(wire), url: wire })}  `,
      join(dir, 'missing.html'),
      '{"file": "a.html",',
      '{"url": "https://a.example/"}',
      `${fixtureFile(wire)}\r`,
      '# the end',
    ].join('\n');
    const { code, out, err } = await run(['inspect', '--batch', '-'], list);
    expect(err).toBe('');
    expect(code).toBe(1);
    const [first, second, missing, badJson, noFile, last, ...rest] = records(out);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ file: fixtureFile(scraped), kind: 'scraped' });
    expect(first!.error).toBeUndefined();
    expect(second).toMatchObject({ file: fixtureFile(wire), url: wire, kind: 'wire' });
    expect(missing).toMatchObject({
      file: join(dir, 'missing.html'),
      error: { code: 'read-failed', message: `cannot read ${join(dir, 'missing.html')}: no such file` },
    });
    expect(badJson!.error).toEqual({ code: 'bad-line', message: '(standard input):7: not a JSON object' });
    expect(noFile!.error).toEqual({ code: 'bad-line', message: '(standard input):8: "file" is missing' });
    expect(last).toMatchObject({ file: fixtureFile(wire), kind: 'wire' });
    expect(last!.error).toBeUndefined();
  });

  it('exit 0 when every page is read; nothing at all is no failure', async () => {
    const ok = await run(['inspect', '--batch=-'], `${fixtureFile(scraped)}\n${fixtureFile(wire)}\n`);
    expect(ok.code).toBe(0);
    expect(records(ok.out).map((r) => r.kind)).toEqual(['scraped', 'wire']);
    expect(await run(['inspect', '--batch', '-'], '# nothing yet\n')).toEqual({ code: 0, out: '', err: '' });
  });

  it('a list file reads the same way as standard input', async () => {
    const list = join(dir, 'list.txt');
    await writeFile(list, `# two pages\n${fixtureFile(scraped)}\n\nnot-there.html\n`);
    const { code, out } = await run(['inspect', '--batch', list]);
    expect(code).toBe(1);
    const [page, missing] = records(out);
    expect(page).toMatchObject({ kind: 'scraped' });
    expect(missing!.error).toMatchObject({ code: 'read-failed', message: 'cannot read not-there.html: no such file' });
  });

  it('a list that cannot be read, or --batch with a page or --url, is refused', async () => {
    const missing = await run(['inspect', '--batch', join(dir, 'no-list.txt')]);
    expect(missing.code).toBe(3);
    expect(missing.err).toBe(`provenance inspect: cannot read ${join(dir, 'no-list.txt')}: no such file`);
    const directory = await run(['inspect', '--batch', dir]);
    expect(directory.code).toBe(3);
    expect(directory.err).toBe(`provenance inspect: cannot read ${dir}: it is a directory`);
    const both = await run(['inspect', '--batch', '-', 'page.html'], '');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--batch reads the pages from its list: not with a page (page.html) too');
    const url = await run(['inspect', '--batch', '-', '--url', scraped], '');
    expect(url.code).toBe(2);
    expect(url.err).toContain("--url is one page's address: in a batch, give it on the line");
  });
});

describe('a saved page without --url', () => {
  it('is addressed by its absolute file: URL, also when given as a relative path with a space and a #', async () => {
    const folder = join(dir, 'saved pages #1');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'copy.html');
    await copyFile(fixtureFile(KIND_PAGES.scraped.url), file);
    const given = relative(process.cwd(), file);
    expect(given.startsWith('/')).toBe(false);
    const { code, out } = await run(['inspect', '--json', given]);
    expect(code).toBe(0);
    const record = JSON.parse(out) as { file: string; url: string };
    expect(record.file).toBe(given);
    expect(record.url).toBe(pathToFileURL(file).href);
    expect(record.url).toMatch(/^file:\/\/\/.*saved%20pages%20%231\/copy\.html$/);
  });
});
