/**
 * The real-page corpora the tests, the benchmarks and the accuracy report read,
 * kept in the repository (tests/corpus/<name>/pages.tar.xz, with their licence
 * files) and unpacked on first use into tests/corpus/.unpacked/<name>/ (ignored
 * by git). Nothing here reads a path outside the clone.
 *
 * - readability: 130 pages from Mozilla Readability's tests (Apache-2.0), each
 *   `<name>/source.html` + `<name>/expected-metadata.json`; `pages.json` gives
 *   each page's URL and syndication label.
 * - htmldate: 800 pages from htmldate's evaluation data (Apache-2.0),
 *   `pages/eval/<file>` and `pages/cache/<file>`; `labels.json` gives each
 *   page's URL, publication date and (on 208) a hand-read syndication label.
 *
 * A missing or broken archive is an error that names the file: a test never
 * passes by skipping its data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CorpusName = 'readability' | 'htmldate';

const corpusRoot = dirname(fileURLToPath(import.meta.url));
const unpackedRoot = join(corpusRoot, '.unpacked');

/** Where a corpus's own files (labels, licence, archive) are kept in the repository. */
export function corpusSourceDir(name: CorpusName): string {
  return join(corpusRoot, name);
}

/**
 * The unpacked pages of a corpus, unpacking its archive first when needed
 * (again when the archive changed). Throws with what is missing.
 */
export function unpackedCorpusDir(name: CorpusName): string {
  const archive = join(corpusSourceDir(name), 'pages.tar.xz');
  if (!existsSync(archive)) {
    throw new Error(`Corpus "${name}" is missing: ${archive} is not in this checkout (it is part of the repository; restore it with git).`);
  }
  const target = join(unpackedRoot, name);
  const stamp = join(target, '.unpacked-from');
  const { size, mtimeMs } = statSync(archive);
  const want = `${size}:${Math.round(mtimeMs)}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return target;

  // Unpack into a fresh folder beside the target, then rename: a run stopped
  // half-way leaves no half-filled corpus that a later run would trust.
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    execFileSync('tar', ['-xJf', archive, '-C', partial], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(`Corpus "${name}": could not unpack ${archive} (needs tar and xz, which scripts/setup.sh installs): ${detail}`);
  }
  writeFileSync(join(partial, '.unpacked-from'), want);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another process (a parallel test worker) unpacked it first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(stamp)) throw error;
  }
  return target;
}

export const repoRoot = resolve(corpusRoot, '../..');
