// npm run diff -- old.json new.json [--json] [--layout]
// Exit codes: 0 identical, 1 different, 2 error (usage, unreadable file, invalid dataset).
import { parseArgs } from 'node:util';
import { diffDatasets } from '../diff/diff-datasets.ts';
import { formatDiff } from '../diff/format-diff.ts';
import { DatasetFileError, readDatasetFile } from '../diff/read-dataset.ts';
import { keepRunningWithoutReaders } from './output-streams.ts';
import { fromTypedDir, typedFrom } from './user-paths.ts';

const EXIT_IDENTICAL = 0;
const EXIT_DIFFERENT = 1;
const EXIT_ERROR = 2;

const USAGE = `Usage: npm run diff -- <old.json> <new.json> [--json] [--layout]

Compares two datasets produced by the pipeline (e.g. two editions of the catalogue).
  --json     print the diff as JSON (shape documented in docs/diff.md)
  --layout   also compare pdfPages and provenance (layout-only, ignored by default)
  --help     show this help

Exit codes: 0 identical, 1 different, 2 error.`;

async function runDiffCli(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, layout: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`diff: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return EXIT_ERROR;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_IDENTICAL;
  }
  const [oldFile, newFile, ...extra] = parsed.positionals;
  if (oldFile === undefined || newFile === undefined || extra.length > 0) {
    process.stderr.write(`diff: expected exactly two dataset files, got ${parsed.positionals.length}\n\n${USAGE}\n`);
    return EXIT_ERROR;
  }
  try {
    const typedIn = typedFrom('diff');
    const oldDs = await readDatasetFile(fromTypedDir(oldFile, typedIn));
    const newDs = await readDatasetFile(fromTypedDir(newFile, typedIn));
    const diff = diffDatasets(oldDs, newDs, { includeLayout: parsed.values.layout === true });
    const output = parsed.values.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, { oldLabel: oldFile, newLabel: newFile });
    process.stdout.write(output);
    return diff.identical ? EXIT_IDENTICAL : EXIT_DIFFERENT;
  } catch (error) {
    if (error instanceof DatasetFileError) {
      process.stderr.write(`diff: ${error.message}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`diff: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}

keepRunningWithoutReaders();
process.exitCode = await runDiffCli(process.argv.slice(2));
