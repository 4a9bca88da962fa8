// The baseline of `npm run bench`: what a new user's script costs, as a whole process — open the PDF
// with pdfjs-dist and call getTextContent on every page, nothing else. Plain JavaScript on purpose.
// `node scripts/raw-pdfjs.mjs file [first last]` reads only pages first..last (1-based), to measure
// what reading an edition in parts costs pdfjs alone (README, "Speed"). With `--sync-inflate` first,
// pdfjs inflates its streams as the CLI's workers make it do (src/load/sync-decompression.ts).
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const args = process.argv.slice(2);
if (args[0] === '--sync-inflate') {
  args.shift();
  const { useSyncDecompression } = await import('../src/load/sync-decompression.ts');
  useSyncDecompression();
}
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
