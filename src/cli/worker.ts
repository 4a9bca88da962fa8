// Worker-process entry: runs the pipeline on one file at a time, so a hang or heap blow-up only
// costs the file at hand. It stays alive between files; the pool retires it after any failure.
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../model/errors.ts';
import type { ExtractOptions, ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, WorkerMessage, WorkerRequest, WorkerTask, WorkerUsage } from './worker-protocol.ts';

type Extract = (data: Uint8Array, options: ExtractOptions) => Promise<ExtractResult>;

const post = (message: WorkerMessage) => process.send!(message);

process.on('message', (request: WorkerRequest) => {
  void runTask(request.task);
});
// The pool is gone (it exited or was killed): nothing is left to do here.
process.on('disconnect', () => process.exit(0));

async function runTask(task: WorkerTask): Promise<void> {
  let peakHeapUsedBytes = 0;
  const sampleUsage = (): WorkerUsage => {
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, getHeapStatistics().used_heap_size);
    return { maxRssKb: process.resourceUsage().maxRSS, peakHeapUsedBytes };
  };
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
    post({ type: 'failed', error: describeFailure(task.file, error), usage: sampleUsage() });
  }
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

function describeFailure(file: string, error: unknown): FailureInfo {
  if (error instanceof InputError) return { kind: error.kind, message: error.message };
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: null, message: `${file}: unexpected error: ${text}` };
}
