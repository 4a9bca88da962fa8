// The baseline of `npm run bench`: what a new user's script costs, as a whole process — open the PDF
// with pdfjs-dist and call getTextContent on every page, nothing else. Plain JavaScript on purpose.
// `node scripts/raw-pdfjs.mjs file [first last]` reads only pages first..last (1-based), to measure
// what reading an edition in parts costs pdfjs alone (README, "Speed").
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [file, first, last] = process.argv.slice(2);
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
