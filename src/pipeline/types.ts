import type { PageText } from '../model/text.ts';
import type { MappingRepair } from '../repair/repair-mappings.ts';
import type { Dataset, Diagnostic } from '../validate/schema.ts';
import type { SelfCheckMeasure } from '../validate/self-check.ts';

export interface ExtractOptions {
  /** File name as the user gave it: used in messages and in dataset.source.file (base name). */
  fileName: string;
  password?: string;
  /** Progress: called after each page is read, with the page as the load stage gives it. */
  onPage?: (done: number, total: number, page: PageText) => void;
  /** Aborts the run between pages (time limits). */
  signal?: AbortSignal;
}

export type PageRole =
  | 'cover'
  | 'front-matter'
  | 'table-of-contents'
  | 'axis-divider'
  | 'theme-divider'
  | 'card'
  | 'blank'
  | 'back-cover'
  | 'unknown';

/** The run report: everything about a run that is not the dataset itself (timings live here). */
export interface RunReport {
  file: string;
  sha256: string;
  startedAt: string;
  finishedAt: string;
  timingsMs: Record<string, number>;
  pageCount: number;
  pageRoles: { page: number; role: PageRole }[];
  counts: {
    cards: number;
    tocEntries: number;
    fieldsFilled: Record<string, number>;
    diagnosticsBySeverity: Record<Diagnostic['severity'], number>;
  };
  /** Damaged text mappings: whether the lexicon was read (signs of damage) and what was repaired. */
  textRepair: { lexiconRead: boolean; repairs: MappingRepair[] };
  /** The self-check's measures, tripped or not (README, "Self-check"). */
  selfCheck: SelfCheckMeasure[];
  diagnostics: Diagnostic[];
}

export interface ExtractResult {
  dataset: Dataset;
  report: RunReport;
}
