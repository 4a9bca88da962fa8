import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/cli/resolve-inputs.ts';

let dir: string;
let cwd: string;
beforeEach(async () => {
  cwd = process.cwd();
  dir = await mkdtemp(path.join(tmpdir(), 'inputs-'));
  process.chdir(dir);
});
afterEach(async () => {
  process.chdir(cwd);
  await rm(dir, { recursive: true, force: true });
});

const touch = async (...files: string[]) => {
  for (const f of files) {
    await mkdir(path.dirname(f), { recursive: true });
    await writeFile(f, '');
  }
};

describe('resolveInputs', () => {
  it('takes every *.pdf of ./input, sorted, when no path is given', async () => {
    await touch('input/b.pdf', 'input/a.PDF', 'input/notes.txt', 'input/sub/c.pdf');
    expect(await resolveInputs([])).toEqual([
      { kind: 'file', file: path.join('input', 'a.PDF') },
      { kind: 'file', file: path.join('input', 'b.pdf') },
    ]);
  });

  it('keeps the order given, expands directories, and processes a file once', async () => {
    await touch('d/z.pdf', 'd/y.pdf', 'x.pdf', 'data.bin');
    expect(await resolveInputs(['x.pdf', 'd', './x.pdf', 'data.bin', 'd/y.pdf'])).toEqual([
      { kind: 'file', file: 'x.pdf' },
      { kind: 'file', file: path.join('d', 'y.pdf') },
      { kind: 'file', file: path.join('d', 'z.pdf') },
      { kind: 'file', file: 'data.bin' },
    ]);
  });

  it('reports a missing path as not-found, naming it, without stopping', async () => {
    await touch('ok.pdf');
    const entries = await resolveInputs(['missing file.pdf', 'ok.pdf']);
    expect(entries[0]).toMatchObject({ kind: 'error', file: 'missing file.pdf', error: { kind: 'not-found' } });
    expect(entries[0]!.kind === 'error' && entries[0]!.error.message).toBe('missing file.pdf: no such file or directory');
    expect(entries[1]).toEqual({ kind: 'file', file: 'ok.pdf' });
  });

  it('reports a missing ./input and a directory without PDFs as not-found', async () => {
    expect(await resolveInputs([])).toMatchObject([{ kind: 'error', file: 'input', error: { kind: 'not-found' } }]);
    await touch('empty/readme.txt');
    expect(await resolveInputs(['empty'])).toMatchObject([{ kind: 'error', error: { kind: 'not-found', message: expect.stringMatching(/^empty: no \*\.pdf/) } }]);
  });

  it('handles spaces and accented names', async () => {
    await touch('Éditions 2020/pacte région été.pdf');
    expect(await resolveInputs(['Éditions 2020'])).toEqual([{ kind: 'file', file: path.join('Éditions 2020', 'pacte région été.pdf') }]);
  });
});
