/**
 * A crawl worker thread: one parser and one engine, running the shards the main thread hands it
 * (crawl/run.ts), one at a time. Bundled as dist/crawl-worker.mjs beside the CLI (scripts/build-cli.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { runShard } from './shard';
import type { FromWorker, ToWorker } from './run';

const port = parentPort;
if (!port) throw new Error('crawl/worker.ts runs as a worker thread');

port.on('message', (job: ToWorker) => {
  const post = (message: FromWorker) => port.postMessage(message);
  runShard(job.shard, job.workDir, job.engineVersion, {
    maxPageBytes: job.maxPageBytes,
    progress: (counts, position) => post({ type: 'progress', shard: job.shard, counts, position }),
  }).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => post({ type: 'failed', shard: job.shard, message: (error as Error)?.message ?? String(error) }),
  );
});
