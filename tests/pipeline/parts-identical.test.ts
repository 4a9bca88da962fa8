// A file read in page-range parts by several worker processes must give the very bytes one process gives.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../src/cli/batch.ts';
import { serialiseDataset } from '../../src/emit/serialise.ts';
import { createPageDealer } from '../../src/load/page-range.ts';
import { extractEdition, extractLoadedEdition, loadEditionPart } from '../../src/pipeline/extract-edition.ts';

const file = path.resolve(import.meta.dirname, '../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf');
const name = path.basename(file, '.pdf');

let data: Uint8Array;
let oneProcess: string;
let dir: string;
beforeAll(async () => {
  data = new Uint8Array(await readFile(file));
  oneProcess = serialiseDataset((await extractEdition(data, { fileName: file })).dataset);
  dir = await mkdtemp(path.join(tmpdir(), 'parts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an edition read in parts', () => {
  it.each([2, 3, 5])('gives the same dataset from %i parts merged, whatever order they arrive in', async (count) => {
    // The parts claim spans from one dealer as they go, as worker processes do through the pool.
    const dealer = createPageDealer(count, 1);
    const parts = await Promise.all(
      Array.from({ length: count }, (_, index) => loadEditionPart(data, { fileName: file }, { index, claimPages: (pageCount) => dealer.claim(index, pageCount) })),
    );
    expect(parts.every((p) => p.pages.length > 0)).toBe(true);
    // Spans are dealt as parts ask: a part's pages need not be one run.
    expect(parts.some((p) => p.pages.some((page, i) => i > 0 && page.page !== p.pages[i - 1]!.page + 1))).toBe(true);
    const { dataset } = await extractLoadedEdition(data, parts.reverse(), { fileName: file }, { startedAt: new Date(), loadMs: 0 });
    expect(serialiseDataset(dataset)).toBe(oneProcess);
  });

  it('gives the same dataset for a file whose damaged fonts are repaired (fonts known by name, not by the order a part met them)', async () => {
    const distilled = path.resolve(import.meta.dirname, '../../fixtures/variants/pactes-regionaux-innovation-en-actions-2020-01--distilled.pdf');
    const bytes = new Uint8Array(await readFile(distilled));
    const whole = await extractEdition(bytes.slice(), { fileName: distilled });
    expect(whole.report.textRepair.repairs.length).toBeGreaterThan(0);
    const dealer = createPageDealer(2);
    const parts = await Promise.all([0, 1].map((index) => loadEditionPart(bytes.slice(), { fileName: distilled }, { index, claimPages: (n) => dealer.claim(index, n) })));
    const split = await extractLoadedEdition(bytes, parts, { fileName: distilled }, { startedAt: new Date(), loadMs: 0 });
    expect(split.report.textRepair.repairs).toEqual(whole.report.textRepair.repairs);
    expect(serialiseDataset(split.dataset)).toBe(serialiseDataset(whole.dataset));
  });

  it('writes byte-identical datasets with --jobs 1 and with the file split over worker processes', async () => {
    const options = (jobs: number): BatchOptions => ({ outDir: path.join(dir, `jobs-${jobs}`), jobs, password: undefined, timeoutSeconds: 600, maxMemoryMb: 1536 });
    const written: string[] = [];
    for (const jobs of [1, 2]) {
      const [outcome] = await runBatch([{ kind: 'file', file }], options(jobs));
      expect(outcome).toMatchObject({ ok: true, cards: 117 });
      written.push(await readFile(path.join(dir, `jobs-${jobs}`, `${name}.json`), 'utf8'));
    }
    expect(written[0]).toBe(oneProcess);
    expect(written[1]).toBe(written[0]);
  });
});
