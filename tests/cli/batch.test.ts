import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeFor, outputBaseName, runBatch, type BatchOptions, type FileOutcome } from '../../src/cli/batch.ts';
import type { InputEntry } from '../../src/cli/resolve-inputs.ts';
import { InputError } from '../../src/model/errors.ts';

const fakeExtractor = new URL('./fake-extract.ts', import.meta.url).href;

let dir: string;
let options: BatchOptions;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'batch-'));
  options = { outDir: path.join(dir, 'out'), jobs: 2, password: undefined, timeoutSeconds: 30, maxMemoryMb: 256, extractorUrl: fakeExtractor };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inputFile(name: string, firstLine: string): Promise<InputEntry> {
  const file = path.join(dir, name);
  await writeFile(file, firstLine + '\n');
  return { kind: 'file', file };
}

describe('runBatch', () => {
  it('extracts each file in a worker and writes its outputs', async () => {
    const entries = [await inputFile('a.pdf', 'cards 2'), await inputFile('b b é.pdf', 'cards 1')];
    const progress: string[] = [];
    const outcomes = await runBatch(entries, options, { onProgress: (f, d, t) => progress.push(`${path.basename(f)} ${d}/${t}`) });
    expect(outcomes).toMatchObject([
      { ok: true, cards: 2, warnings: 1, errors: 0, pageCount: 40, datasetPath: path.join(options.outDir, 'a.json') },
      { ok: true, cards: 1, datasetPath: path.join(options.outDir, 'b b é.json') },
    ]);
    expect((await readdir(options.outDir)).sort()).toEqual(['a.json', 'a.report.json', 'b b é.json', 'b b é.report.json']);
    expect(progress).toContain('a.pdf 12/12');
    expect(exitCodeFor(outcomes)).toBe(0);
  });

  it('goes on after a rejected file and leaves that file’s earlier output untouched', async () => {
    await runBatch([await inputFile('bad.pdf', 'cards 1')], options);
    const earlier = await readFile(path.join(options.outDir, 'bad.json'), 'utf8');
    const bad = await inputFile('bad.pdf', 'garbage');
    const good = await inputFile('good.pdf', 'cards 1');

    const outcomes = await runBatch([bad, good], options);
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'not-pdf', message: `${path.join(dir, 'bad.pdf')}: not a PDF (fake)` });
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(await readFile(path.join(options.outDir, 'bad.json'), 'utf8')).toBe(earlier);
    expect(exitCodeFor(outcomes)).toBe(4);
  });

  it('terminates a file that runs past the time limit', async () => {
    // The limit counts from the moment a worker has its modules, so 1.5 s is the same on any machine.
    const outcomes = await runBatch([await inputFile('slow.pdf', 'hang'), await inputFile('ok.pdf', 'cards 1')], { ...options, timeoutSeconds: 1.5 });
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'timeout', message: expect.stringMatching(/slow\.pdf: stopped after 1\.5 s/) });
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(exitCodeFor(outcomes)).toBe(10);
  });

  it('fails a file whose worker exceeds the memory ceiling, not the process', async () => {
    const outcomes = await runBatch([await inputFile('big.pdf', 'bloat')], { ...options, maxMemoryMb: 32 });
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'memory', message: expect.stringMatching(/big\.pdf: ran out of memory \(over 32 MB/) });
    expect(exitCodeFor(outcomes)).toBe(11);
  });

  it('reports an unexpected error with exit code 1', async () => {
    const outcomes = await runBatch([await inputFile('bug.pdf', 'crash')], options);
    expect(outcomes[0]).toMatchObject({ ok: false, kind: null, message: expect.stringContaining('something broke') });
    expect(exitCodeFor(outcomes)).toBe(1);
  });

  it('fails every file without extracting when the output directory cannot be written', async () => {
    await writeFile(path.join(dir, 'blocker'), '');
    const outDir = path.join(dir, 'blocker', 'out');
    const entries = [await inputFile('a.pdf', 'hang')];
    const outcomes = await runBatch(entries, { ...options, outDir });
    expect(outcomes[0]).toMatchObject({ ok: false, kind: 'output-unwritable' });
    expect(outcomes[0]!.ok || outcomes[0]!.message).toMatch(new RegExp(`a\\.pdf: cannot write to .*blocker.out \\(`));
  });

  it('refuses a second file whose output would overwrite the first one’s', async () => {
    const first = await inputFile('x.pdf', 'cards 1');
    await mkdir(path.join(dir, 'other'));
    await writeFile(path.join(dir, 'other', 'x.pdf'), 'cards 1\n');
    const outcomes = await runBatch([first, { kind: 'file', file: path.join(dir, 'other', 'x.pdf') }], options);
    expect(outcomes[0]).toMatchObject({ ok: true });
    expect(outcomes[1]).toMatchObject({ ok: false, kind: 'output-unwritable', message: expect.stringContaining('is already the output of') });
  });

  it('passes resolution errors through in order', async () => {
    const missing: InputEntry = { kind: 'error', file: 'gone.pdf', error: new InputError('not-found', 'gone.pdf: no such file or directory') };
    const outcomes = await runBatch([await inputFile('a.pdf', 'garbage'), missing], options);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.kind))).toEqual(['not-pdf', 'not-found']);
    expect(exitCodeFor(outcomes)).toBe(4);
  });
});

describe('exitCodeFor', () => {
  const ok = { ok: true } as FileOutcome;
  const failed = (kind: string | null) => ({ ok: false, kind }) as FileOutcome;
  it.each([
    [[], 0],
    [[ok, ok], 0],
    [[ok, failed('damaged'), failed('not-found')], 6],
    [[failed(null), failed('empty')], 1],
    [[ok, failed('output-unwritable')], 12],
  ])('%j → %i', (outcomes, code) => {
    expect(exitCodeFor(outcomes)).toBe(code);
  });
});

describe('outputBaseName', () => {
  it.each([
    ['input/x.pdf', 'x'],
    ['a/Édition 2020.PDF', 'Édition 2020'],
    ['notes.txt', 'notes.txt'],
    ['a.b.pdf', 'a.b'],
  ])('%s → %s', (file, base) => {
    expect(outputBaseName(file)).toBe(base);
  });
});
