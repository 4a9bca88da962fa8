// Worker-thread entry: runs the pipeline on one file so a hang or heap blow-up only costs that file.
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/errors.ts';
import type { ExtractOptions, ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, WorkerMessage, WorkerTask, WorkerUsage } from './worker-protocol.ts';

type Extract = (data: Uint8Array, options: ExtractOptions) => Promise<ExtractResult>;

const task = workerData as WorkerTask;
let peakHeapUsedBytes = 0;

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function sampleUsage(): WorkerUsage {
  peakHeapUsedBytes = Math.max(peakHeapUsedBytes, getHeapStatistics().used_heap_size);
  return { maxRssKb: process.resourceUsage().maxRSS, peakHeapUsedBytes };
}

try {
  const { extractEdition } = (await import(task.extractorUrl)) as { extractEdition: Extract };
  const data = await readInput(task.file);
  const result = await extractEdition(data, {
    fileName: task.file,
    password: task.password,
    onPage: (done, total) => {
      sampleUsage();
      post({ type: 'progress', done, total });
    },
  });
  post({ type: 'done', result, usage: sampleUsage() });
} catch (error) {
  post({ type: 'failed', error: describeFailure(error), usage: sampleUsage() });
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code ?? String(error)})`;
    throw new InputError('not-found', `${file}: ${reason}`, { cause: error });
  }
}

function describeFailure(error: unknown): FailureInfo {
  if (error instanceof InputError) return { kind: error.kind, message: error.message };
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: null, message: `${task.file}: unexpected error: ${text}` };
}
