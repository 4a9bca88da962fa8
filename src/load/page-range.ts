/** Pages first..last (1-based, inclusive). */
export interface PageSpan {
  first: number;
  last: number;
}

/**
 * How a load learns which pages to read: asked with the document's page count, it gives the next
 * span, or null when nothing is left for this reader. A load without one reads every page.
 */
export type PageClaim = (pageCount: number) => PageSpan | null | Promise<PageSpan | null>;

/** One of several processes reading the same document: its place among them and its source of pages. */
export interface PartReading {
  /** 0-based; the load itself does not use it (the CLI's test pipeline picks its behaviour by it). */
  index: number;
  claimPages: PageClaim;
}

/**
 * Fewest pages worth a reader of their own: a reader costs its process a start, one more opening of
 * the document and pdfjs's warm-up. With pages dealt on demand, measured on 2 cores (four sweeps of
 * 2 readers against 1, 2026-12-03): 1.19–1.25 at 16 pages, 1.06–1.16 at 32, 0.96–1.09 at 48,
 * 1.00–1.02 at 64, 0.89–1.04 at 96 (mean 0.97), 0.83–0.99 at 146, then 0.73–0.90 up to the whole
 * 292-page edition (docs/cli.md, "One file on several cores"). So a file is split from 96 pages.
 */
export const MIN_PAGES_PER_PART = 48;
/** Smallest span dealt at a time: a claim costs a round trip between processes. */
export const MIN_SPAN_PAGES = 2;

/** How many of `readers` get pages of a document this long. */
export function countReaders(pageCount: number, readers: number, minPagesPerPart = MIN_PAGES_PER_PART): number {
  return Math.max(1, Math.min(readers, Math.floor(pageCount / minPagesPerPart)));
}

export interface PageDealer {
  /** The next span for `reader` (0-based), in page order; null when every page is dealt or the reader is not needed. */
  claim(reader: number, pageCount: number): PageSpan | null;
  /** Set when readers disagreed on the page count (then nothing more is dealt). */
  readonly problem: string | null;
}

/**
 * Deals a document's pages to the processes reading it, as they ask: a reader that started late or
 * met slower pages simply asks less often, so all finish at about the same time. Spans shrink as the
 * document runs out (half of the remaining pages per reader, at least MIN_SPAN_PAGES), so the first
 * spans are long and the last ones short. Every page is dealt exactly once, in order.
 */
export function createPageDealer(readers: number, minPagesPerPart = MIN_PAGES_PER_PART): PageDealer {
  let pageCount: number | null = null;
  let needed = 1;
  let next = 1;
  let problem: string | null = null;
  const joined = new Set<number>();
  return {
    claim(reader, count) {
      if (problem !== null) return null;
      if (pageCount === null) {
        pageCount = count;
        needed = countReaders(count, readers, minPagesPerPart);
      } else if (count !== pageCount) {
        problem = `the processes reading the file disagree on its page count (${pageCount} and ${count})`;
        return null;
      }
      if (!joined.has(reader)) {
        if (joined.size >= needed) return null;
        joined.add(reader);
      }
      const remaining = pageCount - next + 1;
      if (remaining <= 0) return null;
      const size = Math.min(remaining, Math.max(MIN_SPAN_PAGES, Math.ceil(remaining / (2 * needed))));
      const span = { first: next, last: next + size - 1 };
      next += size;
      return span;
    },
    get problem() {
      return problem;
    },
  };
}

/** A claim that gives the whole document once (a load in one process). */
export function claimWholeDocument(): PageClaim {
  let given = false;
  return (pageCount) => {
    if (given || pageCount === 0) return null;
    given = true;
    return { first: 1, last: pageCount };
  };
}
