import { loadDocument, type LoadOptions } from '../load/load-document.ts';
import type { PartReading } from '../load/page-range.ts';
import type { LoadedDocument } from '../model/text.ts';
import { mergeParts } from './merge-parts.ts';
import type { ExtractOptions, ExtractResult } from './types.ts';

/** The whole pipeline for one edition PDF: load → layout → segment → fields → normalise → validate. */
export async function extractEdition(data: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const doc = await loadDocument(data, toLoadOptions(options));
  return extractLoadedEdition(data, [doc], options, { startedAt, loadMs: performance.now() - t0 });
}

/**
 * The load stage on the pages `part` claims, for a file read by several processes at once. Imports
 * none of the later stages.
 */
export function loadEditionPart(data: Uint8Array, options: ExtractOptions, part: PartReading): Promise<LoadedDocument> {
  return loadDocument(data, { ...toLoadOptions(options), claimPages: part.claimPages });
}

/**
 * The stages after the load, on the parts of one document (any order): they are merged by page
 * number first, since layout needs document-wide figures (body size, lexicon, leading).
 */
export async function extractLoadedEdition(
  data: Uint8Array,
  parts: readonly LoadedDocument[],
  options: ExtractOptions,
  run: { startedAt: Date; loadMs: number },
): Promise<ExtractResult> {
  const { runStages } = await importStages();
  return runStages(data, mergeParts(parts), options, run);
}

/** Loads the later stages' modules (a process that reads a part calls this while it waits). */
export function importStages(): Promise<typeof import('./run-stages.ts')> {
  return import('./run-stages.ts');
}

function toLoadOptions(options: ExtractOptions): LoadOptions {
  return {
    fileName: options.fileName,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.onPage ? { onPage: options.onPage } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
