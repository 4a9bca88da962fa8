// The main process of a run only dispatches: it reads no PDF and imports no stage (review page and
// data package are imported when asked for); workers extract, this process writes the outputs.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { probeOutputDir, writeOutputs } from '../emit/write-outputs.ts';
import { INPUT_ERROR_KINDS, InputError, type InputErrorKind } from '../model/errors.ts';
import type { Dataset } from '../validate/schema.ts';
import { UNEXPECTED_EXIT_CODE } from './args.ts';
import type { InputEntry } from './resolve-inputs.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';
import { PIPELINE_URL, type WorkerUsage } from './worker-protocol.ts';

export interface BatchOptions {
  outDir: string;
  jobs: number;
  password: string | undefined;
  timeoutSeconds: number;
  maxMemoryMb: number;
  review?: boolean;
  csv?: boolean;
  /** Module exporting the pipeline's entry points; defaults to the real pipeline. */
  extractorUrl?: string;
}

export type FileOutcome =
  | {
      ok: true;
      file: string;
      datasetPath: string;
      reportPath: string;
      cards: number;
      warnings: number;
      errors: number;
      pageCount: number;
      elapsedMs: number;
      usage: WorkerUsage | null;
    }
  | { ok: false; file: string; kind: InputErrorKind | null; message: string; elapsedMs: number; usage: WorkerUsage | null };

export interface BatchEvents {
  onStart?: (file: string) => void;
  onProgress?: (file: string, done: number, total: number) => void;
  onFinish?: (outcome: FileOutcome) => void;
}

/** `input/x.pdf` → `x`: the name of the file's outputs. */
export function outputBaseName(file: string): string {
  return path.basename(file).replace(/\.pdf$/i, '');
}

/**
 * How many worker processes read one file: the workers the batch leaves idle are shared among its
 * files (one file with --jobs 2: two parts), so no core waits while a long file runs alone; with at
 * least as many files as jobs, one worker per file, which the measurements found faster (a part
 * costs its process one more opening of the PDF). A short file gets fewer readers (see countReaders).
 */
export function partsPerFile(files: number, jobs: number): number {
  return files === 0 ? 1 : Math.max(1, Math.floor(jobs / files));
}

/**
 * Runs every file of the batch, at most `jobs` worker processes at a time; outputs are written by
 * this process once a worker has succeeded. Outcomes come back in input order.
 */
export async function runBatch(entries: readonly InputEntry[], options: BatchOptions, events: BatchEvents = {}): Promise<FileOutcome[]> {
  const unwritableReason = entries.some((e) => e.kind === 'file') ? await probeOutputDir(options.outDir) : null;
  const rejections = findRejections(entries, options.outDir, unwritableReason);
  const jobs = Math.max(1, options.jobs);
  const files = rejections.filter((r) => r === null).length;
  const parts = partsPerFile(files, jobs);
  // With parts > 1 every file runs at once (files × parts ≤ jobs); otherwise `jobs` files at a time.
  const limit = pLimit(jobs);
  const parallel = Math.min(jobs, files * parts);
  const pool = createWorkerPool({
    timeoutMs: options.timeoutSeconds * 1000,
    maxMemoryMb: options.maxMemoryMb,
    // When the workers alone fill every core, V8's helper threads (concurrent GC, compilers) only
    // fight them for the cores: one helper each ran a batch of 8 on 2 cores 14 % faster than one per
    // core, and kept a worker near 245 MB where none at all let its heap grow to 300 MB (measured).
    singleThreaded: parallel >= availableParallelism(),
  });
  let dispatched = 0;
  try {
    return await Promise.all(
      entries.map((entry, i) => {
        const rejection = rejections[i];
        if (rejection) return report(events, failure(entry.file, rejection));
        return limit(async () => {
          // The pool takes this file's workers before runFile first waits: once the last file has
          // them, the others can go as soon as they are idle (their exit overlaps the work left).
          const outcome = runFile(pool, entry.file, parts, options, events);
          if (++dispatched === files) pool.retireWhenIdle();
          return report(events, await outcome);
        });
      }),
    );
  } finally {
    // The run is over: its user need not wait while the system frees the workers' memory.
    await pool.close({ waitForExit: false });
  }
}

/** Entries refused before any extraction: unusable paths, an unwritable output, clashing output names. */
function findRejections(entries: readonly InputEntry[], outDir: string, unwritableReason: string | null): (InputError | null)[] {
  const outputOwner = new Map<string, string>();
  return entries.map((entry) => {
    if (entry.kind === 'error') return entry.error;
    if (unwritableReason !== null) return new InputError('output-unwritable', `${entry.file}: cannot write to ${outDir} (${unwritableReason})`);
    const base = outputBaseName(entry.file);
    const owner = outputOwner.get(base);
    if (owner !== undefined) {
      const target = path.join(outDir, `${base}.json`);
      return new InputError('output-unwritable', `${entry.file}: its output ${target} is already the output of ${owner} in this batch`);
    }
    outputOwner.set(base, entry.file);
    return null;
  });
}

async function runFile(pool: WorkerPool, file: string, parts: number, options: BatchOptions, events: BatchEvents): Promise<FileOutcome> {
  events.onStart?.(file);
  const task = { file, password: options.password, extractorUrl: options.extractorUrl ?? PIPELINE_URL };
  const onProgress = (done: number, total: number) => events.onProgress?.(file, done, total);
  const outcome = parts > 1 ? await pool.runInParts(task, parts, onProgress) : await pool.run(task, onProgress);
  if (!outcome.ok) return { ok: false, file, ...outcome.error, elapsedMs: outcome.elapsedMs, usage: outcome.usage };
  try {
    const { output } = outcome;
    const written = await writeOutputs(options.outDir, outputBaseName(file), output, file);
    if (options.review) {
      const { writeReviewPage } = await import('../review/write-review-page.ts');
      await writeReviewPage(written.datasetPath, { pdfPath: file });
    }
    if (options.csv) {
      const { packageDirFor, writeDataPackage } = await import('../package/build-data-package.ts');
      await writeDataPackage(JSON.parse(output.datasetJson) as Dataset, packageDirFor(written.datasetPath));
    }
    return {
      ok: true,
      file,
      ...written,
      cards: output.cards,
      warnings: output.warnings,
      errors: output.errors,
      pageCount: output.pageCount,
      elapsedMs: outcome.elapsedMs,
      usage: outcome.usage,
    };
  } catch (error) {
    if (error instanceof InputError) return { ...failure(file, error), elapsedMs: outcome.elapsedMs, usage: outcome.usage };
    throw error;
  }
}

function failure(file: string, error: InputError): FileOutcome {
  return { ok: false, file, kind: error.kind, message: error.message, elapsedMs: 0, usage: null };
}

function report(events: BatchEvents, outcome: FileOutcome): FileOutcome {
  events.onFinish?.(outcome);
  return outcome;
}

/** 0 when every file succeeded, else the code of the first failure in input order (1 for a bug). */
export function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  const first = outcomes.find((o) => !o.ok);
  if (!first || first.ok) return 0;
  return first.kind === null ? UNEXPECTED_EXIT_CODE : INPUT_ERROR_KINDS[first.kind];
}
