import { DatasetSchema, type Dataset } from './schema.ts';

/** Checks the dataset against the contract; a failure here is a bug of ours, so it throws with every issue listed. */
export function validateDataset(candidate: unknown): Dataset {
  const result = DatasetSchema.safeParse(candidate);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`the dataset does not satisfy its schema (${result.error.issues.length} issues):\n${issues.join('\n')}`);
}
