import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCard, makeDataset } from '../support/build-dataset.ts';
import { npmCommand } from '../support/npm-command.ts';

const CLI = join(import.meta.dirname, '../../src/cli/diff.ts');
const dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

function runDiff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm --prefix <project> run diff -- …` typed in the datasets' folder. */
function runNpmDiff(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const [command, before] = npmCommand();
  const result = spawnSync(command, [...before, '--prefix', join(import.meta.dirname, '../..'), 'run', '-s', 'diff', '--', ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cardA = makeCard({ region: 'Grand Est', title: 'Former aux métiers du numérique', page: 12 });
const cardB = makeCard({ region: 'Bretagne', title: 'Accompagner les jeunes décrocheurs', page: 14 });
const oldFile = writeJson('old.json', makeDataset([cardA, cardB]));
const sameFile = writeJson('same.json', makeDataset([cardA, cardB]));
const newFile = writeJson('new.json', makeDataset([cardA, { ...cardB, budget: { ...cardB.budget!, amountEur: 900_000 } }]));

describe('diff CLI', () => {
  it('exits 0 and says so when the datasets are identical', () => {
    const result = runDiff(oldFile, sameFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No differences.');
  });

  it('takes the file names typed from the folder npm is run in (`npm --prefix <project> run diff`)', () => {
    const same = runNpmDiff('old.json', 'same.json');
    expect(same.stderr).toBe('');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('No differences.');
    expect(runNpmDiff('old.json', 'new.json').status).toBe(1);
  });

  it('still exits 1 on different datasets when the reader of its output has gone (`… | head`)', async () => {
    const child = spawn(process.execPath, [CLI, oldFile, newFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('exits 1 with the changes, in text or JSON', () => {
    const text = runDiff(oldFile, newFile);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('budget.amountEur: 1200000 → 900000');

    const json = runDiff(oldFile, newFile, '--json');
    expect(json.status).toBe(1);
    const diff = JSON.parse(json.stdout) as { identical: boolean; changed: { card: { id: string }; changes: unknown[] }[] };
    expect(diff.identical).toBe(false);
    expect(diff.changed).toEqual([
      { card: expect.objectContaining({ id: cardB.id }), changes: [{ path: 'budget.amountEur', kind: 'changed', old: 1_200_000, new: 900_000 }] },
    ]);
  });

  it('exits 2 naming the file when an input is missing, not JSON or not a dataset', () => {
    const missing = join(dir, 'missing.json');
    const notJson = writeJson('broken.json', '{ "schemaVersion": ');
    const invalid = writeJson('invalid.json', { ...makeDataset([cardA]), cards: [{ ...cardA, id: 'Not An Id' }] });

    for (const [file, reason] of [
      [missing, 'cannot be read'],
      [notJson, 'not valid JSON'],
      [invalid, 'not a valid dataset'],
    ] as const) {
      const result = runDiff(oldFile, file);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(file);
      expect(result.stderr).toContain(reason);
    }
    expect(runDiff(oldFile, invalid).stderr).toContain('cards.0.id');
  });

  it('exits 2 on bad arguments', () => {
    expect(runDiff(oldFile).status).toBe(2);
    expect(runDiff(oldFile, newFile, sameFile).status).toBe(2);
    expect(runDiff(oldFile, newFile, '--colour').status).toBe(2);
  });
});
