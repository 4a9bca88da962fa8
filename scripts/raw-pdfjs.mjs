// The baseline of `npm run bench`: what a new user's script costs, as a whole process — open the PDF
// with pdfjs-dist and call getTextContent on every page, nothing else. Plain JavaScript on purpose.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = process.argv[2];
const data = new Uint8Array(await readFile(file));
const doc = await getDocument({ data }).promise;
let items = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await doc.loadingTask.destroy();
console.log(`${doc.numPages} pages, ${items} text items`);
