// Writes a file's serialised outputs; no schema here, so the CLI's main process can use it without
// loading zod or any stage.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/errors.ts';
import { stageFile, type StagedFile } from './write-file-atomic.ts';

export interface EmittedFiles {
  datasetPath: string;
  reportPath: string;
}

/** A run's two outputs, already serialised (serialiseDataset, serialiseReport). */
export interface SerialisedOutputs {
  datasetJson: string;
  reportJson: string;
}

/**
 * Writes `<outDir>/<baseName>.json` and `<outDir>/<baseName>.report.json`. Both files are fully
 * written and synced before either is renamed into place, so a failure while writing leaves the
 * previous pair; a failing rename of the report still leaves the previous dataset.
 * `sourceName` names the input file in error messages.
 */
export async function writeOutputs(outDir: string, baseName: string, outputs: SerialisedOutputs, sourceName: string): Promise<EmittedFiles> {
  const datasetPath = path.join(outDir, `${baseName}.json`);
  const reportPath = path.join(outDir, `${baseName}.report.json`);
  const unwritable = (error: unknown) =>
    new InputError('output-unwritable', `${sourceName}: cannot write to ${outDir} (${describeFsError(error)})`, { cause: error });

  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw unwritable(error);
  }
  const staged: StagedFile[] = [];
  try {
    // The dataset is renamed last: if anything fails before, the earlier dataset is untouched.
    staged.push(await stageFile(reportPath, outputs.reportJson));
    staged.push(await stageFile(datasetPath, outputs.datasetJson));
    while (staged.length > 0) {
      await staged[0]!.commit();
      staged.shift();
    }
  } catch (error) {
    await Promise.all(staged.map((f) => f.discard().catch(() => undefined)));
    throw unwritable(error);
  }
  return { datasetPath, reportPath };
}

/**
 * Checks up front that `outDir` can be created and written (by staging and discarding a probe
 * file), so a batch does not extract every file only to fail at the end. Returns why not, or null.
 */
export async function probeOutputDir(outDir: string): Promise<string | null> {
  try {
    await mkdir(outDir, { recursive: true });
    const probe = await stageFile(path.join(outDir, '.write-probe'), '');
    await probe.discard();
    return null;
  } catch (error) {
    return describeFsError(error);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a path component is not a directory',
    EEXIST: 'a file with that name is in the way',
    EISDIR: 'a directory with that name is in the way',
  };
  if (code && known[code]) return `${known[code]}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}
