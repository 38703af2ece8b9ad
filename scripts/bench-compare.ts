/**
 * Benchmark of the text comparison on two 10,000-word articles.
 * Prints numbers only; run with `npx tsx scripts/bench-compare.ts`.
 * Budget from the design: comparing two such articles within 20 ms.
 */
import { compareHeadlines, compareTexts, textFingerprint } from '../core/compare';

const WORDS =
  'the a of and to in on for with as by at from that this which after before while during government officials said minister president talks peace war ukraine russia united states allies security council meeting week talks agreement sanctions economy markets prices inflation bank rates energy gas oil exports farmers tariffs trade court ruling judge police city mayor residents storm flood fire rescue hospital health vaccine study researchers university students school teachers election vote party campaign candidate polls senate house bill law budget tax spending military troops border refugees aid humanitarian crisis talks ceasefire negotiations leaders summit conference press statement report analysis data percent million billion year month day morning evening local national international global climate weather season team game season coach players fans stadium record company shares investors profit revenue workers union strike technology internet data privacy users platform social media'.split(
    ' ',
  );

/** Mulberry32: tiny seeded PRNG so every run benchmarks the same text. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function article(seed: number, wordCount: number): string {
  const random = mulberry32(seed);
  const words: string[] = [];
  for (let index = 0; index < wordCount; index += 1) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'news';
    words.push(index % 17 === 0 ? `${word[0]?.toUpperCase()}${word.slice(1)}` : word);
    if (index % 17 === 16) words[words.length - 1] += '.';
  }
  return words.join(' ');
}

/** A copy that keeps 60% of the original's sentences verbatim and replaces the rest. */
function partialCopy(original: string, seed: number): string {
  const random = mulberry32(seed);
  const sentences = original.split('. ');
  const replacement = article(seed + 1, original.split(' ').length).split('. ');
  return sentences.map((sentence, index) => (random() < 0.6 ? sentence : (replacement[index] ?? sentence))).join('. ');
}

function time(label: string, runs: number, action: () => unknown): void {
  for (let warm = 0; warm < 5; warm += 1) action();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    action();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  console.log(`${label.padEnd(44)} median ${at(0.5).toFixed(2).padStart(6)} ms   p95 ${at(0.95).toFixed(2).padStart(6)} ms`);
}

const RUNS = 30;
const original = article(1, 10_000);
const page = partialCopy(original, 2);
const originalFingerprint = textFingerprint(original);
const pageFingerprint = textFingerprint(page);

console.log(`two articles of ${original.split(' ').length} and ${page.split(' ').length} words, ${RUNS} runs each`);
time('compareTexts(text, text)', RUNS, () => compareTexts(page, original));
time('textFingerprint(text)', RUNS, () => textFingerprint(original));
time('compareTexts(text, fingerprint)', RUNS, () => compareTexts(page, originalFingerprint));
time('compareTexts(fingerprint, text)', RUNS, () => compareTexts(pageFingerprint, original));
time('compareTexts(fingerprint, fingerprint)', RUNS, () => compareTexts(pageFingerprint, originalFingerprint));
time('compareHeadlines (running example)', RUNS, () =>
  compareHeadlines(
    'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post',
    'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
  ),
);

const exact = compareTexts(page, original);
const estimated = compareTexts(page, originalFingerprint);
console.log(
  `fingerprint: ${originalFingerprint.hashGaps.length} hashes of ${originalFingerprint.shingleCount} shingles, ${JSON.stringify(originalFingerprint).length} bytes of JSON`,
);
console.log(`originalOnPage   text ${exact.originalOnPage?.toFixed(3)}  fingerprint ${estimated.originalOnPage?.toFixed(3)}`);
console.log(`pageFromOriginal text ${exact.pageFromOriginal?.toFixed(3)}  fingerprint ${estimated.pageFromOriginal?.toFixed(3)}`);
