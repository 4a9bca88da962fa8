// The baseline of `npm run bench`: what a new user's script costs, as a whole process — open the PDF
// with pdfjs-dist and call getTextContent on every page, nothing else. Plain JavaScript on purpose.
// `node scripts/raw-pdfjs.mjs file [first last]` reads only pages first..last (1-based), to measure
// what reading an edition in parts costs pdfjs alone (README, "Speed"). Options before the file make
// pdfjs run as the CLI's workers run it: `--sync-inflate` inflates its streams with zlib's synchronous
// calls (src/load/sync-decompression.ts), `--patched-worker` uses the load stage's patched worker
// module (src/load/worker-patches.ts).
import { readFile } from 'node:fs/promises';

const args = process.argv.slice(2);
while (args[0]?.startsWith('--')) {
  const option = args.shift();
  if (option === '--sync-inflate') {
    const { useSyncDecompression } = await import('../src/load/sync-decompression.ts');
    useSyncDecompression();
  } else if (option === '--patched-worker') {
    const { usePatchedWorker } = await import('../src/load/worker-patches.ts');
    const { pdfjsWorkerCacheDir } = await import('../src/cli/compile-cache.ts');
    const patched = await usePatchedWorker(pdfjsWorkerCacheDir());
    if (!patched.applied) console.error(`patched worker not used: ${patched.reason}`);
  } else {
    console.error(`unknown option ${option}`);
    process.exit(2);
  }
}
// Imported after the options: pdfjs-dist must find its worker module where the patch puts it.
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const [file, first, last] = args;
const data = new Uint8Array(await readFile(file));
const doc = await getDocument({ data }).promise;
const from = Number(first ?? 1);
const to = Math.min(Number(last ?? doc.numPages), doc.numPages);
let items = 0;
for (let n = from; n <= to; n++) {
  const page = await doc.getPage(n);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await doc.loadingTask.destroy();
console.log(`${to - from + 1} pages, ${items} text items`);
