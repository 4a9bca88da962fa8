import type { ExtractResult } from '../pipeline/types.ts';
import { serialiseDataset, serialiseReport } from './serialise.ts';
import { writeOutputs, type EmittedFiles } from './write-outputs.ts';

export { probeOutputDir, type EmittedFiles } from './write-outputs.ts';

/**
 * Writes `<outDir>/<baseName>.json` and `<outDir>/<baseName>.report.json` atomically (see writeOutputs).
 * `sourceName` names the input file in error messages (defaults to the report's file).
 */
export function emitOutputs(outDir: string, baseName: string, result: ExtractResult, sourceName: string = result.report.file): Promise<EmittedFiles> {
  return writeOutputs(outDir, baseName, { datasetJson: serialiseDataset(result.dataset), reportJson: serialiseReport(result.report) }, sourceName);
}
