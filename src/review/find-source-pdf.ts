// Where the PDF a dataset was extracted from lives: given explicitly, next to the dataset, or in input/.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/errors.ts';

export function sourcePdfCandidates(datasetPath: string, sourceFile: string): string[] {
  const name = path.basename(sourceFile);
  const dir = path.dirname(path.resolve(datasetPath));
  const candidates = [path.join(dir, name), path.join(dir, '..', 'input', name), path.resolve('input', name)];
  return [...new Set(candidates)];
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function findSourcePdf(datasetPath: string, sourceFile: string, explicitPdf?: string): Promise<string> {
  if (explicitPdf !== undefined) {
    if (await isFile(explicitPdf)) return explicitPdf;
    throw new InputError('not-found', `${explicitPdf}: no such file (given with --pdf)`);
  }
  const candidates = sourcePdfCandidates(datasetPath, sourceFile);
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  throw new InputError(
    'not-found',
    `${sourceFile}: the source PDF of ${datasetPath} was not found (looked in ${candidates.join(', ')}); give it with --pdf`,
  );
}
