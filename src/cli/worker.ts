// Worker-process entry: runs the pipeline on one file (or one part of a file's pages) at a time, so a
// hang or heap blow-up only costs the file at hand. It stays alive between files; the pool retires
// it after any failure. It imports only what its task needs: reading a part loads no later stage.
// First: no later import may load the fetch API (see without-fetch.ts).
import './without-fetch.ts';
import { useSyncDecompression } from '../load/sync-decompression.ts';
import { usePatchedWorker } from '../load/worker-patches.ts';
import { pdfjsWorkerCacheDir } from './compile-cache.ts';
import { readFile } from 'node:fs/promises';
import { flushCompileCache } from 'node:module';
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../model/errors.ts';
import type { PageSpan } from '../load/page-range.ts';
import type { LoadedDocument, PageText } from '../model/text.ts';
import type { ExtractOptions, ExtractResult } from '../pipeline/types.ts';
import type { FailureInfo, Pipeline, WorkerMessage, WorkerOutput, WorkerRequest, WorkerUsage } from './worker-protocol.ts';

// pdfjs-dist in this process inflates its streams with zlib's synchronous calls (see sync-decompression.ts).
useSyncDecompression();
// Its worker side is the patched copy (see worker-patches.ts), in place before any PDF is opened.
const patchedWorker = usePatchedWorker(pdfjsWorkerCacheDir());

const post = (message: WorkerMessage) => process.send!(message);

/** At the lead of a reading: the part it read, with its PDF (hashed by 'extract-parts' without reading the file again). */
let ownPart: { readingId: number; data: Uint8Array; doc: LoadedDocument } | null = null;
/** At the lead of a reading: the pages the other workers of it read, in the order they came. */
let peerPages: { readingId: number; pages: PageText[] } | null = null;

/** The claim this worker waits an answer to, while it reads a part. */
let pendingClaim: { readingId: number; resolve: (span: PageSpan | null) => void } | null = null;

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'peer-page') keepPeerPage(request.readingId, request.page);
  else if (request.type === 'pages') answerClaim(request.readingId, request.span);
  else void runRequest(request);
});
// The pool is gone (it exited or was killed): nothing is left to do here.
process.on('disconnect', () => process.exit(0));

async function runRequest(request: Exclude<WorkerRequest, { type: 'peer-page' | 'pages' }>): Promise<void> {
  const { task } = request;
  // Kept for the 'extract-parts' that may follow a part; whatever else comes next drops them.
  const own = request.type === 'extract-parts' && ownPart?.readingId === request.readingId ? ownPart : null;
  const peers = request.type === 'extract-parts' && peerPages?.readingId === request.readingId ? peerPages.pages : [];
  ownPart = null;
  peerPages = request.type === 'load-part' && request.lead ? { readingId: request.readingId, pages: [] } : null;
  let peakHeapUsedBytes = 0;
  const sampleHeap = () => {
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, getHeapStatistics().used_heap_size);
  };
  // maxRSS is the kernel's high-water mark, so it is read once at the end; only the heap is sampled
  // page by page (getrusage per page cost a worker 45 ms over an edition, profiled).
  const sampleUsage = (): WorkerUsage => {
    sampleHeap();
    return { maxRssKb: process.resourceUsage().maxRSS, peakHeapUsedBytes };
  };
  const options: ExtractOptions = {
    fileName: task.file,
    password: task.password,
    onPage: (done, total) => {
      sampleHeap();
      post({ type: 'progress', done, total });
    },
  };
  try {
    const [pipeline] = await Promise.all([importPipeline(task.extractorUrl), patchedWorker]);
    // Whatever the task will import is imported before it starts, so that its time limit counts work only.
    if (request.type !== 'load-part') await importStages(pipeline);
    post({ type: 'started' });
    if (request.type === 'run') {
      const result = await pipeline.extractEdition(await readInput(task.file), options);
      post({ type: 'done', output: await describeOutput(result), usage: sampleUsage() });
    } else if (request.type === 'load-part') {
      // The worker that will run the later stages loads them while it reads: pages are dealt on
      // demand, so the other parts read more meanwhile, and no one waits for the import at the end.
      if (request.lead) void importStages(pipeline).catch(() => undefined);
      const data = await readInput(task.file);
      // Only the lead needs the pages: it reports its own as progress; the others send theirs, to be passed on to it.
      const sent = new Set<number>();
      const sendPage = (done: number, total: number, page: PageText) => {
        if (request.lead) return post({ type: 'progress', done, total });
        sent.add(page.page);
        post({ type: 'part-page', done, total, page });
      };
      const claimPages = (pageCount: number) => claimFromPool(request.readingId, pageCount);
      const onPage = (done: number, total: number, page: PageText) => (sampleHeap(), sendPage(done, total, page));
      const doc = await pipeline.loadEditionPart(data, { ...options, onPage }, { index: request.index, claimPages });
      // A pipeline that gave no page to onPage still has its pages merged: they go now.
      if (!request.lead) for (const page of doc.pages) if (!sent.has(page.page)) sendPage(sent.size + 1, doc.pageCount, page);
      if (request.lead) ownPart = { readingId: request.readingId, data, doc };
      post({ type: 'part-loaded', pages: doc.pages.length, usage: sampleUsage() });
    } else {
      if (!own) throw new Error(`extract-parts for reading ${request.readingId}: this worker did not read a part of it`);
      const parts = [own.doc, { pageCount: own.doc.pageCount, title: own.doc.title, pages: peers }];
      const pages = own.doc.pages.length + peers.length;
      if (pages !== request.pages) throw new Error(`extract-parts: ${pages} pages arrived of the ${request.pages} the parts read`);
      const run = { startedAt: new Date(request.startedAt), loadMs: request.loadMs };
      const result = await pipeline.extractLoadedEdition(own.data, parts, options, run);
      post({ type: 'done', output: await describeOutput(result), usage: sampleUsage() });
    }
  } catch (error) {
    ownPart = null;
    peerPages = null;
    pendingClaim = null;
    post({ type: 'failed', error: describeFailure(task.file, error), usage: sampleUsage() });
  }
}

function claimFromPool(readingId: number, pageCount: number): Promise<PageSpan | null> {
  if (pendingClaim) throw new Error('a claim for pages was made before the last one was answered');
  return new Promise((resolve) => {
    pendingClaim = { readingId, resolve };
    post({ type: 'claim', pageCount });
  });
}

function answerClaim(readingId: number, span: PageSpan | null): void {
  const claim = pendingClaim;
  // An answer for a reading this worker has left is dropped.
  if (claim?.readingId !== readingId) return;
  pendingClaim = null;
  claim.resolve(span);
}

function keepPeerPage(readingId: number, page: PageText): void {
  // Pages of a reading this worker has left (it failed, or moved on) are dropped.
  if (peerPages?.readingId === readingId) peerPages.pages.push(page);
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

/**
 * The later stages' modules and the serialiser. The compile cache is saved once they are loaded too:
 * a killed worker never saves it at exit, and without this the stages were compiled anew on every
 * run (their import took 210–340 ms instead of 80–140 ms, measured from an empty cache).
 */
async function importStages(pipeline: Pipeline): Promise<void> {
  await Promise.all([pipeline.importStages?.(), import('../emit/serialise.ts')]);
  flushCompileCache();
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
