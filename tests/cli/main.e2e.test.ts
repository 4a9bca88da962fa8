// Runs the real command line in a child process, in temporary directories.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../src/validate/schema.ts';
import { npmCommand } from '../support/npm-command.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// What `npm start` runs.
const mainScript = path.join(root, 'src', 'cli', 'start.js');
const editionPdf = path.join(root, 'input', 'pactes-regionaux-innovation-en-actions-2020-01.pdf');
const cardPdf = path.join(root, 'fixtures', 'card-12-hotellerie-range-budget', 'input.pdf');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd: string): Promise<Run> {
  return runProcess(process.execPath, [mainScript, ...args], cwd);
}

/** `npm --prefix <project> <args>` typed in `cwd`, as a user would from another folder. */
function runNpm(args: string[], cwd: string): Promise<Run> {
  const [command, before] = npmCommand();
  return runProcess(command, [...before, '--prefix', root, ...args], cwd);
}

function runProcess(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('--help prints the usage with options and exit codes, exit 0', async () => {
    const run = await runCli(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: /);
    expect(run.stdout).toContain('--max-memory');
    expect(run.stdout).toMatch(/ 12 {2}output-unwritable/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version'], dir);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining(pkg.version) });
  });

  it('bad usage exits 2 and says what is wrong', async () => {
    const run = await runCli(['--jobs', 'many'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs');
  });

  it('a missing file exits 3 and names it', async () => {
    const run = await runCli(['absent édition.pdf', '--out', 'out'], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('FAILED absent édition.pdf: no such file or directory');
  });

  it('with no argument and no ./input, exits 3 naming ./input', async () => {
    const run = await runCli([], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/FAILED input: no such file or directory/);
  });

  it('an output directory that cannot be created exits 12 and names the file and directory', async () => {
    await writeFile(path.join(dir, 'blocker'), '');
    await writeFile(path.join(dir, 'a.pdf'), '%PDF-1.4\n');
    const run = await runCli(['a.pdf', '--out', 'blocker/out'], dir);
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(/FAILED a\.pdf: cannot write to blocker[/\\]out \(.+\)/);
  });

  it('a non-PDF exits 4 naming it, while a good file of the same batch succeeds (names with spaces and accents)', async () => {
    await mkdir(path.join(dir, 'entrée'));
    await writeFile(path.join(dir, 'entrée', 'notes été.pdf'), 'just some text, not a PDF\n');
    await copyFile(editionPdf, path.join(dir, 'entrée', 'Pacte région 2020.pdf'));
    await mkdir(path.join(dir, 'sortie'));
    await writeFile(path.join(dir, 'sortie', 'notes été.json'), 'earlier output');

    const run = await runCli(['entrée', '--out', 'sortie', '--jobs', '2'], dir);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`FAILED ${path.join('entrée', 'notes été.pdf')}: `);
    expect(run.stdout).toMatch(new RegExp(`^ok entrée.Pacte région 2020\\.pdf → sortie.Pacte région 2020\\.json \\(\\d+ cards?, \\d+ warnings?`, 'm'));
    expect((await readdir(path.join(dir, 'sortie'))).sort()).toEqual(['Pacte région 2020.json', 'Pacte région 2020.report.json', 'notes été.json']);
    expect(await readFile(path.join(dir, 'sortie', 'notes été.json'), 'utf8')).toBe('earlier output');
    const dataset = DatasetSchema.parse(JSON.parse(await readFile(path.join(dir, 'sortie', 'Pacte région 2020.json'), 'utf8')));
    expect(dataset.source.file).toBe('Pacte région 2020.pdf');
    // The whole edition: every card of its table of contents.
    expect(dataset.cards).toHaveLength(117);
  });

  it('goes on and writes every file when the reader of its output goes away (`npm start | head -1`)', async () => {
    await copyFile(cardPdf, path.join(dir, 'a.pdf'));
    await copyFile(cardPdf, path.join(dir, 'b.pdf'));
    const child = spawn(process.execPath, [mainScript, 'a.pdf', 'b.pdf', '--out', 'sortie', '--jobs', '1'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    // The reader is gone before the first line is written: each write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    expect((await readdir(path.join(dir, 'sortie'))).sort()).toEqual(['a.json', 'a.report.json', 'b.json', 'b.report.json']);
  });

  it('takes the paths typed from the folder npm is run in, not from the project folder npm runs it in', async () => {
    await copyFile(cardPdf, path.join(dir, 'une carte.pdf'));
    const run = await runNpm(['start', '-s', '--', 'une carte.pdf', '--out', 'sortie'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ok ${path.join(dir, 'une carte.pdf')} → ${path.join('sortie', 'une carte.json')} (1 card`);
    expect((await readdir(path.join(dir, 'sortie'))).sort()).toEqual(['une carte.json', 'une carte.report.json']);
    const missing = await runNpm(['start', '-s', '--', 'absente.pdf', '--out', 'sortie'], dir);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`FAILED ${path.join(dir, 'absente.pdf')}: no such file or directory`);
  });
});
