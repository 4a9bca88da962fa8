// npm run review -- output/<name>.json [--pdf <file>] [--out <file>]
// Writes output/<name>.review.html, a self-contained page to check every extracted field against the PDF.
import { parseArgs } from 'node:util';
import { InputError } from '../model/errors.ts';
import { writeReviewPage } from '../review/write-review-page.ts';
import { keepRunningWithoutReaders } from './output-streams.ts';
import { fromTypedDir, typedFrom } from './user-paths.ts';

const EXIT_USAGE = 2;
const EXIT_OTHER = 1;

const USAGE = `Usage: npm run review -- <dataset.json>... [--pdf <file>] [--out <file>]

Writes <dataset>.review.html next to each dataset: the card pages with every extracted field's box
drawn over them, the values beside, and the diagnostics. Open it straight from the file system.
  --pdf <file>   the source PDF (default: dataset.source.file next to the dataset, or in input/)
  --out <file>   where to write the page (one dataset only)
  --help         show this help

Exit codes: 0 written, 1 the PDF is not the dataset's source or another failure, 2 usage,
3 a file is missing, 6 the dataset is unreadable, 12 the page cannot be written.`;

export interface ReviewCliStreams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** `typedIn`: the folder relative paths are taken from (see typedFrom); null, the working directory. */
export async function runReviewCli(
  argv: readonly string[],
  streams: ReviewCliStreams = { out: process.stdout, err: process.stderr },
  typedIn: string | null = typedFrom('review'),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { pdf: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    streams.err.write(`review: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    streams.out.write(`${USAGE}\n`);
    return 0;
  }
  const datasets = parsed.positionals;
  if (datasets.length === 0 || (datasets.length > 1 && (parsed.values.pdf || parsed.values.out))) {
    const why = datasets.length === 0 ? 'expected a dataset file' : '--pdf and --out take one dataset only';
    streams.err.write(`review: ${why}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  let exitCode = 0;
  const typed = (p: string | undefined) => (p === undefined ? undefined : fromTypedDir(p, typedIn));
  for (const datasetPath of datasets) {
    try {
      const result = await writeReviewPage(fromTypedDir(datasetPath, typedIn), { pdfPath: typed(parsed.values.pdf), outPath: typed(parsed.values.out) });
      const size = (result.bytes / 1024 / 1024).toFixed(1);
      streams.out.write(`${result.outPath}: ${result.cards} cards, ${size} MB (PDF ${result.pdfPath})\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      streams.err.write(`review: ${message}\n`);
      exitCode ||= error instanceof InputError ? error.exitCode : EXIT_OTHER;
    }
  }
  return exitCode;
}

if (import.meta.main) {
  keepRunningWithoutReaders();
  process.exitCode = await runReviewCli(process.argv.slice(2));
}
