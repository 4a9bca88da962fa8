import type { LoadedDocument } from '../model/text.ts';

/**
 * One document from the parts several processes read: every page once, in page-number order, so
 * that the result is the document a single process would have read.
 */
export function mergeParts(parts: readonly LoadedDocument[]): LoadedDocument {
  const [first] = parts;
  if (!first) throw new Error('mergeParts needs at least one part');
  if (parts.length === 1) return first;
  const pages = parts.flatMap((p) => p.pages).sort((a, b) => a.page - b.page);
  for (let i = 1; i < pages.length; i++) {
    if (pages[i]!.page === pages[i - 1]!.page) throw new Error(`page ${pages[i]!.page} was read by two parts`);
  }
  if (pages.length !== first.pageCount) throw new Error(`the parts hold ${pages.length} of the document's ${first.pageCount} pages`);
  return { pageCount: first.pageCount, title: first.title, pages };
}
