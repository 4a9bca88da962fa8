// The load stage's fix of pdfjs-dist's text state: found in the installed pdfjs-dist, refused where it
// would not apply, written once, and giving the same text, page for page, as pdfjs-dist as installed.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixWorkerSource, TEXT_STATE_CLONE, useTextStateFix, writeFixedWorker } from '../../src/load/text-state-fix.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stockPath = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const count = (text: string, part: string) => text.split(part).length - 1;

let stock: string;
let dir: string;
beforeAll(async () => {
  stock = await readFile(stockPath, 'utf8');
  dir = await mkdtemp(path.join(tmpdir(), 'text-state-fix-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fixWorkerSource', () => {
  it('replaces the one copy of the text state in the installed pdfjs-dist, and nothing else', () => {
    expect(count(stock, TEXT_STATE_CLONE.stock)).toBe(1);
    const fixed = fixWorkerSource(stock)!;
    expect(count(fixed, TEXT_STATE_CLONE.stock)).toBe(0);
    expect(count(fixed, TEXT_STATE_CLONE.fixed)).toBe(1);
    expect(fixed.length - stock.length).toBe(TEXT_STATE_CLONE.fixed.length - TEXT_STATE_CLONE.stock.length);
    expect(fixed.replace(TEXT_STATE_CLONE.fixed, TEXT_STATE_CLONE.stock)).toBe(stock);
  });

  it.each([
    ['the text is missing (another pdfjs-dist)', (s: string) => s.replace(TEXT_STATE_CLONE.stock, '')],
    ['the text is there twice', (s: string) => s.replace(TEXT_STATE_CLONE.stock, TEXT_STATE_CLONE.stock + '\n  }\n' + TEXT_STATE_CLONE.stock)],
    ['the text belongs to another class', (s: string) => s.replace('\nclass TextState {', '\nclass TextState {}\nclass OtherState {')],
  ])('refuses when %s', (_, change) => {
    const source = change(stock);
    expect(source).not.toBe(stock);
    expect(fixWorkerSource(source)).toBeNull();
  });
});

describe('writeFixedWorker', () => {
  it('writes the fixed module once, then finds it, and removes the copies of earlier installs', async () => {
    const cache = path.join(dir, 'once');
    await mkdir(cache);
    await writeFile(path.join(cache, 'pdf.worker.0123456789abcdef.mjs'), '// an earlier install\n');
    await writeFile(path.join(cache, 'notes.txt'), 'not ours to remove\n');
    const first = await writeFixedWorker(stockPath, cache);
    expect(first).not.toBeNull();
    expect(await readFile(first!, 'utf8')).toBe(fixWorkerSource(stock));
    const written = (await stat(first!)).mtimeMs;
    expect(await writeFixedWorker(stockPath, cache)).toBe(first);
    expect((await stat(first!)).mtimeMs).toBe(written);
    // The partial file was renamed, and the earlier copy removed.
    expect((await readdir(cache)).sort()).toEqual(['notes.txt', path.basename(first!)].sort());
  });

  it('writes nothing for a worker module the fix does not apply to', async () => {
    const other = path.join(dir, 'other-pdf.worker.mjs');
    await writeFile(other, 'export const WorkerMessageHandler = null;\n');
    const cache = path.join(dir, 'other');
    expect(await writeFixedWorker(other, cache)).toBeNull();
    await expect(readdir(cache)).rejects.toThrow(/ENOENT/);
  });
});

describe('useTextStateFix', () => {
  it.each([
    ['a module without the worker', 'export const nothing = 1;\n'],
    ['a file that is not JavaScript', 'pdf.js was here \u0000\n'],
  ])('leaves pdfjs-dist as installed when its cached copy was damaged into %s, and removes the copy', async (_, damaged) => {
    const cache = path.join(dir, `damaged-${damaged.length}`);
    const copy = (await writeFixedWorker(stockPath, cache))!;
    await writeFile(copy, damaged);
    const outcome = await useTextStateFix(cache);
    expect(outcome).toMatchObject({ applied: false, reason: expect.stringContaining('was not pdf.js\'s worker module') });
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
    await expect(stat(copy)).rejects.toThrow(/ENOENT/);
  });

  it('leaves pdfjs-dist as installed, and says why, when the cache folder cannot be made', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, '');
    const outcome = await useTextStateFix(path.join(blocker, 'cache'));
    expect(outcome.applied).toBe(false);
    expect(outcome).toMatchObject({ reason: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
  });
});

type Dump = { fix: { applied: boolean } | null; fixedModuleUsed: boolean; documents: { file: string; items: number; pages: string[] }[] };

function dumpTextContent(mode: 'stock' | 'fixed', files: string[]): Promise<Dump> {
  const script = path.join(root, 'tests/support/dump-text-content.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, mode, path.join(dir, 'dump'), ...files], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Dump);
    });
  });
}

describe('the fixed pdfjs-dist', () => {
  it('gives the same text content as pdfjs-dist as installed, page for page, on the edition and its three variants', async () => {
    const variants = path.join(root, 'fixtures/variants');
    const files = [
      path.join(root, 'input/pactes-regionaux-innovation-en-actions-2020-01.pdf'),
      ...(await readdir(variants)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(variants, f)),
    ];
    expect(files).toHaveLength(4);
    const [asInstalled, fixed] = await Promise.all([dumpTextContent('stock', files), dumpTextContent('fixed', files)]);
    expect(asInstalled.fixedModuleUsed).toBe(false);
    expect(fixed.fix).toMatchObject({ applied: true });
    expect(fixed.fixedModuleUsed).toBe(true);
    for (const document of asInstalled.documents) expect(document.items).toBeGreaterThan(10_000);
    expect(fixed.documents).toEqual(asInstalled.documents);
  }, 180_000);
});
