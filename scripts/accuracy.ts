/**
 * Accuracy report: the engine beside Mozilla Readability and metascraper on
 * the same real pages (tests/corpus: readability, htmldate), field by field —
 * headline, author, publish date (to the day, as the page wrote it), site name,
 * syndication (the engine only: the peers do not detect it) — then every page
 * the engine gets wrong. Reports figures; never fails on them.
 *
 *   npm run accuracy [-- --corpus readability|htmldate] [--field headline|author|date|site|syndication]
 *                    [--json out.json] [--no-peers] [--jobs N]
 *
 * Pages are read as a browser decodes them (core/decode.ts) and parsed with
 * linkedom; Readability runs on the engine's document after it (the engine only
 * reads the DOM), metascraper on the HTML text. The pages are shared out to
 * child processes (--jobs, default: up to 2; worker threads would not get tsx's
 * loader on Node 20); each works through its share in sequence. A peer that
 * throws on a page has no answer there.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import { kindEnglish } from '../core/kind-text';
import { detect } from '../core/detect';
import type { Provenance } from '../core/types';
import { clip } from '../core/text';
import type { CorpusName } from '../tests/corpus/corpus';
import { dayAsWritten, dayAsWrittenOnPage, sameAuthor, sameHeadline, sameOutlet } from '../tests/corpus/compare';
import { htmldateIndex, readabilityIndex, readCorpusPage } from '../tests/unit/corpus-helpers';

// Date strings without a zone are read as local time by Date.parse (metascraper
// does so): in UTC their day stays the day the page wrote, on any machine.
process.env.TZ = 'UTC';

const FIELDS = ['headline', 'author', 'date', 'site', 'syndication'] as const;
type Field = (typeof FIELDS)[number];
const SYSTEMS = ['engine', 'readability', 'metascraper'] as const;
type System = (typeof SYSTEMS)[number];
const SYSTEM_LABEL: Record<System, string> = { engine: 'engine', readability: 'Readability', metascraper: 'metascraper' };

/** What a system answered on one page, in its own words (null: no answer). */
interface Answer {
  headline: string | null;
  author: string | null;
  /** The date as the system gave it. */
  date: string | null;
  /** Its calendar day as the page wrote it (see dayOf). */
  day: string | null;
  /** metascraper only: the UTC day of its answer. */
  utcDay?: string | null;
  site: string | null;
  /** The engine only. */
  syndicated?: boolean;
  /** The kind of copy (core/kind.ts) and its words, the engine only. */
  kind?: string | null;
  kindText?: string | null;
  originalPublisher?: string | null;
  signals?: string[];
  error?: string;
  /** CPU time it took on the page. */
  ms: number;
}

interface PageRun {
  name: string;
  engine: Answer;
  readability?: Answer;
  metascraper?: Answer;
}

/** A page and its labels; undefined = the corpus has no label for that field on this page. */
interface Labelled {
  name: string;
  url: string;
  file: string;
  headline?: string;
  author?: string;
  day?: string;
  dayText?: string;
  site?: string;
  syndicated?: boolean;
  originalPublisher?: string;
  evidence?: string;
}

interface WorkerInput {
  corpus: CorpusName;
  pages: { name: string; url: string; file: string }[];
  peers: boolean;
}

const NO_ANSWER = { headline: null, author: null, date: null, day: null, site: null };

// ─── worker: run the three systems on a share of the pages ─────────────────

async function runShare({ corpus, pages, peers }: WorkerInput): Promise<PageRun[]> {
  const metascraper = peers ? createMetascraper([metascraperTitle(), metascraperAuthor(), metascraperDate(), metascraperPublisher()]) : null;
  const runs: PageRun[] = [];
  for (const page of pages) {
    let html: string;
    let document: ReturnType<typeof parseHTML>['document'];
    try {
      html = readCorpusPage(corpus, page.file);
      ({ document } = parseHTML(html));
    } catch (error) {
      // A page that cannot be read or parsed: no answer from anyone, and the run goes on.
      const none = failed(error, cpuNow());
      runs.push({ name: page.name, engine: none, ...(peers ? { readability: none, metascraper: none } : {}) });
      continue;
    }
    const run: PageRun = { name: page.name, engine: runEngine(document as unknown as Document, page.url) };
    if (peers) {
      run.readability = runReadability(document as unknown as Document);
      run.metascraper = await runMetascraper(metascraper!, html, page.url);
    }
    runs.push(run);
  }
  return runs;
}

/** CPU milliseconds this process has used: a page's cost, whatever else the machine is running. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function failed(error: unknown, started: number): Answer {
  return { ...NO_ANSWER, error: String((error as Error)?.message ?? error).slice(0, 200), ms: cpuNow() - started };
}

function runEngine(document: Document, url: string): Answer {
  const started = cpuNow();
  try {
    const record = detect(document, url);
    const ms = cpuNow() - started;
    return {
      headline: record.page.headline,
      author: record.page.author,
      date: record.page.publishedAt,
      // ISO 8601 with the page's own offset, or none: its first ten characters are the day as written.
      day: dayAsWritten(record.page.publishedAt),
      site: record.page.siteName,
      syndicated: record.syndicated,
      kind: record.kind,
      kindText: kindLine(record),
      originalPublisher: record.original?.publisher ?? null,
      signals: record.signals.filter((s) => s.weight > 0).map((s) => `${s.kind}: ${s.detail}`),
      ms,
    };
  } catch (error) {
    return failed(error, started);
  }
}

function kindLine(record: Provenance): string | null {
  const words = kindEnglish(record);
  return words ? [words.label, words.detail].filter(Boolean).join(' · ') : null;
}

function runReadability(document: Document): Answer {
  const started = cpuNow();
  try {
    // parse() changes the document: it runs after the engine, which only reads it.
    const article = new Readability(document).parse();
    const ms = cpuNow() - started;
    if (!article) return { ...NO_ANSWER, ms };
    // publishedTime is the page's string as written (meta or JSON-LD).
    return {
      headline: article.title || null,
      author: article.byline || null,
      date: article.publishedTime || null,
      day: dayAsWritten(article.publishedTime),
      site: article.siteName || null,
      ms,
    };
  } catch (error) {
    return failed(error, started);
  }
}

async function runMetascraper(metascraper: ReturnType<typeof createMetascraper>, html: string, url: string): Promise<Answer> {
  const started = cpuNow();
  try {
    // Its URL check refuses the corpus's placeholder addresses (https://example.test/…): the HTML is what it reads.
    const data = await metascraper({ html, url, validateUrl: false });
    const ms = cpuNow() - started;
    const date = data.date || null;
    return {
      headline: data.title || null,
      author: data.author || null,
      date,
      // metascraper answers new Date(value).toISOString(): UTC, which can move the day. The report
      // scores its dates both ways — the UTC day, and the day the page wrote for that instant — and shows the better.
      day: dayAsWrittenOnPage(date, html),
      utcDay: date ? date.slice(0, 10) : null,
      site: data.publisher || null,
      ms,
    };
  } catch (error) {
    return failed(error, started);
  }
}

/** Set in the child processes that run a share of the pages. */
const IS_WORKER = process.env.PROVENANCE_ACCURACY_WORKER === '1';

if (IS_WORKER) {
  process.once('message', (input: WorkerInput) => {
    void runShare(input).then(
      (runs) => process.send!({ runs }, () => process.exit(0)),
      (error: unknown) => process.send!({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1)),
    );
  });
}

// ─── main: labels, scoring, the report ─────────────────────────────────────

interface Options {
  corpora: CorpusName[];
  field: Field | null;
  json: string | null;
  peers: boolean;
  jobs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    corpora: ['readability', 'htmldate'],
    field: null,
    json: null,
    peers: true,
    jobs: Math.max(1, Math.min(2, availableParallelism())),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--corpus') {
      const name = value();
      if (name !== 'readability' && name !== 'htmldate') usage(`unknown corpus "${name}"`);
      options.corpora = [name as CorpusName];
    } else if (flag === '--field') {
      const name = value();
      if (!(FIELDS as readonly string[]).includes(name)) usage(`unknown field "${name}"`);
      options.field = name as Field;
    } else if (flag === '--json') options.json = value();
    else if (flag === '--no-peers') options.peers = false;
    else if (flag === '--jobs') options.jobs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (flag === '--help' || flag === '-h') usage(null);
    else usage(`unknown option "${flag}"`);
  }
  // The peers detect no syndication: nothing to run them for.
  if (options.field === 'syndication') options.peers = false;
  return options;
}

function usage(problem: string | null): never {
  if (problem) console.error(problem);
  console.error(
    'usage: npm run accuracy -- [--corpus readability|htmldate] [--field headline|author|date|site|syndication] [--json out.json] [--no-peers] [--jobs N]',
  );
  process.exit(problem ? 2 : 0);
}

function labelsOf(corpus: CorpusName): Labelled[] {
  if (corpus === 'readability') {
    return readabilityIndex().map((entry) => ({
      name: entry.name,
      url: entry.url,
      file: entry.file,
      headline: entry.expected.title || undefined,
      author: entry.expected.byline || undefined,
      day: dayAsWritten(entry.expected.publishedTime) ?? undefined,
      dayText: entry.expected.publishedTime || undefined,
      site: entry.expected.siteName || undefined,
      syndicated: entry.syndicated,
      originalPublisher: entry.originalPublisher,
      evidence: entry.evidence,
    }));
  }
  return htmldateIndex().map((entry) => ({
    name: entry.name,
    url: entry.url,
    file: entry.file,
    day: entry.date,
    dayText: entry.date,
    syndicated: entry.syndicated,
    originalPublisher: entry.originalPublisher,
    evidence: entry.evidence,
  }));
}

async function runCorpus(corpus: CorpusName, pages: Labelled[], options: Options): Promise<Map<string, PageRun>> {
  const jobs = Math.min(options.jobs, pages.length);
  const shares = Array.from({ length: jobs }, (_, j) => pages.filter((_, i) => i % jobs === j).map(({ name, url, file }) => ({ name, url, file })));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<PageRun[]>((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), [], {
            env: { ...process.env, PROVENANCE_ACCURACY_WORKER: '1' },
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
          let answered = false;
          child.once('message', (message: { runs?: PageRun[]; error?: string }) => {
            answered = true;
            if (message.runs) resolve(message.runs);
            else reject(new Error(message.error));
          });
          child.once('error', reject);
          child.once('exit', (code) => !answered && reject(new Error(`a worker process stopped with code ${code} before answering`)));
          child.send({ corpus, pages: share, peers: options.peers } satisfies WorkerInput);
        }),
    ),
  );
  return new Map(results.flat().map((run) => [run.name, run]));
}

interface Ratio {
  hits: number;
  of: number;
}
const pct = (r: Ratio | null) => (r === null ? '' : r.of === 0 ? `– (0/0)` : `${((100 * r.hits) / r.of).toFixed(1)} % (${r.hits}/${r.of})`);

interface Scores {
  headline: Ratio | null;
  author: Ratio | null;
  dateRight: Ratio | null;
  dateWrong: Ratio | null;
  dateAnswered: Ratio | null;
  site: Ratio | null;
  precision: Ratio | null;
  recall: Ratio | null;
  publisher: Ratio | null;
  /** metascraper: how its dates were scored ("UTC day" or "day as written"), with the other way's figure. */
  dateNote?: string;
  errors: number;
}

function ratio(pages: Labelled[], has: (p: Labelled) => boolean, hit: (p: Labelled) => boolean): Ratio | null {
  const labelled = pages.filter(has);
  return labelled.length ? { hits: labelled.filter(hit).length, of: labelled.length } : null;
}

function score(system: System, pages: Labelled[], runs: Map<string, PageRun>): Scores {
  const answer = (p: Labelled) => runs.get(p.name)?.[system];
  const dated = (p: Labelled) => p.day !== undefined;
  const dayScores = (dayOf: (a: Answer) => string | null | undefined) => ({
    right: ratio(pages, dated, (p) => {
      const a = answer(p);
      return !!a && dayOf(a) === p.day;
    }),
    wrong: ratio(pages, dated, (p) => {
      const a = answer(p);
      return !!a?.date && dayOf(a) !== p.day;
    }),
  });
  let days = dayScores((a) => a.day);
  let dateNote: string | undefined;
  if (system === 'metascraper') {
    const utc = dayScores((a) => a.utcDay);
    const better = (utc.right?.hits ?? 0) > (days.right?.hits ?? 0);
    dateNote = better
      ? `metascraper's dates scored by their UTC day (day as written on the page: ${pct(days.right)})`
      : `metascraper's dates scored by the day the page wrote for the same instant (UTC day: ${pct(utc.right)})`;
    if (better) days = utc;
  }
  const synd = (p: Labelled) => p.syndicated !== undefined;
  const flagged = (p: Labelled) => !!runs.get(p.name)?.engine.syndicated;
  const isEngine = system === 'engine';
  return {
    headline: ratio(
      pages,
      (p) => p.headline !== undefined,
      (p) => sameHeadline(answer(p)?.headline, p.headline!),
    ),
    author: ratio(
      pages,
      (p) => p.author !== undefined,
      (p) => sameAuthor(answer(p)?.author, p.author!),
    ),
    dateRight: days.right,
    dateWrong: days.wrong,
    dateAnswered: ratio(pages, dated, (p) => !!answer(p)?.date),
    site: ratio(
      pages,
      (p) => p.site !== undefined,
      (p) => sameOutlet(answer(p)?.site, p.site!),
    ),
    precision: isEngine
      ? ratio(
          pages,
          (p) => synd(p) && flagged(p),
          (p) => p.syndicated === true,
        )
      : null,
    recall: isEngine ? ratio(pages, (p) => p.syndicated === true, flagged) : null,
    publisher: isEngine
      ? ratio(
          pages,
          (p) => p.syndicated === true,
          (p) => flagged(p) && sameOutlet(runs.get(p.name)?.engine.originalPublisher, p.originalPublisher ?? ''),
        )
      : null,
    dateNote,
    errors: pages.filter((p) => answer(p)?.error).length,
  };
}

const ROWS: { field: Field; label: string; key: keyof Omit<Scores, 'dateNote' | 'errors'>; peers: boolean }[] = [
  { field: 'headline', label: 'headline exact', key: 'headline', peers: true },
  { field: 'author', label: 'author', key: 'author', peers: true },
  { field: 'date', label: 'publish date: right day', key: 'dateRight', peers: true },
  { field: 'date', label: 'publish date: wrong day', key: 'dateWrong', peers: true },
  { field: 'date', label: 'publish date: answered', key: 'dateAnswered', peers: true },
  { field: 'site', label: 'site name', key: 'site', peers: true },
  { field: 'syndication', label: 'syndication: precision', key: 'precision', peers: false },
  { field: 'syndication', label: 'syndication: recall', key: 'recall', peers: false },
  { field: 'syndication', label: 'original publisher named right', key: 'publisher', peers: false },
];

function hasLabels(pages: Labelled[], field: Field): boolean {
  const key = ({ headline: 'headline', author: 'author', date: 'day', site: 'site', syndication: 'syndicated' } as const)[field];
  return pages.some((p) => p[key] !== undefined);
}

function table(corpus: CorpusName, pages: Labelled[], scores: Partial<Record<System, Scores>>, options: Options): string[] {
  const systems = SYSTEMS.filter((s) => scores[s]);
  const width = [34, 24];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(width[0]!) : c.padEnd(width[1]!)))
      .join('')
      .trimEnd();
  const out = [
    line([`${corpus} corpus (${pages.length} pages)`, ...systems.map((s) => SYSTEM_LABEL[s])]),
    '─'.repeat(width[0]! + width[1]! * systems.length),
  ];
  for (const row of ROWS) {
    if (options.field && row.field !== options.field) continue;
    if (!hasLabels(pages, row.field)) {
      out.push(line([row.label, 'n/a (no labels)', ...systems.slice(1).map(() => 'n/a')]));
      continue;
    }
    // Precision has no pages to count when the engine flagged none.
    const cell = (s: System) => (s !== 'engine' && !row.peers ? '–' : pct(scores[s]![row.key]) || '– (none flagged)');
    out.push(line([row.label, ...systems.map(cell)]));
  }
  for (const s of systems) {
    const note = scores[s]!.dateNote;
    if (note && (!options.field || options.field === 'date')) out.push(`  note: ${note}`);
    if (scores[s]!.errors) out.push(`  note: ${SYSTEM_LABEL[s]} threw on ${scores[s]!.errors} page(s), counted as no answer`);
  }
  if (corpus === 'readability' && scores.readability)
    out.push(
      "  note: this corpus's expected metadata is Readability's own output (under jsdom): its column there measures linkedom against jsdom, not accuracy",
    );
  return out;
}

const quote = (text: string | null | undefined) => (text ? `"${clip(text, 120)}"` : '—');

function misses(pages: Labelled[], runs: Map<string, PageRun>, options: Options): string[] {
  const out: string[] = [];
  const section = (field: Field, title: string, lines: string[]) => {
    if (options.field && options.field !== field) return;
    out.push('', `${title}: ${lines.length}`, ...lines.map((l) => `  ${l}`));
  };
  const engine = (p: Labelled) => runs.get(p.name)!.engine;
  const errors = pages.filter((p) => engine(p).error).map((p) => `${p.name}: ${engine(p).error}`);
  if (errors.length) out.push('', `engine threw: ${errors.length}`, ...errors.map((l) => `  ${l}`));

  if (pages.some((p) => p.headline !== undefined))
    section(
      'headline',
      'headline wrong',
      pages
        .filter((p) => p.headline !== undefined && !sameHeadline(engine(p).headline, p.headline))
        .map((p) => `${p.name}: ${quote(engine(p).headline)} ≠ ${quote(p.headline)}`),
    );
  if (pages.some((p) => p.author !== undefined))
    section(
      'author',
      'author wrong',
      pages
        .filter((p) => p.author !== undefined && !sameAuthor(engine(p).author, p.author))
        .map((p) => `${p.name}: ${quote(engine(p).author)} ≠ ${quote(p.author)}`),
    );
  const dated = pages.filter((p) => p.day !== undefined);
  section(
    'date',
    'publish date wrong day',
    dated
      .filter((p) => engine(p).date && engine(p).day !== p.day)
      .map(
        (p) =>
          `${p.name}: ${engine(p).date}${engine(p).date!.length > 10 ? ` (day ${engine(p).day ?? '?'})` : ''} ≠ ${p.dayText === p.day ? p.day : `${p.dayText} (day ${p.day})`}`,
      ),
  );
  section(
    'date',
    'publish date not found',
    dated.filter((p) => !engine(p).date).map((p) => `${p.name}: — (expected ${p.day})`),
  );
  if (pages.some((p) => p.site !== undefined))
    section(
      'site',
      'site name wrong',
      pages
        .filter((p) => p.site !== undefined && !sameOutlet(engine(p).site, p.site))
        .map((p) => `${p.name}: ${quote(engine(p).site)} ≠ ${quote(p.site)}`),
    );

  const labelled = pages.filter((p) => p.syndicated !== undefined);
  const evidence = (p: Labelled) => (p.evidence ? clip(p.evidence, 100) : '(no evidence text)');
  const signals = (p: Labelled) => clip((engine(p).signals ?? []).join('; ') || '(no signal)', 160);
  section(
    'syndication',
    'syndication false positives',
    labelled.filter((p) => !p.syndicated && engine(p).syndicated).map((p) => `${p.name}: engine: ${signals(p)}\n      label: ${evidence(p)}`),
  );
  section(
    'syndication',
    'syndication false negatives',
    labelled
      .filter((p) => p.syndicated && !engine(p).syndicated)
      .map((p) => `${p.name}: original ${quote(p.originalPublisher)}\n      label: ${evidence(p)}`),
  );
  // The kind of copy on every labelled copy (the labels do not name kinds: read them beside the evidence).
  const caught = labelled.filter((p) => p.syndicated || engine(p).kind);
  const counts = new Map<string, number>();
  for (const p of caught) counts.set(engine(p).kind ?? 'none', (counts.get(engine(p).kind ?? 'none') ?? 0) + 1);
  section(
    'syndication',
    `kind of copy (${
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none'
    })`,
    caught.map(
      (p) => `${p.name}: ${engine(p).kind ?? 'none'} — ${engine(p).kindText ?? '(not a copy)'}${p.syndicated ? '' : ' [labelled not syndicated]'}`,
    ),
  );
  section(
    'syndication',
    'original publisher wrong (page caught)',
    labelled
      .filter((p) => p.syndicated && engine(p).syndicated && !sameOutlet(engine(p).originalPublisher, p.originalPublisher ?? ''))
      .map((p) => `${p.name}: ${quote(engine(p).originalPublisher)} ≠ ${quote(p.originalPublisher)}`),
  );
  return out;
}

function perPage(pages: Labelled[], runs: Map<string, PageRun>, systems: System[]): unknown[] {
  return pages.map((p) => {
    const run = runs.get(p.name)!;
    const systemsOut: Record<string, unknown> = {};
    for (const s of systems) {
      const a = run[s];
      if (!a) continue;
      // Without the times, so that two runs' files differ only where the answers do.
      const { ms: _ms, ...answer } = a;
      systemsOut[s] = {
        ...answer,
        ok: {
          headline: p.headline !== undefined ? sameHeadline(a.headline, p.headline) : null,
          author: p.author !== undefined ? sameAuthor(a.author, p.author) : null,
          date: p.day !== undefined ? a.day === p.day : null,
          dateUtc: s === 'metascraper' && p.day !== undefined ? a.utcDay === p.day : undefined,
          site: p.site !== undefined ? sameOutlet(a.site, p.site) : null,
          syndicated: s === 'engine' && p.syndicated !== undefined ? a.syndicated === p.syndicated : undefined,
          originalPublisher:
            s === 'engine' && p.syndicated ? !!a.syndicated && sameOutlet(a.originalPublisher, p.originalPublisher ?? '') : undefined,
        },
      };
    }
    const { file, ...labels } = p;
    return { ...labels, file, ...systemsOut };
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const report: Record<string, unknown> = {};
  const timings: string[] = [];
  for (const corpus of options.corpora) {
    const corpusStarted = performance.now();
    const pages = labelsOf(corpus);
    const runs = await runCorpus(corpus, pages, options);
    const systems = SYSTEMS.filter((s) => s === 'engine' || options.peers);
    const scores = Object.fromEntries(systems.map((s) => [s, score(s, pages, runs)])) as Partial<Record<System, Scores>>;
    console.log('');
    for (const line of table(corpus, pages, scores, options)) console.log(line);
    console.log('');
    console.log(`Pages the engine gets wrong (${corpus}):`);
    for (const line of misses(pages, runs, options)) console.log(line);
    console.log('');
    const cpu = systems
      .map((s) => `${SYSTEM_LABEL[s]} ${([...runs.values()].reduce((sum, r) => sum + (r[s]?.ms ?? 0), 0) / 1000).toFixed(1)} s`)
      .join(', ');
    timings.push(`${corpus}: ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s (CPU time: ${cpu})`);
    report[corpus] = { scores, pages: perPage(pages, runs, systems) };
  }
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), options: { ...options }, corpora: report }, null, 1)}\n`);
    console.log(`per-page results written to ${options.json}`);
  }
  console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s on ${options.jobs} worker process(es): ${timings.join('; ')}`);
}

if (!IS_WORKER) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
