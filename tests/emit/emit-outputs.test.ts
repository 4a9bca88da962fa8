import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitOutputs, probeOutputDir } from '../../src/emit/emit-outputs.ts';
import { serialiseDataset } from '../../src/emit/serialise.ts';
import { InputError } from '../../src/model/errors.ts';
import { makeResult } from './sample-dataset.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('emitOutputs', () => {
  it('writes the dataset and the report, creating the output directory', async () => {
    const out = path.join(dir, 'nested', 'out');
    const result = makeResult(2, 'input/édition 2020.pdf');
    const written = await emitOutputs(out, 'édition 2020', result);
    expect(written).toEqual({ datasetPath: path.join(out, 'édition 2020.json'), reportPath: path.join(out, 'édition 2020.report.json') });
    expect(await readFile(written.datasetPath, 'utf8')).toBe(serialiseDataset(result.dataset));
    expect(JSON.parse(await readFile(written.reportPath, 'utf8'))).toEqual(result.report);
    expect((await readdir(out)).sort()).toEqual(['édition 2020.json', 'édition 2020.report.json']);
  });

  it('writes the same dataset bytes on every run', async () => {
    const first = await emitOutputs(dir, 'a', makeResult(3));
    const bytes = await readFile(first.datasetPath);
    await emitOutputs(dir, 'a', makeResult(3));
    expect((await readFile(first.datasetPath)).equals(bytes)).toBe(true);
  });

  it('throws output-unwritable naming the input and the directory, and leaves nothing behind', async () => {
    const blocker = path.join(dir, 'plain-file');
    await writeFile(blocker, 'not a directory');
    const out = path.join(blocker, 'out');
    const error = await emitOutputs(out, 'x', makeResult(1), 'input/x.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBe('output-unwritable');
    expect((error as InputError).exitCode).toBe(12);
    expect((error as InputError).message).toMatch(new RegExp(`^input/x\\.pdf: cannot write to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(.+\\)$`));
    expect(await readdir(dir)).toEqual(['plain-file']);
  });

  it('keeps the earlier outputs when the report cannot be written', async () => {
    await writeFile(path.join(dir, 'x.json'), 'earlier dataset');
    // A non-empty directory where the report should go makes its rename fail after staging.
    await mkdir(path.join(dir, 'x.report.json', 'occupied'), { recursive: true });
    await expect(emitOutputs(dir, 'x', makeResult(1))).rejects.toMatchObject({ kind: 'output-unwritable' });
    expect(await readFile(path.join(dir, 'x.json'), 'utf8')).toBe('earlier dataset');
    expect((await readdir(dir)).sort()).toEqual(['x.json', 'x.report.json']);
  });
});

describe('probeOutputDir', () => {
  it('creates a writable directory and leaves it empty', async () => {
    const out = path.join(dir, 'new');
    expect(await probeOutputDir(out)).toBeNull();
    expect(await readdir(out)).toEqual([]);
  });

  it('says why a directory cannot be used', async () => {
    await writeFile(path.join(dir, 'f'), '');
    expect(await probeOutputDir(path.join(dir, 'f', 'out'))).toMatch(/ENOTDIR|not a directory|EEXIST/);
  });
});
