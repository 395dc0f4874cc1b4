/**
 * Checking the files of a large data directory on several threads. Reading, parsing and
 * schema-checking the files (checkFile) is most of the validator's work and each file is
 * independent, so on a machine with two cores a national registry validates in about half the
 * time. The cross-file rules still run once, on the main thread, over all the results.
 *
 * The loader stays synchronous (the CLI, the build and the tests call it as a function): the
 * main thread checks files itself and, when it runs out, blocks on a shared counter
 * (Atomics.wait) and takes the workers' results with receiveMessageOnPort. Files are handed out
 * in small batches from a shared counter, so a slow thread never holds the others up, and a
 * worker that fails to start simply takes no batch. A batch a worker took but never finished
 * (the worker died) is checked by the main thread after WORKER_STALL_MS without progress: no
 * file is ever left unchecked.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { checkFile, type FileResult } from './dataset.ts';
import type { DataFileRef } from './layout.ts';

/**
 * Threads the CLI and the build use: all cores from four up, otherwise one. On the two-core
 * machine of the benchmarks (two hyperthreads of one core) a second thread made 20k accounts
 * no faster (5.5–5.8 s against 4.8–6.0 s on one thread) and cost 40 % more CPU.
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores >= 4 ? cores : 1;
}

/** Fewer files than this are checked on the main thread alone (a worker takes ~0.3 s to start). */
export const PARALLEL_MIN_FILES = 2000;
/** Files per batch handed to a thread. */
export const BATCH_SIZE = 200;
/** How long the main thread waits for a worker's batch without any progress before checking it itself. */
const WORKER_STALL_MS = 60_000;

/** Shared counters: the next batch to take, and the number of batches a worker finished. */
const NEXT = 0;
const DONE = 1;

/** A message from a worker: the results of one batch, or the batch it could not finish and why. */
export type WorkerMessage = { batch: number; results: FileResult[] } | { batch: number; error: string };

/** Checks `refs` on the main thread and up to `threads - 1` workers; results in the order of `refs`. */
export function checkFilesInParallel(refs: readonly DataFileRef[], threads: number): FileResult[] {
  const batches = Math.ceil(refs.length / BATCH_SIZE);
  const control = new Int32Array(new SharedArrayBuffer(8));
  const results: (FileResult[] | undefined)[] = new Array(batches);
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let i = 0; i < threads - 1; i++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(new URL('./check-worker.ts', import.meta.url), {
        // Plain Node (its own TypeScript stripping), not the parent's loaders: starts faster.
        execArgv: [],
        workerData: { refs, batchSize: BATCH_SIZE, control, port: port2 },
        transferList: [port2],
      });
      worker.unref();
      workers.push({ worker, port: port1 });
    } catch {
      port1.close();
      break; // no worker threads here: the main thread checks everything
    }
  }
  const run = (batch: number) => {
    const start = batch * BATCH_SIZE;
    results[batch] = refs.slice(start, start + BATCH_SIZE).map(checkFile);
  };
  const drain = () => {
    for (const { port } of workers) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as WorkerMessage;
        if ('results' in message) results[message.batch] ??= message.results;
        else if (message.batch >= 0 && message.batch < batches && !results[message.batch]) run(message.batch); // the worker failed: check it here
      }
    }
  };
  for (let batch = Atomics.add(control, NEXT, 1); batch < batches; batch = Atomics.add(control, NEXT, 1)) {
    run(batch);
    drain();
  }
  // Wait for the batches the workers took.
  let missing = results.findIndex((r) => r === undefined);
  let lastProgress = performance.now();
  while (missing >= 0) {
    const done = Atomics.load(control, DONE);
    Atomics.wait(control, DONE, done, 200);
    drain();
    const next = results.findIndex((r) => r === undefined);
    if (next !== missing || Atomics.load(control, DONE) !== done) lastProgress = performance.now();
    else if (performance.now() - lastProgress > WORKER_STALL_MS) {
      run(next); // a worker died holding this batch: check it here
      lastProgress = performance.now();
    }
    missing = results.findIndex((r) => r === undefined);
  }
  for (const { worker, port } of workers) {
    port.close();
    void worker.terminate();
  }
  return results.flat() as FileResult[];
}
