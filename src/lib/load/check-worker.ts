/**
 * Worker thread of parallel.ts: takes batches of files from the shared counter, checks each
 * file (checkFile) and posts the results. Never throws: a failure is posted as a message, and
 * a file that cannot be checked comes back as the problem that says so.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DataFileRef } from './layout.ts';
import type { WorkerMessage } from './parallel.ts';

const { refs, batchSize, control, port } = workerData as { refs: DataFileRef[]; batchSize: number; control: Int32Array; port: MessagePort };

let batch = -1;
try {
  const { checkFile } = await import('./dataset.ts');
  const batches = Math.ceil(refs.length / batchSize);
  for (batch = Atomics.add(control, 0, 1); batch < batches; batch = Atomics.add(control, 0, 1)) {
    const results = refs.slice(batch * batchSize, (batch + 1) * batchSize).map(checkFile);
    for (const result of results) delete result.positions;
    port.postMessage({ batch, results } satisfies WorkerMessage);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
} catch (error) {
  port.postMessage({ batch, error: String((error as Error)?.stack ?? error) } satisfies WorkerMessage);
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
}
port.close();
