// npm run bench -- [--runs N] [--copies N] [--jobs N] [--scale K] [file.pdf]
// Measures, on one edition: pdfjs-dist alone, the full pipeline, and a batch of copies through the
// CLI's worker pool (sequential vs parallel). Prints medians; nothing here is asserted by tests.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runBatch, type FileOutcome } from '../src/cli/batch.ts';
import { DEFAULTS } from '../src/cli/args.ts';
import type { InputEntry } from '../src/cli/resolve-inputs.ts';
import { buildSafeOptions } from '../src/load/pdfjs-options.ts';
import { extractEdition } from '../src/pipeline/extract-edition.ts';

const DEFAULT_FILE = path.join('input', 'pactes-regionaux-innovation-en-actions-2020-01.pdf');

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    copies: { type: 'string', default: '8' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    scale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log('Usage: npm run bench -- [--runs N (3)] [--copies N (8)] [--jobs N (cores)] [--scale K] [file.pdf]');
  process.exit(0);
}
const runs = positiveInt('--runs', values.runs);
const copies = positiveInt('--copies', values.copies);
const jobs = positiveInt('--jobs', values.jobs);
const scale = values.scale === undefined ? null : positiveInt('--scale', values.scale);
const file = positionals[0] ?? DEFAULT_FILE;

const data = new Uint8Array(await readFile(file));

console.log(`file: ${file} (${mb(data.length)}), runs: ${runs}, copies: ${copies}, jobs: ${jobs}, cores: ${availableParallelism()}`);

// (a) and (b), after one untimed warm-up each, alternated so that both see the same machine state.
await readAllText(data);
await extractEdition(data, { fileName: path.basename(file) });
const pdfjsMs: number[] = [];
const pipelineMs: number[] = [];
let pageCount = 0;
let cards = 0;
for (let i = 0; i < runs; i++) {
  pdfjsMs.push(await time(async () => (pageCount = await readAllText(data))));
  pipelineMs.push(await time(async () => (cards = (await extractEdition(data, { fileName: path.basename(file) })).dataset.cards.length)));
}
const a = median(pdfjsMs);
const b = median(pipelineMs);
console.log(`\n(a) pdfjs-dist getTextContent, ${pageCount} pages: median ${ms(a)}  (${rate(pageCount, a)})  runs ${pdfjsMs.map(ms).join(', ')}`);
console.log(`(b) full pipeline, ${cards} cards:            median ${ms(b)}  (${rate(pageCount, b)})  runs ${pipelineMs.map(ms).join(', ')}`);
console.log(`    b/a = ${(b / a).toFixed(2)}   peak RSS so far: ${rssMb()}`);

// (c) the CLI's worker pool on N copies, one worker at a time and then `jobs` at a time.
const work = await mkdtemp(path.join(tmpdir(), 'bench-'));
try {
  const entries: InputEntry[] = [];
  for (let i = 1; i <= copies; i++) {
    const copy = path.join(work, 'input', `copy-${String(i).padStart(3, '0')}.pdf`);
    await mkdir(path.dirname(copy), { recursive: true });
    await copyFile(file, copy);
    entries.push({ kind: 'file', file: copy });
  }
  const batchOptions = { outDir: path.join(work, 'output'), password: undefined, timeoutSeconds: DEFAULTS.timeoutSeconds, maxMemoryMb: DEFAULTS.maxMemoryMb };
  const sequentialMs: number[] = [];
  const parallelMs: number[] = [];
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < runs; i++) {
    sequentialMs.push(await time(async () => outcomes.push(...checked(await runBatch(entries, { ...batchOptions, jobs: 1 })))));
    parallelMs.push(await time(async () => outcomes.push(...checked(await runBatch(entries, { ...batchOptions, jobs })))));
  }
  const seq = median(sequentialMs);
  const par = median(parallelMs);
  const pages = pageCount * copies;
  const heapPeak = Math.max(...outcomes.map((o) => o.usage?.peakHeapUsedBytes ?? 0));
  const workerRss = Math.max(...outcomes.map((o) => o.usage?.maxRssKb ?? 0));
  console.log(`\n(c) batch of ${copies} copies (${pages} pages) through the worker pool`);
  console.log(`    sequential (--jobs 1):  median ${ms(seq)}  (${rate(pages, seq)})`);
  console.log(`    parallel (--jobs ${jobs}):   median ${ms(par)}  (${rate(pages, par)})`);
  console.log(`    speed-up: ${(seq / par).toFixed(2)}x`);
  console.log(`    peak JS heap in one worker: ${mb(heapPeak)}`);
  console.log(`    peak RSS of a worker process (one edition at a time): ${mb(workerRss * 1024)}`);
  // A reused worker's peak RSS after its first file and after its last: no growth across the batch.
  const perFile = outcomes.map((o) => (o.usage?.maxRssKb ?? 0) * 1024);
  console.log(`    worker peak RSS after each file, in order: ${perFile.slice(0, copies).map(mb).join(', ')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(`\npeak RSS of this (main) process: ${rssMb()}`);

if (scale !== null) await measureGrowth(scale);

async function measureGrowth(maxCopies: number): Promise<void> {
  console.log(`\ngrowth: the edition concatenated k times (pdf-lib), one run each, in this thread`);
  const source = await PDFDocument.load(data, { ignoreEncryption: true });
  for (const k of growthSteps(maxCopies)) {
    const joined = await PDFDocument.create();
    for (let i = 0; i < k; i++) {
      for (const page of await joined.copyPages(source, source.getPageIndices())) joined.addPage(page);
    }
    const bytes = await joined.save();
    let pages = 0;
    const memA = trackMemory();
    const tA = await time(async () => (pages = await readAllText(bytes, memA.sample)));
    memA.sample();
    let outcome = '';
    const memB = trackMemory();
    const tB = await time(async () => {
      try {
        const result = await extractEdition(bytes, { fileName: `x${k}.pdf`, onPage: memB.sample });
        memB.sample();
        outcome = `${result.dataset.cards.length} cards`;
      } catch (error) {
        outcome = `rejected: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
    console.log(`  k=${k}: ${pages} pages, ${mb(bytes.length)}`);
    console.log(`    pdfjs    ${ms(tA)} (${(tA / pages).toFixed(1)} ms/page), sampled peak RSS ${mb(memA.peakRss)}, heap ${mb(memA.peakHeap)}`);
    console.log(`    pipeline ${ms(tB)} (${(tB / pages).toFixed(1)} ms/page), sampled peak RSS ${mb(memB.peakRss)}, heap ${mb(memB.peakHeap)}; ${outcome}`);
  }
}

/** Peak RSS and heap of this thread, sampled after each page and at the end of a run. */
function trackMemory() {
  let peakRss = 0;
  let peakHeap = 0;
  return {
    sample: (): void => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    },
    get peakRss() {
      return peakRss;
    },
    get peakHeap() {
      return peakHeap;
    },
  };
}

/** Opens the PDF with the load stage's safe options and reads the text of every page. */
async function readAllText(bytes: Uint8Array, onPage?: () => void): Promise<number> {
  const task = getDocument(buildSafeOptions(bytes.slice(), undefined));
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
      onPage?.();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

function checked(outcomes: FileOutcome[]): FileOutcome[] {
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw new Error(`batch failed: ${failed.message}`);
  return outcomes;
}

function growthSteps(max: number): number[] {
  const steps: number[] = [];
  for (let k = 1; k < max; k *= 2) steps.push(k);
  steps.push(max);
  return steps;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function rssMb(): string {
  return mb(process.resourceUsage().maxRSS * 1024);
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((p, q) => p - q);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`;
}

function rate(pages: number, t: number): string {
  return `${(pages / (t / 1000)).toFixed(0)} pages/s`;
}

function positiveInt(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} expects a whole number ≥ 1, got "${text}"`);
    process.exit(2);
  }
  return n;
}
