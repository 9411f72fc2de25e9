import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hasHan, makeIndexSegmenter } from '../../../core/text/segment';

/**
 * Chinese segmentation (Intl.Segmenter, about 1 µs per character) is most of the time a bulk
 * import spends indexing, and it needs no database: worker threads segment while the importing
 * thread writes rows and index entries. Only bulk indexing uses this (a pack import, the search
 * benchmark); a single record is indexed synchronously by upsertSearchDoc.
 *
 * The worker runs the source text of makeIndexSegmenter, so worker and upsertSearchDoc segment
 * with the same code, and no separate worker file has to be found in each bundle (Electron's
 * utility process, the browser host, tests).
 */

/** One thread is left for the caller, which writes while the workers segment. */
export const SEGMENT_WORKERS = Math.max(1, os.availableParallelism() - 1);

/** Documents per message to a worker: large enough that messaging costs little, small enough to start writing soon. */
const BATCH = 200;

type Request = { id: number; texts: string[] };
type Reply = { id: number; texts: string[] };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { segmentForIndex } = (${makeIndexSegmenter.toString()})();
parentPort.on('message', (request) => {
  parentPort.postMessage({ id: request.id, texts: request.texts.map(segmentForIndex) });
});
`;

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'id' in value && 'texts' in value && Array.isArray((value as Reply).texts);
}

export type TextPair = { title: string; body: string };

/**
 * segmentForIndex of every title and body, computed in worker threads: one promise per batch of
 * BATCH pairs, in order, so the caller can write each batch as it arrives while later ones are
 * still being segmented. Text without Chinese is returned as it is, without a trip to a worker.
 * The workers end when the last batch is done (or one fails).
 */
export function segmentInWorkers(pairs: readonly TextPair[], workerCount = SEGMENT_WORKERS): Promise<TextPair[]>[] {
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (texts: string[]) => void; reject: (error: Error) => void }>();
  const stop = (): void => {
    for (const w of workers) void w.terminate();
  };
  const fail = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    stop();
  };
  const start = (): Worker => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (reply: unknown) => {
      if (!isReply(reply)) return fail(new Error('a segmentation worker sent an unexpected message'));
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve(reply.texts);
      if (pending.size === 0) stop();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`a segmentation worker stopped (exit code ${code}) before finishing`));
    });
    workers.push(worker);
    return worker;
  };

  const batches: Promise<TextPair[]>[] = [];
  for (let from = 0, id = 0; from < pairs.length; from += BATCH, id++) {
    const batch = pairs.slice(from, from + BATCH);
    // Only texts with Chinese go to a worker; their places are remembered to put the results back.
    const places: number[] = [];
    const texts: string[] = [];
    batch.forEach((pair, i) => {
      if (hasHan(pair.title)) {
        places.push(2 * i);
        texts.push(pair.title);
      }
      if (hasHan(pair.body)) {
        places.push(2 * i + 1);
        texts.push(pair.body);
      }
    });
    if (texts.length === 0) {
      batches.push(Promise.resolve(batch.map((p) => ({ title: p.title, body: p.body }))));
      continue;
    }
    const worker = (workers.length < workerCount ? undefined : workers[id % workers.length]) ?? start();
    const done = new Promise<string[]>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, texts } satisfies Request);
    const result = done.then((segmented) => {
      if (segmented.length !== texts.length) throw new Error(`a segmentation worker returned ${segmented.length} texts for ${texts.length}`);
      const out = batch.map((p) => ({ title: p.title, body: p.body }));
      places.forEach((place, k) => {
        const pair = out[place >> 1];
        if (pair) pair[place % 2 === 0 ? 'title' : 'body'] = segmented[k] ?? '';
      });
      return out;
    });
    // A caller that stops at the first failed batch must not leave the others' rejections unhandled.
    result.catch(() => undefined);
    batches.push(result);
  }
  if (pending.size === 0) stop();
  return batches;
}
