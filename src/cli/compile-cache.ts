import { fileURLToPath } from 'node:url';

/**
 * Node's module compile cache (type-stripped TypeScript and V8 code), inside the project and
 * git-ignored: a run after the first one skips most of the work of loading its modules.
 */
export function compileCacheDir(): string {
  return fileURLToPath(new URL('../../.cache/node-compile/', import.meta.url));
}

/** Where the load stage's patched copy of pdfjs-dist's worker module is written (see src/load/worker-patches.ts). */
export function pdfjsWorkerCacheDir(): string {
  return fileURLToPath(new URL('../../.cache/pdfjs-worker/', import.meta.url));
}
