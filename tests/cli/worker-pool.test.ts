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

const cardsOf = (o: WorkerOutcome) => (o.ok ? o.result.dataset.cards.length : o.error.kind);

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

  it('replaces a worker that timed out', async () => {
    const pool = createWorkerPool({ timeoutMs: 300, maxMemoryMb: 64 });
    try {
      expect(cardsOf(await pool.run(await task('a.pdf', 'hang')))).toBe('timeout');
      expect(cardsOf(await pool.run(await task('b.pdf', 'count')))).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('runs files in parallel on separate workers and reports progress and usage', async () => {
    const pool = createWorkerPool({ timeoutMs: 5000, maxMemoryMb: 64 });
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
});
