import { z } from 'zod';
import { DatasetSchema, SCHEMA_VERSION } from '../validate/schema.ts';

/** The JSON Schema (draft 2020-12) of the dataset, generated from the zod schema, as committed text. */
export function generateDatasetJsonSchema(): string {
  const schema = z.toJSONSchema(DatasetSchema, { target: 'draft-2020-12', io: 'output' });
  const document = {
    ...schema,
    title: "Dataset of « L'innovation en actions à travers les Pactes régionaux »",
    description: `Generated from src/validate/schema.ts by \`npm run schema\` (schemaVersion ${SCHEMA_VERSION}); do not edit by hand.`,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
