import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageFile, writeFileAtomic } from '../../src/emit/write-file-atomic.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates and then replaces a file, leaving no temp file', async () => {
    const target = path.join(dir, 'out.json');
    await writeFileAtomic(target, 'first\n');
    await writeFileAtomic(target, 'sécond\n');
    expect(await readFile(target, 'utf8')).toBe('sécond\n');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('leaves the previous file and no temp file when writing throws', async () => {
    const target = path.join(dir, 'out.json');
    await writeFile(target, 'old content');
    // A value writeFile rejects: the temp file is already open when the write fails.
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('fails without creating anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'out.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('never interleaves concurrent writers: the file is exactly one of the contents', async () => {
    const target = path.join(dir, 'out.json');
    const contents = Array.from({ length: 12 }, (_, i) => String.fromCharCode(65 + i).repeat(1 << 20));
    await Promise.all(contents.map((c) => writeFileAtomic(target, c)));
    const final = await readFile(target, 'utf8');
    expect(contents).toContain(final);
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('stages into a unique hidden temp file that discard removes', async () => {
    const target = path.join(dir, 'out.json');
    const a = await stageFile(target, 'a');
    const b = await stageFile(target, 'b');
    expect(a.tempPath).not.toBe(b.tempPath);
    expect(path.dirname(a.tempPath)).toBe(dir);
    await a.discard();
    await b.commit();
    expect(await readdir(dir)).toEqual(['out.json']);
    expect(await readFile(target, 'utf8')).toBe('b');
  });
});
