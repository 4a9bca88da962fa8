import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/errors.ts';
import { DEFAULTS } from './args.ts';

/** One file of the batch, named as the user will see it; or a path that could not be used. */
export type InputEntry = { kind: 'file'; file: string } | { kind: 'error'; file: string; error: InputError };

const isPdfName = (name: string) => /\.pdf$/i.test(name);

/**
 * Expands the command-line paths (a directory stands for its *.pdf files, sorted by name) in the
 * order given; no path means ./input. The same file reached twice is processed once.
 */
export async function resolveInputs(paths: readonly string[]): Promise<InputEntry[]> {
  const given = paths.length > 0 ? paths : [DEFAULTS.inputDir];
  const entries: InputEntry[] = [];
  const seen = new Set<string>();
  for (const p of given) {
    for (const entry of await expandPath(p)) {
      if (entry.kind === 'file') {
        const real = await realpath(entry.file).catch(() => path.resolve(entry.file));
        if (seen.has(real)) continue;
        seen.add(real);
      }
      entries.push(entry);
    }
  }
  return entries;
}

async function expandPath(p: string): Promise<InputEntry[]> {
  let info;
  try {
    info = await stat(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : `cannot be read (${code ?? String(error)})`;
    return [{ kind: 'error', file: p, error: new InputError('not-found', `${p}: ${reason}`, { cause: error }) }];
  }
  if (!info.isDirectory()) return [{ kind: 'file', file: p }];

  let names: string[];
  try {
    names = await readdir(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return [{ kind: 'error', file: p, error: new InputError('not-found', `${p}: directory cannot be read (${code})`, { cause: error }) }];
  }
  const files: string[] = [];
  for (const name of names.filter(isPdfName).sort(compareCodeUnits)) {
    const file = path.join(p, name);
    if ((await stat(file).catch(() => null))?.isFile()) files.push(file);
  }
  if (files.length === 0) {
    return [{ kind: 'error', file: p, error: new InputError('not-found', `${p}: no *.pdf file in this directory`) }];
  }
  return files.map((file) => ({ kind: 'file', file }));
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
