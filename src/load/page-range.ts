/** One of `count` parts of a document's pages, for reading a long file in several processes. */
export interface PagePart {
  /** 0-based. */
  index: number;
  count: number;
  /** Overrides MIN_PAGES_PER_PART (the benchmark uses it to find where splitting starts to pay). */
  minPagesPerPart?: number;
}

/**
 * Fewest pages worth a part of their own: a part costs its process a start, one more opening of the
 * document and pdfjs's warm-up; measured on 2 cores, two parts were 5–13 % slower than one worker up
 * to 64 pages, scattered around one worker's time from 96 (0.90–1.20) and 9 % faster on the whole
 * 292-page edition (docs/cli.md, "One file on several cores"). A shorter document is read in fewer parts.
 */
export const MIN_PAGES_PER_PART = 48;

/**
 * The 1-based pages [first, last] of one part: contiguous, in order, as even as whole pages allow;
 * null when the document is too short to give this part any page. The parts of one document cover
 * each page exactly once, so merging them by page number gives the whole document back.
 */
export function pageRangeOf(pageCount: number, part: PagePart): { first: number; last: number } | null {
  const parts = Math.max(1, Math.min(part.count, Math.floor(pageCount / (part.minPagesPerPart ?? MIN_PAGES_PER_PART))));
  if (part.index >= parts) return null;
  const first = Math.floor((part.index * pageCount) / parts) + 1;
  const last = Math.floor(((part.index + 1) * pageCount) / parts);
  return first <= last ? { first, last } : null;
}
