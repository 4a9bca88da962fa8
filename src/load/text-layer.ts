import type { LoadedDocument } from '../model/text.ts';
import { makeInputError } from './load-failure.ts';

/** A page "has text" from this many non-space characters on (a page number or a stamp is not a text layer). */
export const MIN_CHARACTERS_PER_TEXT_PAGE = 20;
/** Share of pages that must have text; below it the file is taken for a scan. */
export const MIN_TEXT_PAGE_SHARE = 0.1;

/**
 * Rejects a document whose pages carry (almost) no text: a scan without OCR. It has pages but the
 * pipeline would find nothing in them, so the user is told what to do instead of getting an empty dataset.
 */
export function assertHasTextLayer(doc: LoadedDocument, fileName: string): void {
  const textPages = doc.pages.filter((p) => countCharacters(p.items) >= MIN_CHARACTERS_PER_TEXT_PAGE).length;
  if (textPages > 0 && textPages >= doc.pageCount * MIN_TEXT_PAGE_SHARE) return;
  throw makeInputError(
    'no-text',
    fileName,
    `no text layer (scanned pages?) — OCR is needed: ${textPages} of ${doc.pageCount} pages have text`,
  );
}

function countCharacters(items: readonly { text: string }[]): number {
  let n = 0;
  for (const item of items) n += item.text.replace(/\s+/g, '').length;
  return n;
}
