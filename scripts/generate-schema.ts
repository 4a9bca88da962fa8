// Writes schema/dataset.schema.json from the zod schema; with --check, fails if the committed file is stale.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDatasetJsonSchema } from '../src/emit/json-schema.ts';
import { writeFileAtomic } from '../src/emit/write-file-atomic.ts';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'dataset.schema.json');
const relative = path.relative(process.cwd(), target);
const fresh = generateDatasetJsonSchema();

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => null);
  if (committed === fresh) {
    console.log(`${relative} is up to date`);
  } else {
    console.error(
      committed === null
        ? `${relative} is missing: run \`npm run schema\` and commit it`
        : `${relative} differs from the zod schema: run \`npm run schema\` and commit it`,
    );
    process.exitCode = 1;
  }
} else {
  await writeFileAtomic(target, fresh);
  console.log(`wrote ${relative}`);
}
