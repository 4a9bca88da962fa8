// pdfjs-dist's text extraction copies its text state at every `q` operator with
// `Object.assign(Object.create(this), this)`: each copy makes the state it was taken from a
// prototype, which V8 turns into a slow, dictionary-like object, so every later access to those
// states misses V8's caches. On the 2020 edition (thousands of q/Q pairs) that cost pdfjs about a
// quarter of its text extraction: 2.37 s against 1.83 s for a whole process (medians of 7,
// measured). The fix copies the state into a new TextState instead: the same fields, the same values.
// pdfjs reads its worker side from `globalThis.pdfjsWorker` when set, so a fixed copy of that module
// is written once into a cache folder and put there, before the first document is opened.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The text replaced (pdfjs-dist 6.5.438, `class TextState`), and its replacement. */
export const TEXT_STATE_CLONE = {
  stock: '  clone() {\n    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
  fixed: '  clone() {\n    const clone = Object.assign(new TextState(), this);\n    clone.textMatrix = this.textMatrix.slice();',
} as const;

/** The worker module with the fix, or null when its text is not found exactly once (another pdfjs-dist). */
export function fixWorkerSource(source: string): string | null {
  const at = source.indexOf(TEXT_STATE_CLONE.stock);
  if (at < 0 || source.indexOf(TEXT_STATE_CLONE.stock, at + 1) >= 0) return null;
  // The copy must stay inside TextState, whose fields are all its own (class fields), so that
  // Object.assign copies the whole state.
  if (source.lastIndexOf('\nclass ', at) !== source.lastIndexOf('\nclass TextState {', at)) return null;
  return source.slice(0, at) + TEXT_STATE_CLONE.fixed + source.slice(at + TEXT_STATE_CLONE.stock.length);
}

export type TextStateFix = { applied: true; module: string } | { applied: false; reason: string };

/**
 * Makes this process's pdfjs-dist use its worker module with the fix, written into `cacheDir` on the
 * first run (named after the installed module, so a reinstall writes a new one). Call it before any
 * PDF is opened in the process. When the fix cannot be applied (another pdfjs-dist, a cache folder
 * that cannot be written), pdfjs-dist stays as installed: slower, with the same text.
 */
export async function useTextStateFix(cacheDir: string): Promise<TextStateFix> {
  try {
    const stockPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const fixedPath = await writeFixedWorker(stockPath, cacheDir);
    if (!fixedPath) return { applied: false, reason: 'the text to fix was not found in pdfjs-dist' };
    const worker = await importWorker(fixedPath);
    if (!worker) return { applied: false, reason: `${fixedPath} was not pdf.js's worker module (removed: the next run writes it again)` };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { applied: true, module: fixedPath };
  } catch (error) {
    return { applied: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The fixed copy of the worker module at `stockPath`, written into `cacheDir` unless it is there; null when the fix does not apply. */
export async function writeFixedWorker(stockPath: string, cacheDir: string): Promise<string | null> {
  const stock = await stat(stockPath);
  const key = createHash('sha256')
    .update(JSON.stringify([stockPath, await readPackageVersion(stockPath), stock.size, stock.mtimeMs, TEXT_STATE_CLONE]))
    .digest('hex')
    .slice(0, 16);
  const fixedName = `pdf.worker.${key}.mjs`;
  const fixedPath = path.join(cacheDir, fixedName);
  if (await isFile(fixedPath)) return fixedPath;
  const fixed = fixWorkerSource(await readFile(stockPath, 'utf8'));
  if (fixed === null) return null;
  await mkdir(cacheDir, { recursive: true });
  // Written aside, then renamed: processes starting at once never import a half-written file.
  const partial = `${fixedPath}.${process.pid}.tmp`;
  try {
    await writeFile(partial, fixed);
    await rename(partial, fixedPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await removeOlderCopies(cacheDir, fixedName);
  return fixedPath;
}

/** The module, or null (and the file removed) when it is not a worker module: a cache file damaged since it was written. */
async function importWorker(file: string): Promise<{ WorkerMessageHandler: unknown } | null> {
  let worker: { WorkerMessageHandler?: unknown } | null;
  try {
    worker = (await import(pathToFileURL(file).href)) as { WorkerMessageHandler?: unknown };
  } catch {
    worker = null;
  }
  if (worker?.WorkerMessageHandler) return worker as { WorkerMessageHandler: unknown };
  await rm(file, { force: true });
  return null;
}

/** The version in the package.json above the module (null if none is found). */
async function readPackageVersion(modulePath: string): Promise<string | null> {
  for (let dir = path.dirname(modulePath); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
    } catch {
      // No package.json here: look further up.
    }
  }
  return null;
}

/** Copies made for an earlier install (2.4 MB each) go once a new one is written; best effort. */
async function removeOlderCopies(cacheDir: string, keep: string): Promise<void> {
  try {
    for (const name of await readdir(cacheDir)) {
      if (name !== keep && /^pdf\.worker\.[0-9a-f]{16}\.mjs$/.test(name)) await rm(path.join(cacheDir, name), { force: true });
    }
  } catch {
    // Left for the next write.
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
