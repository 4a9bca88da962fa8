// Stand-in for the pipeline, loaded inside the CLI's workers: the file's first line says what to do.
// A file read in parts gets the command of its line `part <index>: <command>` when there is one.
import { InputError } from '../../src/model/errors.ts';
import type { PagePart } from '../../src/load/page-range.ts';
import type { LoadedDocument, PageText } from '../../src/model/text.ts';
import type { ExtractOptions, ExtractResult } from '../../src/pipeline/types.ts';
import { mergeParts } from '../../src/pipeline/merge-parts.ts';
import { makeResult } from '../emit/sample-dataset.ts';

/** Calls seen by this module instance, i.e. by this worker process. */
let calls = 0;
const PAGES = 4;

export async function extractEdition(data: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const command = commandOf(data, null);
  await obey(command, options);
  for (let page = 1; page <= PAGES; page++) options.onPage?.(page, PAGES, blankPage(page));
  return makeResult(cardsOf(command), options.fileName);
}

export async function loadEditionPart(data: Uint8Array, options: ExtractOptions, part: PagePart): Promise<LoadedDocument> {
  const command = commandOf(data, part.index);
  await obey(command, options);
  // Page `part.index + 1` only: enough to check that every part reaches the merge. Odd parts do not
  // report their page as they read it, as a pipeline without page-by-page reading would not.
  const page = blankPage(part.index + 1);
  if (part.index % 2 === 0) options.onPage?.(1, PAGES, page);
  return { pageCount: PAGES, title: command, pages: [page] };
}

function blankPage(page: number): PageText {
  return { page, width: 100, height: 100, items: [] };
}

export async function extractLoadedEdition(_data: Uint8Array, parts: readonly LoadedDocument[], options: ExtractOptions): Promise<ExtractResult> {
  // The merged pages, as page numbers, become the report's page roles: tests can see every part arrived.
  const result = makeResult(cardsOf(parts[0]!.title ?? ''), options.fileName);
  result.report.pageRoles = mergeParts(parts).pages.map((p) => ({ page: p.page, role: 'card' as const }));
  return result;
}

function commandOf(data: Uint8Array, part: number | null): string {
  const lines = new TextDecoder().decode(data).split('\n');
  const own = part === null ? undefined : lines.find((l) => l.startsWith(`part ${part}: `));
  return (own?.slice(`part ${part}: `.length) ?? lines[0]!).trim();
}

async function obey(command: string, options: ExtractOptions): Promise<void> {
  if (command === 'hang') await new Promise(() => setInterval(() => undefined, 1000));
  if (command === 'bloat') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
  }
  calls++;
  if (command === 'crash') throw new TypeError('something broke');
  if (!/^cards \d+$/.test(command) && command !== 'count') throw new InputError('not-pdf', `${options.fileName}: not a PDF (fake)`);
}

function cardsOf(command: string): number {
  const cards = /^cards (\d+)$/.exec(command);
  return cards ? Number(cards[1]) : calls;
}
