import type { InputErrorKind } from '../model/errors.ts';
import type { ExtractResult } from '../pipeline/types.ts';

/** What a worker is asked to do: extract one file (it never writes outputs). */
export interface WorkerTask {
  file: string;
  password: string | undefined;
  /** Module exporting `extractEdition`; the real pipeline unless a test or benchmark swaps it. */
  extractorUrl: string;
}

/** Peak memory seen inside the worker process during one task (its own RSS and V8 heap). */
export interface WorkerUsage {
  maxRssKb: number;
  peakHeapUsedBytes: number;
}

/** kind null means an unexpected error (a bug), not a rejected input. */
export interface FailureInfo {
  kind: InputErrorKind | null;
  message: string;
}

export type WorkerRequest = { type: 'run'; task: WorkerTask };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ExtractResult; usage: WorkerUsage }
  | { type: 'failed'; error: FailureInfo; usage: WorkerUsage };

export const PIPELINE_URL = new URL('../pipeline/extract-edition.ts', import.meta.url).href;
