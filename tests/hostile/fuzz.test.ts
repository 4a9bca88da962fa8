// Mutated copies of edition pages: each must load or be rejected with an InputError, within its time limit.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { InputError } from '../../src/model/errors.ts';
import type { LoadedDocument } from '../../src/model/text.ts';
import { cutPages, readEdition, seededRandom } from '../support/bad-pdfs.ts';
import { MUTATIONS, decompressStreams, type Random } from './mutations.ts';

// FUZZ_SEED / FUZZ_INPUTS let a longer exploratory run reuse this test; CI uses the defaults.
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_514);
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 300);
const LIMIT_MS = 5_000;
/** PDF pages of the edition used as seeds: a divider and card pages. */
const FIRST_PAGE = 11;
const LAST_PAGE = 16;
const SUMMARY_PATH = path.resolve(import.meta.dirname, '../../.vitest-out/fuzz-summary.json');

type Outcome =
  | { status: 'processed'; ms: number }
  | { status: 'rejected'; ms: number; kind: string; message: string }
  | { status: 'crash'; ms: number; error: string };

interface FuzzInput {
  name: string;
  mutation: string;
  data: Uint8Array;
}

let inputs: FuzzInput[] = [];

beforeAll(async () => {
  const edition = await readEdition();
  // Object streams as pdf-lib writes them, and a classic file whose streams are stored decoded
  // so that flipped bytes reach content operators and font programs rather than only zlib.
  const seeds = [
    { name: 'packed', data: await cutPages(edition, FIRST_PAGE, LAST_PAGE) },
    { name: 'plain', data: await decompressStreams(await cutPages(edition, FIRST_PAGE, LAST_PAGE, true)) },
  ];
  const random = seededRandom(SEED);
  inputs = Array.from({ length: INPUTS }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    const chosen = [MUTATIONS[Math.floor(i / seeds.length) % MUTATIONS.length]!];
    if (i % 5 === 4) chosen.push(MUTATIONS[Math.floor(random() * MUTATIONS.length)]!);
    const data = chosen.reduce((bytes, m) => m.apply(bytes, random as Random), seed.data);
    return { name: `fuzz ${String(i).padStart(3, '0')} ${seed.name}.pdf`, mutation: chosen.map((m) => m.name).join('+'), data };
  });
});

describe('fuzzed edition pages', () => {
  it(`each of ${INPUTS} mutated copies loads or is rejected with an InputError within ${LIMIT_MS} ms`, async () => {
    const unhandled: string[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(String(reason));
    process.on('unhandledRejection', onUnhandled);
    const results: (Outcome & { name: string; mutation: string })[] = [];
    const started = performance.now();
    try {
      for (const input of inputs) results.push({ name: input.name, mutation: input.mutation, ...(await runOne(input)) });
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const totalMs = Math.round(performance.now() - started);

    const rejected = results.filter((r) => r.status === 'rejected');
    const crashes = results.filter((r) => r.status === 'crash');
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    const summary = {
      seed: SEED,
      seedPages: [FIRST_PAGE, LAST_PAGE],
      limitMs: LIMIT_MS,
      inputs: results.length,
      processed: results.filter((r) => r.status === 'processed').length,
      rejected: rejected.length,
      rejectedByKind: countBy(rejected, (r) => r.kind),
      rejectedByReason: countBy(rejected, (r) => describeReason(r.message.slice(r.name.length + 2))),
      crashes: crashes.length,
      timeouts: rejected.filter((r) => r.kind === 'timeout').length,
      unhandledRejections: unhandled.length,
      slowest: { name: slowest.name, mutation: slowest.mutation, ms: Math.round(slowest.ms), status: slowest.status },
      slowestFive: [...results]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((r) => ({ name: r.name, mutation: r.mutation, ms: Math.round(r.ms), status: r.status })),
      medianMs: Math.round(median(results.map((r) => r.ms))),
      totalMs,
      byMutation: Object.fromEntries(
        MUTATIONS.map((m) => [m.name, countBy(results.filter((r) => r.mutation.split('+').includes(m.name)), (r) => r.status)]),
      ),
      /** One letter per input, in order (P processed, R rejected, C crash): runs can be compared. */
      outcomes: results.map((r) => r.status[0]!.toUpperCase()).join(''),
      crashList: crashes.map((c) => ({ name: c.name, mutation: c.mutation, error: c.error })),
    };
    await mkdir(path.dirname(SUMMARY_PATH), { recursive: true });
    await writeFile(SUMMARY_PATH, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`fuzz: ${JSON.stringify({ ...summary, byMutation: undefined, crashList: undefined, slowestFive: undefined, outcomes: undefined })}`);

    expect(summary.crashList).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(summary.timeouts).toBe(0);
    expect(slowest.ms).toBeLessThan(LIMIT_MS);
    for (const r of rejected) {
      expect(r.message.startsWith(`${r.name}: `), r.message).toBe(true);
      expect(r.message).not.toMatch(/[\r\n]/);
    }
    // The fuzz is only worth something if mutated files reach pdfjs and some of them get through.
    expect(summary.processed).toBeGreaterThan(INPUTS / 10);
    expect(summary.rejected).toBeGreaterThan(INPUTS / 10);
  });
});

async function runOne(input: FuzzInput): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  // Backstop in case the abort itself does not settle the load.
  const backstop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer ${LIMIT_MS + 2_000} ms after start`)), LIMIT_MS + 2_000);
  });
  try {
    const doc = await Promise.race([loadDocument(input.data, { fileName: input.name, signal: AbortSignal.timeout(LIMIT_MS) }), backstop]);
    const problem = findOutputProblem(doc);
    const ms = performance.now() - started;
    return problem ? { status: 'crash', ms, error: `bad output: ${problem}` } : { status: 'processed', ms };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof InputError) return { status: 'rejected', ms, kind: error.kind, message: error.message };
    return { status: 'crash', ms, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** What later stages rely on: one entry per page, finite geometry, non-empty text. */
function findOutputProblem(doc: LoadedDocument): string | null {
  if (doc.pages.length !== doc.pageCount) return `${doc.pages.length} pages read of ${doc.pageCount}`;
  for (const [i, page] of doc.pages.entries()) {
    if (page.page !== i + 1) return `page ${i + 1} numbered ${page.page}`;
    if (!Number.isFinite(page.width) || !Number.isFinite(page.height)) return `page ${page.page} has size ${page.width}×${page.height}`;
    for (const item of page.items) {
      if (item.text === '' || item.page !== page.page) return `page ${page.page}: bad item ${JSON.stringify(item)}`;
      if (!item.box.every(Number.isFinite) || !(item.fontSize > 0) || !Number.isFinite(item.fontSize)) {
        return `page ${page.page}: non-finite geometry ${JSON.stringify(item)}`;
      }
    }
  }
  return null;
}

/** "the PDF is damaged: page 3 cannot be read (…)" → "the PDF is damaged: page N cannot be read". */
function describeReason(message: string): string {
  return message.replace(/\s*\(.*$/, '').replace(/\d+/g, 'N');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
