// Stand-in for the pipeline, loaded inside the CLI's workers: the file's first line says what to do.
// A file read in parts gets the command of its line `part <index>: <command>` when there is one; its
// parts claim the fake document's pages from the pool as the real load does.
import { InputError } from '../../src/model/errors.ts';
import type { PartReading } from '../../src/load/page-range.ts';
import type { LoadedDocument, PageText } from '../../src/model/text.ts';
import type { ExtractOptions, ExtractResult } from '../../src/pipeline/types.ts';
import { mergeParts } from '../../src/pipeline/merge-parts.ts';
import { makeResult } from '../emit/sample-dataset.ts';

/** Calls seen by this module instance, i.e. by this worker process. */
let calls = 0;
const PAGES = 12;

export async function extractEdition(data: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const command = commandOf(data, null);
  await obey(command, options);
  for (let page = 1; page <= PAGES; page++) options.onPage?.(page, PAGES, blankPage(page));
  return makeResult(cardsOf(command), options.fileName);
}

export async function loadEditionPart(data: Uint8Array, options: ExtractOptions, part: PartReading): Promise<LoadedDocument> {
  const command = commandOf(data, part.index);
  await obey(command, options);
  const pages: PageText[] = [];
  for (let span = await part.claimPages(PAGES); span; span = await part.claimPages(PAGES)) {
    for (let n = span.first; n <= span.last; n++) {
      pages.push(blankPage(n));
      // Odd parts do not report their pages as they read them, as a pipeline without page-by-page reading would not.
      if (part.index % 2 === 0) options.onPage?.(pages.length, PAGES, pages.at(-1)!);
      // A page takes a little time, so that every part gets to claim some.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return { pageCount: PAGES, title: command, pages };
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
  // What the worker process offers of the fetch API and of decompression, told as a failure (the test reads its message).
  if (command === 'globals-probe') throw new InputError('damaged', describeGlobals());
  if (command === 'crash') throw new TypeError('something broke');
  if (!/^cards \d+$/.test(command) && command !== 'count') throw new InputError('not-pdf', `${options.fileName}: not a PDF (fake)`);
}

function cardsOf(command: string): number {
  const cards = /^cards (\d+)$/.exec(command);
  return cards ? Number(cards[1]) : calls;
}

function describeGlobals(): string {
  // Node's list of the internal modules this process has loaded (not in its typings).
  const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  const undici = loaded.some((m) => m.includes('undici'));
  let response = 'works';
  try {
    new Response('x');
  } catch (error) {
    response = (error as Error).message;
  }
  return `undici ${undici ? 'loaded' : 'not loaded'}; Response: ${response}; DecompressionStream: ${DecompressionStream.name}`;
}
