import { checkPageNumbers, createPdfLike, loadPdf } from './pdf-documents.ts';

/**
 * A new PDF made of the given 1-based pages of `pdfBytes`, in the given order, copied
 * unchanged (content, fonts, page boxes). Byte-identical output for identical input.
 */
export async function cutPages(pdfBytes: Uint8Array, pages: readonly number[]): Promise<Uint8Array> {
  const source = await loadPdf(pdfBytes);
  checkPageNumbers(source.getPageCount(), pages);
  const doc = await createPdfLike(source);
  const copies = await doc.copyPages(
    source,
    pages.map((p) => p - 1),
  );
  for (const page of copies) doc.addPage(page);
  return doc.save();
}
