// npm run add-fixture -- <edition.pdf> <first-pdf-page> [<more pages>…] --name <case-name> [--force]
// Cuts the pages into fixtures/<case-name>/input.pdf and writes what the pipeline makes of them to
// fixtures/<case-name>/expected.json, to be reviewed against the pages before it is committed.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { cutPages } from './lib/cut-pages.ts';
import { buildExpectation, serialiseExpectation } from './lib/fixture-expectation.ts';
import { extractEdition } from '../src/pipeline/extract-edition.ts';
import { fromTypedDir, typedFrom } from '../src/cli/user-paths.ts';

const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');
const CASE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const USAGE = `Usage: npm run add-fixture -- <edition.pdf> <first-pdf-page> [<second-pdf-page>] --name <case-name> [--force]

Copies the given 1-based PDF pages of the edition into fixtures/<case-name>/input.pdf and writes
the pipeline's reading of them to fixtures/<case-name>/expected.json: review it, then commit.
  --name    kebab-case name of the case (e.g. card-hotellerie-restauration)
  --force   replace an existing case`;

class UsageError extends Error {}

interface FixtureRequest {
  pdf: string;
  pages: number[];
  name: string;
  force: boolean;
}

function readRequest(argv: readonly string[]): FixtureRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { name: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) throw new UsageError('');
  const [pdf, ...pageArgs] = parsed.positionals;
  if (pdf === undefined || pageArgs.length === 0) throw new UsageError('expected an edition PDF and at least one page number');
  const pages = pageArgs.map((arg) => {
    if (!/^\d+$/.test(arg)) throw new UsageError(`not a page number: ${arg}`);
    return Number(arg);
  });
  const name = parsed.values.name;
  if (name === undefined || !CASE_NAME.test(name)) throw new UsageError('--name must be a kebab-case name (a-z, 0-9, hyphens)');
  return { pdf: fromTypedDir(pdf, typedFrom('add-fixture')), pages, name, force: parsed.values.force === true };
}

async function addFixture(request: FixtureRequest): Promise<string> {
  const target = join(FIXTURES_DIR, request.name, 'input.pdf');
  if (existsSync(target) && !request.force) throw new Error(`${relative(process.cwd(), target)} already exists (use --force to replace it)`);
  const source = await readFile(request.pdf);
  const cut = await cutPages(source, request.pages);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, cut);
  await rename(temp, target);
  const { dataset } = await extractEdition(cut, { fileName: `fixtures/${request.name}/input.pdf` });
  const expected = join(dirname(target), 'expected.json');
  await writeFile(`${expected}.${process.pid}.tmp`, serialiseExpectation(buildExpectation(dataset)));
  await rename(`${expected}.${process.pid}.tmp`, expected);
  return target;
}

async function main(argv: readonly string[]): Promise<number> {
  let request: FixtureRequest;
  try {
    request = readRequest(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(error.message === '' ? `${USAGE}\n` : `add-fixture: ${error.message}\n\n${USAGE}\n`);
    return error.message === '' ? 0 : EXIT_USAGE;
  }
  try {
    const target = await addFixture(request);
    process.stdout.write(
      `wrote ${relative(process.cwd(), target)} (PDF pages ${request.pages.join(', ')} of ${request.pdf}) ` +
        'and expected.json beside it: review that against the page images, then commit both\n',
    );
    return 0;
  } catch (error) {
    process.stderr.write(`add-fixture: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
