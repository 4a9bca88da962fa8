import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type WorkerOutcome } from '../../src/cli/worker-pool.ts';

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
      expect(pages).toEqual([1, 2, 3, 4]);
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
      const outcome = await pool.runInParts(await task('a.pdf', 'cards 3'), 3, (done) => progress.push(done));
      expect(cardsOf(outcome)).toBe(3);
      expect(mergedPagesOf(outcome)).toEqual([1, 2, 3]);
      expect(progress.at(-1)).toBe(3);
      // The workers are kept: the next file in three parts reuses all three, and merges its own pages only.
      const next = await pool.runInParts(await task('b.pdf', 'count'), 3);
      expect(cardsOf(next)).toBe(2);
      expect(mergedPagesOf(next)).toEqual([1, 2, 3]);
    } finally {
      await pool.close();
    }
  });

  it('fails a file read in parts with the failure of its first failing part, in page order', async () => {
    const pool = createWorkerPool({ timeoutMs: 2_000, maxMemoryMb: 64 });
    try {
      expect(cardsOf(await pool.runInParts(await task('a.pdf', 'cards 1\npart 1: garbage'), 2))).toBe('not-pdf');
      expect(cardsOf(await pool.runInParts(await task('b.pdf', 'cards 1\npart 0: crash\npart 1: garbage'), 2))).toBe(null);
      expect(cardsOf(await pool.runInParts(await task('c.pdf', 'cards 1\npart 1: hang'), 2))).toBe('timeout');
      // After failed readings (a worker kept, with pages of them), a new one merges its own pages only.
      const after = await pool.runInParts(await task('d.pdf', 'cards 2'), 2);
      expect(cardsOf(after)).toBe(2);
      expect(mergedPagesOf(after)).toEqual([1, 2]);
    } finally {
      await pool.close();
    }
  });
});
