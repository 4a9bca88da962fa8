// `node dump-pdfjs-reading.mjs stock|patched cacheDir file…`: what pdfjs-dist gives for every page of
// each file, read either by pdfjs-dist as installed or with the load stage's patched worker module
// (src/load/worker-patches.ts): one digest per page of getTextContent (the font-name style key left
// out), and one per page of the load stage's own items (loadDocument). Prints one JSON line. A process
// of its own: pdfjs-dist takes its worker side once per process.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const [mode, cacheDir, ...files] = process.argv.slice(2);
let patched = null;
let patchedModuleUsed = false;
const { FONT_NAME_STYLE_KEY, usePatchedWorker } = await import('../../src/load/worker-patches.ts');
if (mode === 'patched') {
  patched = await usePatchedWorker(cacheDir);
  const worker = globalThis.pdfjsWorker;
  // Tells that pdfjs-dist took its worker side from there rather than importing the installed one.
  if (worker) globalThis.pdfjsWorker = { get WorkerMessageHandler() { patchedModuleUsed = true; return worker.WorkerMessageHandler; } };
}
await import('../../src/load/without-canvas.ts');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { buildSafeOptions } = await import('../../src/load/pdfjs-options.ts');
const { loadDocument } = await import('../../src/load/load-document.ts');

const digest = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

const documents = [];
for (const file of files) {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument(buildSafeOptions(data.slice(), undefined));
  const doc = await task.promise;
  const pages = [];
  let items = 0;
  let styles = 0;
  let namedStyles = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    items += content.items.length;
    for (const style of Object.values(content.styles)) {
      styles++;
      if (typeof style[FONT_NAME_STYLE_KEY] === 'string') namedStyles++;
      delete style[FONT_NAME_STYLE_KEY];
    }
    pages.push(digest([content.items, content.styles]));
    page.cleanup();
  }
  await task.destroy();
  const loaded = await loadDocument(data, { fileName: file });
  const boldItems = loaded.pages.reduce((sum, p) => sum + p.items.filter((i) => i.bold).length, 0);
  documents.push({ file, items, styles, namedStyles, pages, loadedPages: loaded.pages.map(digest), boldItems });
}
console.log(JSON.stringify({ patched, patchedModuleUsed, documents }));
