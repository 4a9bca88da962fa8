// `npm start -- --review --csv` writes the review page and the data package beside the dataset.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataPackageDir } from '../../src/package/check-data-package.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'pactes-review-csv-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('--review and --csv', () => {
  it('write a review page and a valid data package for the edition', async () => {
    const pdf = path.join(root, 'input/pactes-regionaux-innovation-en-actions-2020-01.pdf');
    await run(process.execPath, [path.join(root, 'src/cli/main.ts'), pdf, '--out', out, '--review', '--csv', '--quiet'], { cwd: root });
    const base = path.join(out, 'pactes-regionaux-innovation-en-actions-2020-01');
    expect(readFileSync(`${base}.review.html`, 'utf8')).toContain('<html');
    expect(existsSync(path.join(base, 'cards.csv'))).toBe(true);
    expect(await checkDataPackageDir(base)).toEqual([]);
  }, 120_000);
});
