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
 * document and pdfjs's warm-up. Measured on 2 cores (three sweeps), two parts were 5–24 % slower than
 * one worker up to 64 pages, 0.90–1.08 at 96 and 0.99–1.20 at 146, then faster: 0.95 at 192, 0.98 at
 * 240, 0.92–0.95 on the whole 292-page edition (docs/cli.md, "One file on several cores"). So a file
 * is split from 160 pages; a shorter one is read in fewer parts.
 */
export const MIN_PAGES_PER_PART = 80;

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
