// Worker-process entry: runs the pipeline on one file (or one part of a file's pages) at a time, so a
// hang or heap blow-up only costs the file at hand. It stays alive between files; the pool retires
// it after any failure. It imports only what its task needs: reading a part loads no later stage.
import { readFile } from 'node:fs/promises';
import { flushCompileCache } from 'node:module';
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../model/errors.ts';
import type { ExtractOptions, ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, Pipeline, WorkerMessage, WorkerOutput, WorkerRequest, WorkerUsage } from './worker-protocol.ts';

const post = (message: WorkerMessage) => process.send!(message);

/** The PDF this worker last read a part of: 'extract-parts' hashes it without reading the file again. */
let heldData: { file: string; data: Uint8Array } | null = null;

process.on('message', (request: WorkerRequest) => {
  void runRequest(request);
});
// The pool is gone (it exited or was killed): nothing is left to do here.
process.on('disconnect', () => process.exit(0));

async function runRequest(request: WorkerRequest): Promise<void> {
  const { task } = request;
  // Kept for the 'extract-parts' that may follow a part; whatever else comes next drops it.
  const held = request.type === 'extract-parts' ? heldData : null;
  heldData = null;
  let peakHeapUsedBytes = 0;
  const sampleUsage = (): WorkerUsage => {
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, getHeapStatistics().used_heap_size);
    return { maxRssKb: process.resourceUsage().maxRSS, peakHeapUsedBytes };
  };
  const options: ExtractOptions = {
    fileName: task.file,
    password: task.password,
    onPage: (done, total) => {
      sampleUsage();
      post({ type: 'progress', done, total });
    },
  };
  try {
    const pipeline = await importPipeline(task.extractorUrl);
    // Whatever the task will import is imported before it starts, so that its time limit counts work only.
    if (request.type !== 'load-part') await Promise.all([pipeline.importStages?.(), import('../emit/serialise.ts')]);
    post({ type: 'started' });
    if (request.type === 'run') {
      const result = await pipeline.extractEdition(await readInput(task.file), options);
      post({ type: 'done', output: await describeOutput(result), usage: sampleUsage() });
    } else if (request.type === 'load-part') {
      const data = await readInput(task.file);
      const doc = await pipeline.loadEditionPart(data, options, request.part);
      heldData = { file: task.file, data };
      post({ type: 'part-loaded', doc, usage: sampleUsage() });
      // The first worker done runs the later stages: it loads them while the other parts are read.
      void pipeline.importStages?.().catch(() => undefined);
    } else {
      const data = held?.file === task.file ? held.data : await readInput(task.file);
      const run = { startedAt: new Date(request.startedAt), loadMs: request.loadMs };
      const result = await pipeline.extractLoadedEdition(data, request.parts, options, run);
      post({ type: 'done', output: await describeOutput(result), usage: sampleUsage() });
    }
  } catch (error) {
    heldData = null;
    post({ type: 'failed', error: describeFailure(task.file, error), usage: sampleUsage() });
  }
}

const pipelines = new Map<string, Promise<Pipeline>>();

function importPipeline(url: string): Promise<Pipeline> {
  let pipeline = pipelines.get(url);
  if (!pipeline) {
    pipeline = import(url) as Promise<Pipeline>;
    // The pool kills idle workers, so the compile cache is saved now rather than at exit.
    void pipeline.then(() => flushCompileCache(), () => undefined);
    pipelines.set(url, pipeline);
  }
  return pipeline;
}

/** Serialised here, so that the main process needs no schema, and sends two strings instead of a tree. */
async function describeOutput({ dataset, report }: ExtractResult): Promise<WorkerOutput> {
  const { serialiseDataset, serialiseReport } = await import('../emit/serialise.ts');
  return {
    datasetJson: serialiseDataset(dataset),
    reportJson: serialiseReport(report),
    cards: dataset.cards.length,
    warnings: dataset.diagnostics.filter((d) => d.severity === 'warning').length,
    errors: dataset.diagnostics.filter((d) => d.severity === 'error').length,
    pageCount: dataset.source.pageCount,
  };
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
