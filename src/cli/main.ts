// Command line (`npm start`, through src/cli/start.js): extracts every given edition PDF into <out>/<name>.json.
import { readFile } from 'node:fs/promises';
import { exitCodeFor, runBatch } from './batch.ts';
import { formatUsage, parseArgs, UNEXPECTED_EXIT_CODE, USAGE_EXIT_CODE, UsageError, type CliCommand } from './args.ts';
import { createReporter } from './progress.ts';
import { resolveInputs } from './resolve-inputs.ts';
import { keepRunningWithoutReaders } from './output-streams.ts';
import { typedFrom } from './user-paths.ts';

export interface CliStreams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: readonly string[], streams: CliStreams = { out: process.stdout, err: process.stderr }): Promise<number> {
  let command: CliCommand;
  const typedIn = typedFrom('start');
  try {
    command = parseArgs(argv, undefined, typedIn);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.err.write(`error: ${error.message}\nRun \`npm start -- --help\` for usage.\n`);
    return USAGE_EXIT_CODE;
  }
  if (command.kind === 'help') {
    streams.out.write(formatUsage());
    return 0;
  }
  if (command.kind === 'version') {
    streams.out.write(`${await readVersion()}\n`);
    return 0;
  }

  const { options } = command;
  const started = performance.now();
  const entries = await resolveInputs(options.paths);
  const reporter = createReporter({ out: streams.out, err: streams.err, quiet: options.quiet, ...(typedIn ? { shownFrom: typedIn } : {}) });
  const outcomes = await runBatch(entries, options, reporter);
  reporter.close(outcomes, performance.now() - started);
  return exitCodeFor(outcomes);
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/** Runs `main` on this process's arguments and sets its exit code (entry: src/cli/start.js). */
export async function runCommandLine(): Promise<void> {
  keepRunningWithoutReaders();
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = UNEXPECTED_EXIT_CODE;
  }
}

if (import.meta.main) await runCommandLine();
