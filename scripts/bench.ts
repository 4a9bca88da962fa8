// npm run bench -- [--runs N] [--pairs N] [--copies N] [--jobs N] [--scale K] [file.pdf]
// Measures, on one edition: what a user sees (whole processes: `npm start` against a script that only
// runs pdfjs-dist, alternated; start-up), pdfjs-dist alone and the full pipeline in this process, and
// a batch of copies through the CLI's worker pool (--jobs 1 vs --jobs N). Prints medians; nothing
// here is asserted by tests.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runBatch, type FileOutcome } from '../src/cli/batch.ts';
import { createWorkerPool } from '../src/cli/worker-pool.ts';
import { PIPELINE_URL } from '../src/cli/worker-protocol.ts';
import { cutPages } from './lib/cut-pages.ts';
import { DEFAULTS } from '../src/cli/args.ts';
import type { InputEntry } from '../src/cli/resolve-inputs.ts';
import { buildSafeOptions } from '../src/load/pdfjs-options.ts';
import { extractEdition } from '../src/pipeline/extract-edition.ts';
import { fromTypedDir, typedFrom } from '../src/cli/user-paths.ts';

const DEFAULT_FILE = path.join('input', 'pactes-regionaux-innovation-en-actions-2020-01.pdf');
const RAW_SCRIPT = path.join('scripts', 'raw-pdfjs.mjs');

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pairs: { type: 'string', default: '5' },
    copies: { type: 'string', default: '8' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    scale: { type: 'string' },
    sweep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log('Usage: npm run bench -- [--runs N (3)] [--pairs N (5)] [--copies N (8)] [--jobs N (cores)] [--scale K] [--sweep] [file.pdf]');
  process.exit(0);
}
const runs = positiveInt('--runs', values.runs);
const pairs = positiveInt('--pairs', values.pairs);
const copies = positiveInt('--copies', values.copies);
const jobs = positiveInt('--jobs', values.jobs);
const scale = values.scale === undefined ? null : positiveInt('--scale', values.scale);
const file = positionals[0] === undefined ? DEFAULT_FILE : fromTypedDir(positionals[0], typedFrom('bench'));

const data = new Uint8Array(await readFile(file));

console.log(`file: ${file} (${mb(data.length)}), pairs: ${pairs}, runs: ${runs}, copies: ${copies}, jobs: ${jobs}, cores: ${availableParallelism()}`);

await measureWholeProcesses();

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
  console.log(`    --jobs 1:  median ${ms(seq)}  (${rate(pages, seq)})`);
  console.log(`    --jobs ${jobs}:  median ${ms(par)}  (${rate(pages, par)})`);
  console.log(`    batch speed-up: ${(seq / par).toFixed(2)}x`);
  console.log(`    peak JS heap in one worker: ${mb(heapPeak)}`);
  console.log(`    peak RSS of a worker process (one edition at a time): ${mb(workerRss * 1024)}`);
  // A reused worker's peak RSS after its first file and after its last: no growth across the batch.
  const perFile = outcomes.map((o) => (o.usage?.maxRssKb ?? 0) * 1024);
  console.log(`    worker peak RSS (a high-water mark) after each file, --jobs 1, in order: ${perFile.slice(0, copies).map(mb).join(', ')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(`\npeak RSS of this (main) process: ${rssMb()}`);

if (values.sweep) await measureSplitSweep();
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

/**
 * What a user times: whole processes, each one new (the compile cache as a second run finds it).
 * `npm start -- file` against `node scripts/raw-pdfjs.mjs file` (pdfjs-dist's getTextContent on every
 * page, nothing else), alternated pair by pair so that both see the same machine; then start-up alone.
 */
async function measureWholeProcesses(): Promise<void> {
  const out = await mkdtemp(path.join(tmpdir(), 'bench-start-'));
  try {
    const npmStart = (...extra: string[]) => run('npm', ['start', '--silent', '--', file, '--out', out, '--quiet', ...extra]);
    const rawPdfjs = () => run(process.execPath, [RAW_SCRIPT, file]);
    // The same with pdfjs run as the workers run it (streams inflated synchronously, the patched worker
    // module): how much of the difference any script could have by doing what the workers do.
    const rawAsWorkers = () => run(process.execPath, [RAW_SCRIPT, '--sync-inflate', '--patched-worker', file]);
    // The same script in `jobs` processes at once, each on an equal range of pages: what pdfjs alone
    // gains from the cores, which bounds what reading one file in parts can gain.
    const ranges = splitEvenly(await countPages(data), jobs);
    const rawInParts = () => time(() => Promise.all(ranges.map(([first, last]) => run(process.execPath, [RAW_SCRIPT, file, String(first), String(last)]))));
    // One untimed run each: the compile cache and the file system cache are then as a user's second run finds them.
    await npmStart();
    await rawPdfjs();
    await rawAsWorkers();
    const startMs: number[] = [];
    const rawMs: number[] = [];
    const oneJobMs: number[] = [];
    const rawPartsMs: number[] = [];
    const rawAsWorkersMs: number[] = [];
    const stages: Record<string, number>[] = [];
    for (let i = 0; i < pairs; i++) {
      startMs.push(await npmStart());
      stages.push(await readTimings(path.join(out, `${path.basename(file).replace(/\.pdf$/i, '')}.report.json`)));
      rawMs.push(await rawPdfjs());
      oneJobMs.push(await npmStart('--jobs', '1'));
      rawPartsMs.push(await rawInParts());
      rawAsWorkersMs.push(await rawAsWorkers());
    }
    const s = median(startMs);
    const r = median(rawMs);
    console.log(`\n(w) whole processes, ${pairs} alternating rounds (npm start, raw pdfjs, npm start --jobs 1, raw pdfjs in ${jobs} parts, raw pdfjs as the workers run it)`);
    console.log(`    npm start -- file:            median ${ms(s)}  runs ${startMs.map(ms).join(', ')}`);
    console.log(`    node scripts/raw-pdfjs.mjs:   median ${ms(r)}  runs ${rawMs.map(ms).join(', ')}`);
    // Each round's own ratio as well: the machine drifts over a bench, and a round's two runs see the same machine.
    const roundRatios = startMs.map((t, i) => t / rawMs[i]!);
    console.log(`    npm start / raw pdfjs = ${(s / r).toFixed(2)}  (round by round: median ${median(roundRatios).toFixed(2)}, from ${Math.min(...roundRatios).toFixed(2)} to ${Math.max(...roundRatios).toFixed(2)})`);
    console.log(`    npm start -- file --jobs 1:   median ${ms(median(oneJobMs))}  runs ${oneJobMs.map(ms).join(', ')}  (one worker; the default reads the file in ${jobs} parts: ${(median(oneJobMs) / s).toFixed(2)}x)`);
    const rp = median(rawPartsMs);
    console.log(`    raw pdfjs, ${jobs} processes at once on ${jobs} equal page ranges: median ${ms(rp)}  runs ${rawPartsMs.map(ms).join(', ')}`);
    console.log(`    (pdfjs alone reads ${(r / rp).toFixed(2)}x faster in ${jobs} processes than in one, on this machine)`);
    const rw = median(rawAsWorkersMs);
    console.log(`    raw pdfjs --sync-inflate --patched-worker (pdfjs as the workers run it): median ${ms(rw)}  runs ${rawAsWorkersMs.map(ms).join(', ')}  (npm start / this = ${(s / rw).toFixed(2)})`);
    const stageNames = Object.keys(stages[0] ?? {});
    console.log(`    stages inside npm start (report timingsMs, medians): ${stageNames.map((k) => `${k} ${ms(median(stages.map((t) => t[k] ?? 0)))}`).join(', ')}`);

    const version: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < pairs; i++) {
      version.push(await run('npm', ['start', '--silent', '--', '--version']));
      direct.push(await run(process.execPath, [path.join('src', 'cli', 'start.js'), '--version']));
    }
    console.log(`(s) start-up: npm start -- --version median ${ms(median(version))} (of which npm itself is the difference with`);
    console.log(`    node src/cli/start.js --version: median ${ms(median(direct))})`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Wall time of one whole process; rejects when it fails. */
function run(command: string, args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(performance.now() - start);
    });
  });
}

async function readTimings(reportPath: string): Promise<Record<string, number>> {
  return (JSON.parse(await readFile(reportPath, 'utf8')) as { timingsMs: Record<string, number> }).timingsMs;
}

/**
 * Where reading one file in `jobs` parts starts to pay: the first n pages of the edition, one worker
 * against `jobs` parts (split whatever the length), fresh workers each time as in one `npm start`,
 * alternated. MIN_PAGES_PER_PART (src/load/page-range.ts) should be about n / jobs for the smallest
 * n from which the ratio stays below 1.
 */
async function measureSplitSweep(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-sweep-'));
  try {
    const total = await countPages(data);
    console.log(`\n(p) one file: 1 worker against ${jobs} parts, first n pages of the edition, ${runs} alternated runs each`);
    for (const n of [16, 32, 48, 64, 96, 146, 192, 240, total].filter((k) => k <= total)) {
      const cut = path.join(dir, `first-${n}.pdf`);
      await writeFile(cut, n === total ? data : await cutPages(data, Array.from({ length: n }, (_, i) => i + 1)));
      const task = { file: cut, password: undefined, extractorUrl: PIPELINE_URL };
      const oneMs: number[] = [];
      const partsMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        for (const split of [false, true]) {
          const pool = createWorkerPool({ timeoutMs: DEFAULTS.timeoutSeconds * 1000, maxMemoryMb: DEFAULTS.maxMemoryMb, singleThreaded: split && jobs >= availableParallelism() });
          const t = await time(async () => {
            // A cut without its table of contents may be refused (not-catalogue): the time is what counts.
            await (split ? pool.runInParts(task, jobs, undefined, 1) : pool.run(task));
          });
          await pool.close();
          (split ? partsMs : oneMs).push(t);
        }
      }
      const one = median(oneMs);
      const parts = median(partsMs);
      console.log(`    n=${String(n).padStart(3)}: 1 worker ${ms(one)}, ${jobs} parts ${ms(parts)}, ratio ${(parts / one).toFixed(2)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
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

async function countPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { ignoreEncryption: true })).getPageCount();
}

/** `parts` consecutive page ranges of about equal length covering pages 1..total. */
function splitEvenly(total: number, parts: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < parts; i++) {
    const first = Math.floor((i * total) / parts) + 1;
    const last = Math.floor(((i + 1) * total) / parts);
    if (first <= last) ranges.push([first, last]);
  }
  return ranges;
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
