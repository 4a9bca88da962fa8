import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatUsage, listExitCodes, listOptions } from '../../src/cli/args.ts';

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

  it('documents every option the parser accepts, and --help lists them all', async () => {
    const doc = await readFile(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const help = formatUsage();
    const options = listOptions();
    expect(options.length).toBeGreaterThan(0);
    for (const { name, short } of options) {
      expect(doc, `docs/cli.md documents --${name}`).toContain(`\`--${name}`);
      expect(help, `--help lists --${name}`).toMatch(new RegExp(`(^|\\s)--${name}\\b`, 'm'));
      if (short) expect(help, `--help lists -${short}`).toContain(`-${short}, --${name}`);
    }
  });
});
