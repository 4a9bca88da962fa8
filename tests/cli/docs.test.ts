import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { listExitCodes } from '../../src/cli/args.ts';

describe('docs/cli.md', () => {
  it('lists every exit code with its kind, as the CLI defines them', async () => {
    const doc = await readFile(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim().replaceAll('`', '')))
      .map((cells) => ({ code: Number(cells[1]), kind: cells[2] }));
    expect(rows).toEqual(listExitCodes().map(({ code, kind }) => ({ code, kind })));
  });

  it('documents every option of --help', async () => {
    const doc = await readFile(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    for (const option of ['--out', '--jobs', '--password', '--timeout', '--max-memory', '--quiet', '--help', '--version']) {
      expect(doc).toContain(`\`${option}`);
    }
  });
});
