// `node dump-text-content.mjs stock|fixed cacheDir file…`: what pdfjs-dist's getTextContent gives for
// every page of each file, as one digest per page, read either by pdfjs-dist as installed or with the
// load stage's text-state fix (src/load/text-state-fix.ts). Prints one JSON line. A process of its
// own: pdfjs-dist takes its worker side once per process.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const [mode, cacheDir, ...files] = process.argv.slice(2);
let fix = null;
let fixedModuleUsed = false;
if (mode === 'fixed') {
  const { useTextStateFix } = await import('../../src/load/text-state-fix.ts');
  fix = await useTextStateFix(cacheDir);
  const fixed = globalThis.pdfjsWorker;
  // Tells that pdfjs-dist took its worker side from there rather than importing the installed one.
  if (fixed) globalThis.pdfjsWorker = { get WorkerMessageHandler() { fixedModuleUsed = true; return fixed.WorkerMessageHandler; } };
}
await import('../../src/load/without-canvas.ts');
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { buildSafeOptions } = await import('../../src/load/pdfjs-options.ts');

const documents = [];
for (const file of files) {
  const task = getDocument(buildSafeOptions(new Uint8Array(await readFile(file)), undefined));
  const doc = await task.promise;
  const pages = [];
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    items += content.items.length;
    pages.push(createHash('sha256').update(JSON.stringify([content.items, content.styles])).digest('hex').slice(0, 16));
    page.cleanup();
  }
  await task.destroy();
  documents.push({ file, items, pages });
}
console.log(JSON.stringify({ fix, fixedModuleUsed, documents }));
