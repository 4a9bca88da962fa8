// Changes to pdfjs-dist's worker module, made in a copy that the CLI's workers use. Each replaces one
// piece of text, found exactly once inside the function or class it belongs to; a change whose text
// is not found (another pdfjs-dist) is left out, and pdf.js then runs as installed there: slower,
// with the same result.
//
// - The text state is copied without making prototypes. pdfjs copies it at every `q` operator with
//   `Object.assign(Object.create(this), this)`: each copy makes the state it was taken from a
//   prototype, which V8 turns into a slow, dictionary-like object, so every later access misses
//   V8's caches. On the 2020 edition that cost pdfjs about a quarter of its text extraction (a whole
//   process: 2.37 s against 1.83 s, medians of 7, measured).
// - The text content's styles carry each font's name. As installed, pdfjs hands a font's name to the
//   API side only through an operator list of a page, which the load stage otherwise has to build
//   for every page where a new font appears (load-document.ts): about 160 ms of a run (measured).
// - The glyph's position is computed without two throwaway arrays. pdfjs computes it twice per glyph,
//   each time allocating a text-space matrix and an intermediate product; the workers' V8 does not
//   optimise such allocations away (no TurboFan: see worker-pool.ts). The same products, in the same
//   order, are written into two arrays kept for the page: about an eighth of pdfjs's reading time.
// - The operands of each operator go into an array that keeps its room. pdfjs empties that array with
//   `args.length = 0`, which makes V8 drop its storage, so every operator allocated new storage
//   (about 120 MB over the 2020 edition); emptying it by popping keeps it: about 6 % of the reading.
//   The content lexer does the same with its character buffer before each string, name and hex
//   string it reads (three patches): about 6 % more.
//
// pdfjs reads its worker side from `globalThis.pdfjsWorker` when set, so the patched copy is written
// once into a cache folder and put there, before the first document is opened.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The style key under which the patched worker puts a font's name (the PDF's BaseFont, as pdfjs reads it). */
export const FONT_NAME_STYLE_KEY = 'postScriptName';

export interface WorkerPatch {
  name: string;
  /** The text replaced (pdfjs-dist 6.5.438), and its replacement. */
  stock: string;
  patched: string;
  /** The declaration the text must be found in: the last match of `kind` before it. */
  within: { kind: RegExp; declaration: string };
}

/** A class declared at the top of the module, and a method declared in a class body (pdf.js's build indents them by two spaces). */
const CLASS = /\nclass [\w$]+/g;
const METHOD = /\n  (?:(?:async|static|get|set) )*[\w$#]+\(/g;

/** The content lexer's method that opens with `opening` empties its character buffer by popping, which keeps its storage. */
function keepLexerBuffer(name: string, opening: string): WorkerPatch {
  const buffer = '\n    const strBuf = this.strBuf;\n';
  return {
    name,
    stock: `${opening}${buffer}    strBuf.length = 0;`,
    patched: `${opening}${buffer}    while (strBuf.length > 0) strBuf.pop();`,
    within: { kind: CLASS, declaration: '\nclass Lexer' },
  };
}

const TYPE3_GLYPH_HEIGHT = [
  '      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {',
  '        const glyphHeight = font.bbox[3] - font.bbox[1];',
  '        if (glyphHeight > 0) {',
  '          tsm[3] *= glyphHeight * textState.fontMatrix[3];',
  '        }',
  '      }',
].join('\n');

export const WORKER_PATCHES: readonly WorkerPatch[] = [
  {
    name: 'text-state-clone',
    stock: '  clone() {\n    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
    patched: '  clone() {\n    const clone = Object.assign(new TextState(), this);\n    clone.textMatrix = this.textMatrix.slice();',
    // TextState's fields are all its own (class fields), so Object.assign copies the whole state.
    within: { kind: CLASS, declaration: '\nclass TextState' },
  },
  {
    name: 'font-name-in-styles',
    stock: '          descent: font.descent,\n          vertical: font.vertical\n        };',
    patched: `          descent: font.descent,\n          vertical: font.vertical,\n          ${FONT_NAME_STYLE_KEY}: font.name\n        };`,
    within: { kind: /\n    function [\w$]+/g, declaration: '\n    function ensureTextContentItem' },
  },
  {
    name: 'text-transform-scratch',
    stock: [
      '    function getCurrentTextTransform() {',
      '      const font = textState.font;',
      '      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];',
      TYPE3_GLYPH_HEIGHT,
      '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
      '    }',
    ].join('\n'),
    // Util.transform(m1, tsm), written out into a kept array: the same products in the same order.
    patched: [
      '    const textSpaceMatrixScratch = [0, 0, 0, 0, 0, 0];',
      '    const textMatrixProductScratch = [0, 0, 0, 0, 0, 0];',
      '    function getCurrentTextTransform() {',
      '      const font = textState.font;',
      '      const tsm = textSpaceMatrixScratch;',
      '      tsm[0] = textState.fontSize * textState.textHScale;',
      '      tsm[1] = 0;',
      '      tsm[2] = 0;',
      '      tsm[3] = textState.fontSize;',
      '      tsm[4] = 0;',
      '      tsm[5] = textState.textRise;',
      TYPE3_GLYPH_HEIGHT,
      '      const m1 = textState.textMatrix;',
      '      const m = textMatrixProductScratch;',
      '      m[0] = m1[0] * tsm[0] + m1[2] * tsm[1];',
      '      m[1] = m1[1] * tsm[0] + m1[3] * tsm[1];',
      '      m[2] = m1[0] * tsm[2] + m1[2] * tsm[3];',
      '      m[3] = m1[1] * tsm[2] + m1[3] * tsm[3];',
      '      m[4] = m1[0] * tsm[4] + m1[2] * tsm[5] + m1[4];',
      '      m[5] = m1[1] * tsm[4] + m1[3] * tsm[5] + m1[5];',
      '      return Util.transform(textState.ctm, m);',
      '    }',
    ].join('\n'),
    // Inside getTextContent, whose per-call scope then holds the two arrays (declared before any glyph is read).
    within: { kind: METHOD, declaration: '\n  async getTextContent(' },
  },
  {
    name: 'operands-array-kept',
    stock: '      while (!(stop = timeSlotManager.check())) {\n        args.length = 0;\n        operation.args = args;',
    // Emptied by popping: the same empty array, with its room kept.
    patched: '      while (!(stop = timeSlotManager.check())) {\n        while (args.length > 0) args.pop();\n        operation.args = args;',
    within: { kind: METHOD, declaration: '\n  async getTextContent(' },
  },
  keepLexerBuffer('lexer-string-buffer-kept', '  getString() {\n    let numParen = 1;\n    let done = false;'),
  keepLexerBuffer('lexer-name-buffer-kept', '  getName() {\n    let ch, previousCh;'),
  keepLexerBuffer('lexer-hex-string-buffer-kept', '  getHexString() {'),
];

/** The worker module with every patch whose text is found exactly once where it belongs, or null when none is. */
export function patchWorkerSource(source: string): { source: string; applied: string[] } | null {
  let out = source;
  const applied: string[] = [];
  for (const patch of WORKER_PATCHES) {
    const at = out.indexOf(patch.stock);
    if (at < 0 || out.indexOf(patch.stock, at + 1) >= 0) continue;
    if (findLastMatch(out.slice(0, at), patch.within.kind) !== patch.within.declaration) continue;
    out = out.slice(0, at) + patch.patched + out.slice(at + patch.stock.length);
    applied.push(patch.name);
  }
  return applied.length > 0 ? { source: out, applied } : null;
}

function findLastMatch(text: string, kind: RegExp): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(kind)) last = match[0];
  return last;
}

export type PatchedWorker = { applied: true; module: string } | { applied: false; reason: string };

/**
 * Makes this process's pdfjs-dist use the patched worker module, written into `cacheDir` on the first
 * run (named after the installed module, so a reinstall writes a new one). Call it before any PDF is
 * opened in the process. When no patch applies (another pdfjs-dist) or the cache folder cannot be
 * written, pdfjs-dist stays as installed: slower, with the same result.
 */
export async function usePatchedWorker(cacheDir: string): Promise<PatchedWorker> {
  try {
    const stockPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const patchedPath = await writePatchedWorker(stockPath, cacheDir);
    if (!patchedPath) return { applied: false, reason: 'none of the texts to patch was found in pdfjs-dist' };
    const worker = await importWorker(patchedPath);
    if (!worker) return { applied: false, reason: `${patchedPath} was not pdf.js's worker module (removed: the next run writes it again)` };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { applied: true, module: patchedPath };
  } catch (error) {
    return { applied: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The patched copy of the worker module at `stockPath`, written into `cacheDir` unless it is there; null when no patch applies. */
export async function writePatchedWorker(stockPath: string, cacheDir: string): Promise<string | null> {
  const stock = await stat(stockPath);
  const key = createHash('sha256')
    .update(JSON.stringify([stockPath, await readPackageVersion(stockPath), stock.size, stock.mtimeMs, WORKER_PATCHES.map((p) => ({ ...p, within: [String(p.within.kind), p.within.declaration] }))]))
    .digest('hex')
    .slice(0, 16);
  const patchedName = `pdf.worker.${key}.mjs`;
  const patchedPath = path.join(cacheDir, patchedName);
  if (await isFile(patchedPath)) return patchedPath;
  const patched = patchWorkerSource(await readFile(stockPath, 'utf8'));
  if (patched === null) return null;
  await mkdir(cacheDir, { recursive: true });
  // Written aside, then renamed: processes starting at once never import a half-written file.
  const partial = `${patchedPath}.${process.pid}.tmp`;
  try {
    await writeFile(partial, patched.source);
    await rename(partial, patchedPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await removeOlderCopies(cacheDir, patchedName);
  return patchedPath;
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
