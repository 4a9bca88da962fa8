import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkerPool, earliestFailure, type WorkerOutcome } from '../../src/cli/worker-pool.ts';

const extractorUrl = new URL('./fake-extract.ts', import.meta.url).href;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pool-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function task(name: string, command: string) {
  const file = path.join(dir, name);
  await writeFile(file, command + '\n');
  return { file, password: undefined, extractorUrl };
}

const pagesUpTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const cardsOf = (o: WorkerOutcome) => (o.ok ? o.output.cards : o.error.kind);
/** The pages the later stages got, merged (the fake reports them as page roles). */
const mergedPagesOf = (o: WorkerOutcome) => (JSON.parse(o.ok ? o.output.reportJson : '{"pageRoles":[]}') as { pageRoles: { page: number }[] }).pageRoles.map((r) => r.page);

describe('createWorkerPool', () => {
  it('reuses a worker after a success and replaces it after a failure', async () => {
    const pool = createWorkerPool({ timeoutMs: 10_000, maxMemoryMb: 32 });
    try {
      // The fake counts its calls per worker thread: a reused worker answers 2, a fresh one 1.
      expect(cardsOf(await pool.run(await task('a.pdf', 'count')))).toBe(1);
      expect(cardsOf(await pool.run(await task('b.pdf', 'count')))).toBe(2);
      expect(cardsOf(await pool.run(await task('c.pdf', 'garbage')))).toBe('not-pdf');
      expect(cardsOf(await pool.run(await task('d.pdf', 'count')))).toBe(1);
      expect(cardsOf(await pool.run(await task('e.pdf', 'bloat')))).toBe('memory');
      expect(cardsOf(await pool.run(await task('f.pdf', 'count')))).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('runs tasks in workers without the fetch API and with synchronous decompression (src/cli/without-fetch.ts, src/load/sync-decompression.ts)', async () => {
    const pool = createWorkerPool({ timeoutMs: 10_000, maxMemoryMb: 64 });
    try {
      const outcome = await pool.run(await task('a.pdf', 'globals-probe'));
      expect(outcome.ok ? 'ok' : outcome.error.message).toBe(
        'undici not loaded; Response: the fetch API is not available in an extraction worker: it reads local files only; DecompressionStream: SyncDecompressionStream',
      );
    } finally {
      await pool.close();
    }
  });

  it('kills a worker as soon as it is idle once told no task will follow', async () => {
    const pool = createWorkerPool({ timeoutMs: 10_000, maxMemoryMb: 32 });
    try {
      const [a, b] = [await task('a.pdf', 'count'), await task('b.pdf', 'count')];
      const first = pool.run(a);
      pool.retireWhenIdle();
      expect(cardsOf(await first)).toBe(1);
      // Its worker was killed when released: a later task (against the contract) gets a fresh one, not the same (2).
      expect(cardsOf(await pool.run(b))).toBe(1);
    } finally {
      await pool.close();
    }
  });

  // The limit counts from the moment the worker has its modules: a fresh worker's start-up, however
  // slow the machine, is not part of it.
  it('replaces a worker that timed out', async () => {
    const pool = createWorkerPool({ timeoutMs: 2_000, maxMemoryMb: 64 });
    try {
      expect(cardsOf(await pool.run(await task('a.pdf', 'hang')))).toBe('timeout');
      expect(cardsOf(await pool.run(await task('b.pdf', 'count')))).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('runs files in parallel on separate workers and reports progress and usage', async () => {
    const pool = createWorkerPool({ timeoutMs: 30_000, maxMemoryMb: 64 });
    try {
      const pages: number[] = [];
      const outcomes = await Promise.all([pool.run(await task('a.pdf', 'count'), (done) => pages.push(done)), pool.run(await task('b.pdf', 'count'))]);
      expect(outcomes.map(cardsOf)).toEqual([1, 1]);
      expect(pages).toEqual(pagesUpTo(12));
      expect(outcomes[0]!.usage!.peakHeapUsedBytes).toBeGreaterThan(0);
      expect(outcomes[0]!.usage!.maxRssKb).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('reads a file in parts on several workers and merges every part before the later stages', async () => {
    const pool = createWorkerPool({ timeoutMs: 30_000, maxMemoryMb: 64 });
    try {
      const progress: number[] = [];
      // Every worker gets pages: a page as short as the fake's is worth a reader of its own here.
      const outcome = await pool.runInParts(await task('a.pdf', 'cards 3'), 3, (done) => progress.push(done), 1);
      expect(cardsOf(outcome)).toBe(3);
      expect(mergedPagesOf(outcome)).toEqual(pagesUpTo(12));
      expect(progress.at(-1)).toBe(12);
      // The workers are kept: the next file in three parts reuses all three, and merges its own pages only.
      const next = await pool.runInParts(await task('b.pdf', 'count'), 3, undefined, 1);
      expect(cardsOf(next)).toBe(2);
      expect(mergedPagesOf(next)).toEqual(pagesUpTo(12));
      // With the default minimum, a 12-page file gets one reader of the three: it reads every page.
      const short = await pool.runInParts(await task('c.pdf', 'cards 1'), 3);
      expect(cardsOf(short)).toBe(1);
      expect(mergedPagesOf(short)).toEqual(pagesUpTo(12));
    } finally {
      await pool.close();
    }
  });

  it('fails a file read in parts with one of its parts’ failures, and reads the next file afresh', async () => {
    const pool = createWorkerPool({ timeoutMs: 2_000, maxMemoryMb: 64 });
    try {
      expect(cardsOf(await pool.runInParts(await task('a.pdf', 'cards 1\npart 1: garbage'), 2))).toBe('not-pdf');
      expect(cardsOf(await pool.runInParts(await task('b.pdf', 'cards 1\npart 0: crash\npart 1: garbage'), 2))).toBe(null);
      expect(cardsOf(await pool.runInParts(await task('c.pdf', 'cards 1\npart 1: hang'), 2))).toBe('timeout');
      // After failed readings (a worker kept, with pages of them), a new one merges its own pages only.
      const after = await pool.runInParts(await task('d.pdf', 'cards 2'), 2, undefined, 1);
      expect(cardsOf(after)).toBe(2);
      expect(mergedPagesOf(after)).toEqual(pagesUpTo(12));
    } finally {
      await pool.close();
    }
  });

  it('picks the failure earliest in the document: pages are dealt in order', () => {
    const replies = [{ ok: true, id: 'a' }, { ok: false, id: 'b' }, { ok: false, id: 'c' }, { ok: false, id: 'd' }];
    expect(earliestFailure(replies, [1, 40, 12, 90])?.id).toBe('c');
    // A worker that failed before it was dealt a page (opening the file) came first; ties go to the lower index.
    expect(earliestFailure(replies, [1, 40, 0, 0])?.id).toBe('c');
    expect(earliestFailure([{ ok: true }, { ok: true }], [1, 2])).toBeUndefined();
  });
});
