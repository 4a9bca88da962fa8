import type { RunReport } from '../pipeline/types.ts';
import { DatasetSchema, type Dataset } from '../validate/schema.ts';
import { orderBySchema } from './order-by-schema.ts';

/** Pretty JSON (2 spaces, trailing newline), keys in schema order: byte-identical for equal datasets. */
export function serialiseDataset(dataset: Dataset): string {
  return JSON.stringify(orderBySchema(dataset, DatasetSchema), null, 2) + '\n';
}

/** The report keeps the pipeline's own key order; it is not meant to be byte-stable (it has timestamps). */
export function serialiseReport(report: RunReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
