// The files the review page inlines: pdf.js's browser build (gzip + base64, unpacked in the page) and the
// page's own script and style.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');
/** Concatenated in this order into one module script: later parts use earlier parts' functions. */
const CLIENT_SCRIPTS = ['load-pdf.js', 'render-card.js', 'review-app.js'];

export interface ReviewAssets {
  /** pdf.min.mjs, gzip then base64. */
  pdfjsLib: string;
  /** pdf.worker.min.mjs, gzip then base64. */
  pdfjsWorker: string;
  pdfjsVersion: string;
  script: string;
  style: string;
}

let cached: Promise<ReviewAssets> | undefined;

export function loadReviewAssets(): Promise<ReviewAssets> {
  cached ??= readAssets();
  return cached;
}

async function readAssets(): Promise<ReviewAssets> {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const packed = async (file: string) => gzipSync(await readFile(path.join(root, 'build', file)), { level: 9 }).toString('base64');
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const scripts = await Promise.all(CLIENT_SCRIPTS.map((f) => readFile(path.join(CLIENT_DIR, f), 'utf8')));
  return {
    pdfjsLib: await packed('pdf.min.mjs'),
    pdfjsWorker: await packed('pdf.worker.min.mjs'),
    pdfjsVersion: version,
    script: scripts.join('\n'),
    style: await readFile(path.join(CLIENT_DIR, 'review.css'), 'utf8'),
  };
}
