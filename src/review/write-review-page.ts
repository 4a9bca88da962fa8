// `npm run review -- output/<name>.json`: reads the dataset and its source PDF, writes output/<name>.review.html.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/errors.ts';
import { DatasetSchema, type Dataset } from '../validate/schema.ts';
import { buildReviewHtml } from './build-review-html.ts';
import { findSourcePdf } from './find-source-pdf.ts';

export interface ReviewPageOptions {
  /** The source PDF, when it is neither next to the dataset nor in input/. */
  pdfPath?: string;
  /** Where to write the page (default: the dataset path with .json replaced by .review.html). */
  outPath?: string;
}

export interface ReviewPageResult {
  outPath: string;
  pdfPath: string;
  bytes: number;
  cards: number;
}

/** output/<name>.json -> output/<name>.review.html */
export function reviewPathFor(datasetPath: string): string {
  const dir = path.dirname(datasetPath);
  return path.join(dir, `${path.basename(datasetPath, path.extname(datasetPath))}.review.html`);
}

export async function readDataset(datasetPath: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(datasetPath, 'utf8');
  } catch {
    throw new InputError('not-found', `${datasetPath}: no such file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('damaged', `${datasetPath}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InputError('damaged', `${datasetPath}: not a dataset of this schema (${issues.join('; ')})`);
  }
  return parsed.data;
}

/** The PDF must be the very file the boxes were measured on. */
export function checkPdfMatches(dataset: Dataset, pdfBytes: Uint8Array, pdfPath: string): void {
  const sha256 = createHash('sha256').update(pdfBytes).digest('hex');
  if (sha256 !== dataset.source.sha256) {
    throw new Error(
      `${pdfPath}: sha256 ${sha256.slice(0, 12)}… differs from the dataset's source ${dataset.source.file} (${dataset.source.sha256.slice(0, 12)}…); give the right file with --pdf`,
    );
  }
}

export async function writeReviewPage(datasetPath: string, options: ReviewPageOptions = {}): Promise<ReviewPageResult> {
  const dataset = await readDataset(datasetPath);
  const pdfPath = await findSourcePdf(datasetPath, dataset.source.file, options.pdfPath);
  const pdfBytes = await readFile(pdfPath);
  checkPdfMatches(dataset, pdfBytes, pdfPath);
  const html = await buildReviewHtml(dataset, pdfBytes);
  const outPath = options.outPath ?? reviewPathFor(datasetPath);
  const temp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeFile(temp, html, 'utf8');
    await rename(temp, outPath);
  } catch (error) {
    throw new InputError('output-unwritable', `${outPath}: cannot be written (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return { outPath, pdfPath, bytes: Buffer.byteLength(html, 'utf8'), cards: dataset.cards.length };
}
