import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateDatasetJsonSchema } from '../../src/emit/json-schema.ts';

describe('schema/dataset.schema.json', () => {
  it('equals a fresh generation from the zod schema (run `npm run schema` if not)', async () => {
    const committed = await readFile(new URL('../../schema/dataset.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(generateDatasetJsonSchema());
  });

  it('is a draft 2020-12 schema that requires the contract top-level fields', () => {
    const schema = JSON.parse(generateDatasetJsonSchema()) as { $schema: string; required: string[]; additionalProperties: boolean };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['schemaVersion', 'source', 'edition', 'cards', 'diagnostics']);
  });
});
