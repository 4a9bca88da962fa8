import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { INPUT_ERROR_KINDS } from '../model/errors.ts';
import { fromTypedDir } from './user-paths.ts';

export interface RunOptions {
  /** Files or directories as typed (relative ones taken from `typedIn`, see parseArgs); empty means every *.pdf in ./input. */
  paths: string[];
  outDir: string;
  jobs: number;
  password: string | undefined;
  timeoutSeconds: number;
  maxMemoryMb: number;
  quiet: boolean;
  /** Also write <out>/<name>.review.html. */
  review: boolean;
  /** Also write the CSV data package <out>/<name>/. */
  csv: boolean;
}

export type CliCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: RunOptions };

/** Bad command-line usage (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE_EXIT_CODE = 2;
export const UNEXPECTED_EXIT_CODE = 1;

export const DEFAULTS = {
  outDir: 'output',
  inputDir: 'input',
  timeoutSeconds: 300,
  // A V8 heap ceiling sets how lazily V8 collects: 1024 MB cost 15 % more time per file, 2048 MB a worker
  // RSS near 300 MB; 1536 MB kept it near 210 MB for about 5 % more time (measured on the 2020 edition).
  maxMemoryMb: 1536,
} as const;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  password: { type: 'string' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  review: { type: 'boolean' },
  csv: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Every option the parser accepts (long name, short letter): what --help and docs/cli.md must cover. */
export function listOptions(): { name: string; short: string | null }[] {
  return Object.entries(OPTIONS).map(([name, spec]) => ({ name, short: 'short' in spec ? spec.short : null }));
}

/**
 * `typedIn`: the folder the user typed the command in, when it is not the working directory (see
 * typedFrom): relative paths of the command line are taken from there. The defaults stay the
 * working directory's input/ and output/, then named whole, so that no message reads as a path of
 * the user's folder.
 */
export function parseArgs(argv: readonly string[], cores: number = availableParallelism(), typedIn: string | null = null): CliCommand {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const { values, positionals } = parsed;
  const byDefault = (p: string) => (typedIn === null ? p : path.resolve(p));
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a directory');
  return {
    kind: 'run',
    options: {
      // No path: resolveInputs reads ./input, named whole here when the command was typed elsewhere.
      paths: positionals.length > 0 ? positionals.map((p) => fromTypedDir(p, typedIn)) : typedIn === null ? [] : [byDefault(DEFAULTS.inputDir)],
      outDir: values.out === undefined ? byDefault(DEFAULTS.outDir) : fromTypedDir(values.out, typedIn),
      jobs: values.jobs === undefined ? Math.max(1, cores) : parsePositiveInt('--jobs', values.jobs),
      password: values.password,
      timeoutSeconds: values.timeout === undefined ? DEFAULTS.timeoutSeconds : parsePositiveNumber('--timeout', values.timeout),
      maxMemoryMb: values['max-memory'] === undefined ? DEFAULTS.maxMemoryMb : parsePositiveInt('--max-memory', values['max-memory']),
      quiet: values.quiet ?? false,
      review: values.review ?? false,
      csv: values.csv ?? false,
    },
  };
}

function parsePositiveInt(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`${option} expects a whole number ≥ 1, got "${text}"`);
  return Number(text);
}

function parsePositiveNumber(option: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`${option} expects a number of seconds > 0, got "${text}"`);
  return value;
}

const KIND_MEANINGS: Record<keyof typeof INPUT_ERROR_KINDS, string> = {
  'not-found': 'a file or directory does not exist or cannot be read',
  'not-pdf': 'a file is not a PDF',
  empty: 'a file is empty',
  damaged: 'a PDF is damaged and cannot be read',
  password: 'a PDF needs a password (or --password is wrong)',
  'no-text': 'a PDF has no text layer (scanned pages)',
  'not-catalogue': 'a PDF is not an edition of the catalogue',
  timeout: 'a file took longer than --timeout',
  memory: 'a file needed more than --max-memory',
  'output-unwritable': 'the output directory cannot be written',
};

/** The exit-code table, shared by --help and docs/cli.md. */
export function listExitCodes(): { code: number; kind: string; meaning: string }[] {
  return [
    { code: 0, kind: '', meaning: 'every file was extracted' },
    { code: UNEXPECTED_EXIT_CODE, kind: '', meaning: 'unexpected internal error' },
    { code: USAGE_EXIT_CODE, kind: '', meaning: 'bad command-line usage' },
    ...Object.entries(INPUT_ERROR_KINDS).map(([kind, code]) => ({
      code,
      kind,
      meaning: KIND_MEANINGS[kind as keyof typeof INPUT_ERROR_KINDS],
    })),
  ];
}

export function formatUsage(): string {
  const codes = listExitCodes()
    .map(({ code, kind, meaning }) => `  ${String(code).padStart(2)}  ${kind ? `${kind}: ` : ''}${meaning}`)
    .join('\n');
  return `Usage: npm start -- [options] [file.pdf | directory ...]

Extracts the action cards of each edition PDF into <out>/<name>.json (the dataset)
and <out>/<name>.report.json (the run report). With no file or directory, every
*.pdf in ./${DEFAULTS.inputDir} is processed; a directory stands for the *.pdf files in it.
Paths are taken from the folder the command is typed in; ./${DEFAULTS.inputDir} and
./${DEFAULTS.outDir} are the project's own folders.

Options:
  -o, --out DIR         output directory, created if missing (default: ./${DEFAULTS.outDir})
  -j, --jobs N          worker processes at once: files in parallel, or parts of one file
                        (default: number of CPU cores)
      --password PW     password for encrypted PDFs (applies to every file)
      --timeout SECONDS time limit per file (default: ${DEFAULTS.timeoutSeconds})
      --max-memory MB   JavaScript heap limit per file's worker (default: ${DEFAULTS.maxMemoryMb})
      --review          also write <out>/<name>.review.html (pages with every field's box)
      --csv             also write <out>/<name>/: CSV tables and a Frictionless datapackage.json
  -q, --quiet           no progress and no per-file success lines (failures are still printed)
  -h, --help            show this help and exit
  -v, --version         print the version and exit

A file that fails leaves its earlier output untouched and the other files still run.

Exit codes (when several files fail, the first failing file in the order given decides):
${codes}
`;
}
