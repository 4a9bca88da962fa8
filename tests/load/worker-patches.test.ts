// The load stage's patches of pdfjs-dist's worker module (src/load/worker-patches.ts): found in the
// installed pdfjs-dist, refused where they would not apply, written once, and giving the same text and
// the same load-stage items, page for page, as pdfjs-dist as installed.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchWorkerSource, usePatchedWorker, WORKER_PATCHES, writePatchedWorker, type WorkerPatch } from '../../src/load/worker-patches.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stockPath = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const count = (text: string, part: string) => text.split(part).length - 1;
const patchNamed = (name: string): WorkerPatch => WORKER_PATCHES.find((p) => p.name === name)!;
const textState = patchNamed('text-state-clone');
const fontName = patchNamed('font-name-in-styles');
const textTransform = patchNamed('text-transform-scratch');
const operands = patchNamed('operands-array-kept');
const hexBuffer = patchNamed('lexer-hex-string-buffer-kept');

let stock: string;
let dir: string;
beforeAll(async () => {
  stock = await readFile(stockPath, 'utf8');
  dir = await mkdtemp(path.join(tmpdir(), 'worker-patches-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('patchWorkerSource', () => {
  it('makes each patch once in the installed pdfjs-dist, and changes nothing else', () => {
    const names = [
      'text-state-clone',
      'font-name-in-styles',
      'text-transform-scratch',
      'operands-array-kept',
      'lexer-string-buffer-kept',
      'lexer-name-buffer-kept',
      'lexer-hex-string-buffer-kept',
    ];
    expect(WORKER_PATCHES.map((p) => p.name)).toEqual(names);
    const patched = patchWorkerSource(stock)!;
    expect(patched.applied).toEqual(names);
    let restored = patched.source;
    for (const patch of WORKER_PATCHES) {
      expect(count(stock, patch.stock)).toBe(1);
      expect(count(patched.source, patch.stock)).toBe(0);
      expect(count(patched.source, patch.patched)).toBe(1);
      restored = restored.replace(patch.patched, patch.stock);
    }
    expect(restored).toBe(stock);
  });

  const named = (patch: WorkerPatch) => patch.name;
  it.each([
    ['text-state', 'its text is missing (another pdfjs-dist)', (s: string) => s.replace(textState.stock, '')],
    ['text-state', 'its text is there twice', (s: string) => s.replace(textState.stock, textState.stock + '\n  }\n' + textState.stock)],
    ['text-state', 'its text belongs to another class', (s: string) => s.replace('\nclass TextState {', '\nclass TextState {}\nclass OtherState {')],
    ['font-name', 'its text is missing (another pdfjs-dist)', (s: string) => s.replace(fontName.stock, '')],
    ['font-name', 'its text belongs to another function', (s: string) => s.replace('\n    function ensureTextContentItem() {', '\n    function ensureTextContentItem() {}\n    function buildStyle() {')],
    ['text-transform', 'its text is missing (another pdfjs-dist)', (s: string) => s.replace(textTransform.stock, '')],
    // The method declared before it then also holds the operands patch's text, further down.
    ['text-transform and operands', 'their text belongs to another method', (s: string) => s.replace(textTransform.stock, '  otherMethod() {\n  }\n' + textTransform.stock)],
    ['operands', 'its text is missing (another pdfjs-dist)', (s: string) => s.replace(operands.stock, '')],
    ['operands', 'its text belongs to another method', (s: string) => s.replace(operands.stock, '  static otherMethod() {\n  }\n' + operands.stock)],
    ['hex-string buffer', 'its text is missing (another pdfjs-dist)', (s: string) => s.replace(hexBuffer.stock, '')],
    ['hex-string buffer', 'its text belongs to another class', (s: string) => s.replace(hexBuffer.stock, '}\nclass OtherLexer {\n' + hexBuffer.stock)],
  ])('leaves out the %s patch when %s, and still makes the others', (which, _, change) => {
    const left = {
      'text-state': [textState],
      'font-name': [fontName],
      'text-transform': [textTransform],
      'text-transform and operands': [textTransform, operands],
      operands: [operands],
      'hex-string buffer': [hexBuffer],
    }[which]!;
    const source = change(stock);
    expect(source).not.toBe(stock);
    expect(patchWorkerSource(source)?.applied).toEqual(WORKER_PATCHES.filter((p) => !left.includes(p)).map(named));
  });

  it('gives nothing when no patch applies', () => {
    expect(patchWorkerSource(WORKER_PATCHES.reduce((s, p) => s.replace(p.stock, ''), stock))).toBeNull();
  });
});

describe('writePatchedWorker', () => {
  it('writes the patched module once, then finds it, and removes the copies of earlier installs', async () => {
    const cache = path.join(dir, 'once');
    await mkdir(cache);
    await writeFile(path.join(cache, 'pdf.worker.0123456789abcdef.mjs'), '// an earlier install\n');
    await writeFile(path.join(cache, 'notes.txt'), 'not ours to remove\n');
    const first = await writePatchedWorker(stockPath, cache);
    expect(first).not.toBeNull();
    expect(await readFile(first!, 'utf8')).toBe(patchWorkerSource(stock)!.source);
    const written = (await stat(first!)).mtimeMs;
    expect(await writePatchedWorker(stockPath, cache)).toBe(first);
    expect((await stat(first!)).mtimeMs).toBe(written);
    // The partial file was renamed, and the earlier copy removed.
    expect((await readdir(cache)).sort()).toEqual(['notes.txt', path.basename(first!)].sort());
  });

  it('writes nothing for a worker module no patch applies to', async () => {
    const other = path.join(dir, 'other-pdf.worker.mjs');
    await writeFile(other, 'export const WorkerMessageHandler = null;\n');
    const cache = path.join(dir, 'other');
    expect(await writePatchedWorker(other, cache)).toBeNull();
    await expect(readdir(cache)).rejects.toThrow(/ENOENT/);
  });
});

describe('usePatchedWorker', () => {
  it.each([
    ['a module without the worker', 'export const nothing = 1;\n'],
    ['a file that is not JavaScript', 'pdf.js was here \u0000\n'],
  ])('leaves pdfjs-dist as installed when its cached copy was damaged into %s, and removes the copy', async (_, damaged) => {
    const cache = path.join(dir, `damaged-${damaged.length}`);
    const copy = (await writePatchedWorker(stockPath, cache))!;
    await writeFile(copy, damaged);
    const outcome = await usePatchedWorker(cache);
    expect(outcome).toMatchObject({ applied: false, reason: expect.stringContaining('was not pdf.js\'s worker module') });
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
    await expect(stat(copy)).rejects.toThrow(/ENOENT/);
  });

  it('leaves pdfjs-dist as installed, and says why, when the cache folder cannot be made', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, '');
    const outcome = await usePatchedWorker(path.join(blocker, 'cache'));
    expect(outcome.applied).toBe(false);
    expect(outcome).toMatchObject({ reason: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
  });
});

type Reading = { file: string; items: number; styles: number; namedStyles: number; pages: string[]; loadedPages: string[]; boldItems: number };
type Dump = { patched: { applied: boolean } | null; patchedModuleUsed: boolean; documents: Reading[] };

function dumpReading(mode: 'stock' | 'patched', files: string[]): Promise<Dump> {
  const script = path.join(root, 'tests/support/dump-pdfjs-reading.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, mode, path.join(dir, 'dump'), ...files], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Dump);
    });
  });
}

describe('the patched pdfjs-dist', () => {
  it('gives the same text content and the same load-stage items as pdfjs-dist as installed, page for page, on the edition and its three variants', async () => {
    const variants = path.join(root, 'fixtures/variants');
    const files = [
      path.join(root, 'input/pactes-regionaux-innovation-en-actions-2020-01.pdf'),
      ...(await readdir(variants)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(variants, f)),
    ];
    expect(files).toHaveLength(4);
    const [asInstalled, patched] = await Promise.all([dumpReading('stock', files), dumpReading('patched', files)]);
    expect(asInstalled.patchedModuleUsed).toBe(false);
    expect(patched.patched).toMatchObject({ applied: true });
    expect(patched.patchedModuleUsed).toBe(true);
    const compared = ({ file, items, pages, loadedPages, boldItems }: Reading) => ({ file, items, pages, loadedPages, boldItems });
    for (const document of asInstalled.documents) {
      expect(document.items).toBeGreaterThan(10_000);
      expect(document.boldItems).toBeGreaterThan(1_000);
      expect(document.namedStyles).toBe(0);
    }
    // Every font is named by the text content itself, so the load stage builds no operator list.
    for (const document of patched.documents) expect(document.namedStyles).toBe(document.styles);
    expect(patched.documents.map(compared)).toEqual(asInstalled.documents.map(compared));
  }, 180_000);
});
