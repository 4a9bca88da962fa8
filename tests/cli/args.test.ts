import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, formatUsage, parseArgs, UsageError, type RunOptions } from '../../src/cli/args.ts';
import { INPUT_ERROR_KINDS } from '../../src/model/errors.ts';

const typedIn = path.resolve('/home/ana/editions');

const defaults = {
  paths: [],
  outDir: DEFAULTS.outDir,
  jobs: 4,
  password: undefined,
  timeoutSeconds: DEFAULTS.timeoutSeconds,
  maxMemoryMb: DEFAULTS.maxMemoryMb,
  quiet: false,
  review: false,
  csv: false,
};

describe('parseArgs', () => {
  it.each([
    [[], {}],
    [['a.pdf', 'dir/'], { paths: ['a.pdf', 'dir/'] }],
    [['a.pdf', 'dir/', '--out', 'out2'], { paths: ['a.pdf', 'dir/'], outDir: 'out2' }],
    [['--out=out dir', 'my file.pdf'], { paths: ['my file.pdf'], outDir: 'out dir' }],
    [['-o', 'o', '-j', '2', '-q'], { outDir: 'o', jobs: 2, quiet: true }],
    [['--jobs', '1'], { jobs: 1 }],
    [['--password', 'sécret'], { password: 'sécret' }],
    [['--timeout', '2.5'], { timeoutSeconds: 2.5 }],
    [['--max-memory', '512'], { maxMemoryMb: 512 }],
    [['--', '--odd-name.pdf'], { paths: ['--odd-name.pdf'] }],
    [['--review', '--csv'], { review: true, csv: true }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv, 4)).toEqual({ kind: 'run', options: { ...defaults, ...expected } });
  });

  it.each<[string[], Partial<RunOptions>]>([
    [['a.pdf', 'editions/', '--out', 'out2'], { paths: [path.join(typedIn, 'a.pdf'), path.join(typedIn, 'editions')], outDir: path.join(typedIn, 'out2') }],
    [[path.resolve('/srv/a.pdf'), '-o', path.resolve('/srv/out')], { paths: [path.resolve('/srv/a.pdf')], outDir: path.resolve('/srv/out') }],
    // The defaults stay the project's input/ and output/ (the working directory's), named whole.
    [[], { paths: [path.resolve(DEFAULTS.inputDir)], outDir: path.resolve(DEFAULTS.outDir) }],
    [['a.pdf'], { paths: [path.join(typedIn, 'a.pdf')], outDir: path.resolve(DEFAULTS.outDir) }],
  ])('%j typed in another folder: its relative paths are taken from there', (argv, expected) => {
    expect(parseArgs(argv, 4, typedIn)).toEqual({ kind: 'run', options: { ...defaults, ...expected } });
  });

  it('defaults --jobs to the number of cores, at least 1', () => {
    expect(parseArgs([], 7)).toMatchObject({ options: { jobs: 7 } });
    expect(parseArgs([], 0)).toMatchObject({ options: { jobs: 1 } });
  });

  it.each([[['--help']], [['-h']], [['a.pdf', '--help', '--jobs', 'x']]])('%j asks for help', (argv) => {
    expect(parseArgs(argv, 4)).toEqual({ kind: 'help' });
  });

  it.each([[['--version']], [['-v']]])('%j asks for the version', (argv) => {
    expect(parseArgs(argv, 4)).toEqual({ kind: 'version' });
  });

  it.each([
    [['--jobs', '0'], /--jobs/],
    [['--jobs', 'two'], /--jobs/],
    [['--jobs', '1.5'], /--jobs/],
    [['--jobs'], /--jobs/],
    [['--timeout', '0'], /--timeout/],
    [['--timeout', '-3'], /--timeout/],
    [['--timeout', 'soon'], /--timeout/],
    [['--max-memory', '64MB'], /--max-memory/],
    [['--out', ''], /--out/],
    [['--bogus'], /bogus/],
    [['--quiet=yes'], /quiet/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv, 4)).toThrow(UsageError);
    expect(() => parseArgs(argv, 4)).toThrow(message);
  });
});

describe('formatUsage', () => {
  it('lists every option and every exit code', () => {
    const usage = formatUsage();
    for (const option of ['--out', '--jobs', '--password', '--timeout', '--max-memory', '--review', '--csv', '--quiet', '--help', '--version']) {
      expect(usage).toContain(option);
    }
    for (const [kind, code] of Object.entries(INPUT_ERROR_KINDS)) expect(usage).toMatch(new RegExp(`^ +${code}  ${kind}: `, 'm'));
    expect(usage).toMatch(/^ +2  bad command-line usage/m);
  });
});
