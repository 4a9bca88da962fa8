// A file that blows past --max-memory fails alone, with `memory`, and the batch goes on.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_ERROR_KINDS } from '../../src/model/errors.ts';
import { makeCMapBombPdf } from '../support/bad-pdfs.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'pactes-bomb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('memory ceiling', () => {
  it('fails the memory-hungry file with `memory` and still extracts the good one', async () => {
    writeFileSync(path.join(dir, 'bomb.pdf'), makeCMapBombPdf());
    copyFileSync(path.join(root, 'input/pactes-regionaux-innovation-en-actions-2020-01.pdf'), path.join(dir, 'good.pdf'));
    const out = path.join(dir, 'out');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(root, 'src/cli/main.ts'), path.join(dir, 'bomb.pdf'), path.join(dir, 'good.pdf'), '--out', out, '--max-memory', '200', '--jobs', '1'], { cwd: root }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.code).toBe(INPUT_ERROR_KINDS.memory);
    expect(result.stderr).toMatch(/FAILED .*bomb\.pdf: ran out of memory/);
    expect(existsSync(path.join(out, 'good.json'))).toBe(true);
    expect(existsSync(path.join(out, 'bomb.json'))).toBe(false);
  }, 120_000);
});
