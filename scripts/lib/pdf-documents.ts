// Shared pdf-lib helpers of the fixture script and the test-variant generator.
import { PDFDocument } from 'pdf-lib';

/** Loads a PDF without touching its metadata (pdf-lib would otherwise stamp its producer and dates). */
export async function loadPdf(pdfBytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdfBytes, { updateMetadata: false });
}

/**
 * A new, empty document carrying the source's title and no creation date, so that the
 * same inputs give byte-identical outputs and title-based edition detection still works.
 */
export async function createPdfLike(source: PDFDocument): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const title = source.getTitle();
  if (title !== undefined) doc.setTitle(title);
  return doc;
}

/** Throws a RangeError unless every page is a 1-based index of the document and there is at least one. */
export function checkPageNumbers(pageCount: number, pages: readonly number[]): void {
  if (pages.length === 0) throw new RangeError('no page given');
  for (const page of pages) {
    if (!Number.isInteger(page) || page < 1 || page > pageCount) {
      throw new RangeError(`page ${page} is not a page of this PDF (1-${pageCount})`);
    }
  }
}
