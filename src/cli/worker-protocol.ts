import type { SerialisedOutputs } from '../emit/write-outputs.ts';
import type { PageSpan, PartReading } from '../load/page-range.ts';
import type { InputErrorKind } from '../model/errors.ts';
import type { LoadedDocument, PageText } from '../model/text.ts';
import type { ExtractOptions, ExtractResult } from '../pipeline/types.ts';

/** What a worker is asked to do: extract one file, or read part of its pages (it never writes outputs). */
export interface WorkerTask {
  file: string;
  password: string | undefined;
  /** Module with the pipeline's entry points (see Pipeline); the real one unless a test or benchmark swaps it. */
  extractorUrl: string;
}

/** The entry points a worker calls, as src/pipeline/extract-edition.ts exports them. */
export interface Pipeline {
  extractEdition(data: Uint8Array, options: ExtractOptions): Promise<ExtractResult>;
  loadEditionPart(data: Uint8Array, options: ExtractOptions, part: PartReading): Promise<LoadedDocument>;
  extractLoadedEdition(data: Uint8Array, parts: readonly LoadedDocument[], options: ExtractOptions, run: { startedAt: Date; loadMs: number }): Promise<ExtractResult>;
  /** Loads the modules extractLoadedEdition needs, ahead of time. */
  importStages?(): Promise<unknown>;
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

/** A file's outputs as the worker serialised them, and the figures the CLI prints. */
export interface WorkerOutput extends SerialisedOutputs {
  cards: number;
  warnings: number;
  errors: number;
  pageCount: number;
}

export type WorkerRequest =
  /** Extract the whole file. */
  | { type: 'run'; task: WorkerTask }
  /**
   * Read pages of the file, claiming them span by span ('claim', answered by 'pages'), and send each
   * page as it is read. `readingId` names this reading of the file; `index` this worker among its
   * readers. The `lead` will get the 'extract-parts' (it loads the later stages meanwhile).
   */
  | { type: 'load-part'; task: WorkerTask; index: number; readingId: number; lead: boolean }
  /** The answer to a 'claim': the next pages to read, or null when there are none left for this worker. */
  | { type: 'pages'; readingId: number; span: PageSpan | null }
  /**
   * To the lead of a reading, once every part is read: merge its own part with the pages the other
   * parts sent meanwhile (`pages` in all, a check) and run the later stages.
   */
  | { type: 'extract-parts'; task: WorkerTask; readingId: number; pages: number; startedAt: string; loadMs: number }
  /** To the lead: a page another worker of the same reading has read, passed on as it comes, so the merge waits for no transfer. Not answered. */
  | { type: 'peer-page'; readingId: number; page: PageText };

export type WorkerMessage =
  /** The worker has its modules and begins the task: the file's time limit counts from here. */
  | { type: 'started' }
  | { type: 'progress'; done: number; total: number }
  /** While reading a part: which pages next? (The document has `pageCount` pages.) */
  | { type: 'claim'; pageCount: number }
  | { type: 'done'; output: WorkerOutput; usage: WorkerUsage }
  /** From a worker other than the lead: a page, as soon as it is read (it also counts as progress). */
  | { type: 'part-page'; done: number; total: number; page: PageText }
  /**
   * A part is read: `pages` pages. A worker other than the lead has sent each as a 'part-page'; the
   * lead keeps its own for 'extract-parts' (it reported them as 'progress' only).
   */
  | { type: 'part-loaded'; pages: number; usage: WorkerUsage }
  | { type: 'failed'; error: FailureInfo; usage: WorkerUsage };

export const PIPELINE_URL = new URL('../pipeline/extract-edition.ts', import.meta.url).href;
