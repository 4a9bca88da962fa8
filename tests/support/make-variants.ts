// Synthesises "other edition" layouts of our own pages (spreads, other page formats, other
// margins) for layout-independence tests. Each source page is embedded as a Form XObject
// and drawn onto a new page; its text stays extractable, moved by the drawing transform.
import type { PDFDocument, PDFEmbeddedPage, PDFPage } from 'pdf-lib';
import { checkPageNumbers, createPdfLike, loadPdf } from '../../scripts/lib/pdf-documents.ts';

/**
 * Each pair [left, right] of 1-based pages becomes one landscape page as wide as both,
 * left page at x = 0 and right page next to it, both top-aligned (like a spread export).
 */
export async function makeSpread(pdfBytes: Uint8Array, pairs: readonly [number, number][]): Promise<Uint8Array> {
  const { source, doc } = await openVariant(pdfBytes, pairs.flat());
  for (const [left, right] of pairs) {
    const [l, r] = await embedSourcePages(doc, source, [left, right]);
    const height = Math.max(l!.height, r!.height);
    const page = doc.addPage([l!.width + r!.width, height]);
    page.drawPage(l!, { x: 0, y: height - l!.height });
    page.drawPage(r!, { x: l!.width, y: height - r!.height });
  }
  return doc.save();
}

/** Each page drawn at `scale` onto a page of the scaled size (e.g. 0.8 or 1.2: another paper format). */
export async function makeRescaled(pdfBytes: Uint8Array, pages: readonly number[], scale: number): Promise<Uint8Array> {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const { source, doc } = await openVariant(pdfBytes, pages);
  for (const embedded of await embedSourcePages(doc, source, pages)) {
    const page = doc.addPage([embedded.width * scale, embedded.height * scale]);
    page.drawPage(embedded, { x: 0, y: 0, xScale: scale, yScale: scale });
  }
  return doc.save();
}

/**
 * Each page drawn onto a page `dx` points wider and `dy` points taller, its content moved
 * `dx` to the right and `dy` down (top-left origin): wider left and top margins.
 */
export async function makeShifted(pdfBytes: Uint8Array, pages: readonly number[], dx: number, dy: number): Promise<Uint8Array> {
  if (!(dx >= 0 && dy >= 0 && Number.isFinite(dx) && Number.isFinite(dy))) {
    throw new RangeError(`dx and dy must be non-negative numbers, got ${dx}, ${dy}`);
  }
  const { source, doc } = await openVariant(pdfBytes, pages);
  for (const embedded of await embedSourcePages(doc, source, pages)) {
    const page = doc.addPage([embedded.width + dx, embedded.height + dy]);
    page.drawPage(embedded, { x: dx, y: 0 });
  }
  return doc.save();
}

async function openVariant(pdfBytes: Uint8Array, pages: readonly number[]): Promise<{ source: PDFDocument; doc: PDFDocument }> {
  const source = await loadPdf(pdfBytes);
  checkPageNumbers(source.getPageCount(), pages);
  return { source, doc: await createPdfLike(source) };
}

/** Embeds the visible area (crop box) of each page; rotated pages are refused, their embedding would be drawn unrotated. */
async function embedSourcePages(doc: PDFDocument, source: PDFDocument, pages: readonly number[]): Promise<PDFEmbeddedPage[]> {
  const sourcePages = pages.map((n) => source.getPage(n - 1));
  sourcePages.forEach((page, k) => {
    if (page.getRotation().angle % 360 !== 0) throw new RangeError(`page ${pages[k]} is rotated; variants of rotated pages are not supported`);
  });
  return doc.embedPages(sourcePages, sourcePages.map(visibleBox));
}

function visibleBox(page: PDFPage): { left: number; bottom: number; right: number; top: number } {
  const box = page.getCropBox();
  return { left: box.x, bottom: box.y, right: box.x + box.width, top: box.y + box.height };
}
