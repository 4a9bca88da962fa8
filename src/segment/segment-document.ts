import levenshtein from 'fast-levenshtein';
import type { LaidOutDocument, LogicalPage } from '../model/layout.ts';
import { findLargestTypeLines } from '../layout/index.ts';
import { makeDiagnostic } from '../model/diagnostics.ts';
import { foldWords } from '../model/regions.ts';
import type { PageRole } from '../pipeline/types.ts';
import type { Diagnostic } from '../validate/schema.ts';
import { isCardFirstPage, isCardSecondPage, pageRefLines, parseAxis, printedPageNumber } from './page-features.ts';
import { readToc } from './read-toc.ts';
import type { CardPages, SegmentedDocument, TocEntry } from './types.ts';

/** Tells the role of every page, reads the table of contents and groups each card's pages. */
export function segmentDocument(doc: LaidOutDocument): SegmentedDocument {
  const { pages, bodySize } = doc;
  const diagnostics: Diagnostic[] = [];
  const roles = new Map<LogicalPage, PageRole>();
  const firsts = pages.filter((p) => isCardFirstPage(p, bodySize));
  const firstCardIndex = firsts.length > 0 ? pages.indexOf(firsts[0]!) : pages.length;

  const tocPages = findTocPages(pages.slice(0, firstCardIndex));
  for (const p of tocPages) roles.set(p, 'table-of-contents');
  const toc = readToc(tocPages);

  const cards: CardPages[] = [];
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (roles.has(page)) continue;
    if (!isCardFirstPage(page, bodySize)) continue;
    roles.set(page, 'card');
    const group = [page];
    const next = pages[i + 1];
    if (next && !isCardFirstPage(next, bodySize) && isCardSecondPage(next, bodySize)) {
      roles.set(next, 'card');
      group.push(next);
    } else {
      diagnostics.push(
        makeDiagnostic('segment/missing-second-page', 'warning', 'the card has no second page (PRÉSENTATION DU PROJET) after its first page', {
          page: page.pdfPage,
        }),
      );
    }
    cards.push({ pages: group, printedPages: group.map(printedPageNumber), entry: null });
  }

  classifyOtherPages(pages, roles, firstCardIndex, bodySize);
  matchEntries(toc, cards, diagnostics);
  const ordered = orderByToc(toc, cards);
  return { toc, cards: ordered, roles: pages.map((p) => ({ page: p.pdfPage, role: roles.get(p)! })), diagnostics };
}

/** The table of contents: the first run of pages listing page references, before the first card (blank pages aside). */
function findTocPages(beforeCards: readonly LogicalPage[]): LogicalPage[] {
  const run: LogicalPage[] = [];
  for (const p of beforeCards) {
    if (pageRefLines(p).length >= 3) run.push(p);
    else if (run.length > 0 && p.lines.length > 0) break;
  }
  return run;
}

function classifyOtherPages(pages: readonly LogicalPage[], roles: Map<LogicalPage, PageRole>, firstCard: number, bodySize: number) {
  let lastCard = -1;
  pages.forEach((p, i) => {
    if (roles.get(p) === 'card') lastCard = i;
  });
  pages.forEach((p, i) => {
    if (roles.has(p)) return;
    if (p.lines.length === 0) roles.set(p, 'blank');
    else if (i === 0) roles.set(p, 'cover');
    else if (p.lines.some((l) => parseAxis(l.text) !== null && l.fontSize >= bodySize)) roles.set(p, 'axis-divider');
    else if (lastCard >= 0 && i > lastCard) roles.set(p, i === pages.length - 1 ? 'back-cover' : 'unknown');
    else if (pageRefLines(p).length > 0) roles.set(p, 'theme-divider');
    else if (i < firstCard) roles.set(p, 'front-matter');
    else roles.set(p, 'unknown');
  });
}

/** The card's printed title: the lines set in the largest type on its first page. */
const cardTitle = (c: CardPages) => findLargestTypeLines(c.pages[0]!.lines).map((l) => l.text).join(' ');

/** Similarity of two titles on folded text, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const fa = foldWords(a);
  const fb = foldWords(b);
  const longest = Math.max(fa.length, fb.length, 1);
  return 1 - levenshtein.get(fa, fb) / longest;
}

/** Names each card from its entry: the printed page number first, then the closest title. */
function matchEntries(toc: readonly TocEntry[], cards: CardPages[], diagnostics: Diagnostic[]) {
  const free = new Set(toc);
  for (const card of cards) {
    const byPage = [...free].find((e) => e.page === card.printedPages[0]);
    if (byPage && titleSimilarity(byPage.title, cardTitle(card)) > 0.35) {
      card.entry = byPage;
      free.delete(byPage);
    }
  }
  for (const card of cards) {
    if (card.entry) continue;
    let best: TocEntry | null = null;
    let bestScore = 0;
    for (const e of free) {
      const s = titleSimilarity(e.title, cardTitle(card));
      if (s > bestScore) [best, bestScore] = [e, s];
    }
    if (best && bestScore >= 0.6) {
      card.entry = best;
      free.delete(best);
      diagnostics.push(makeDiagnostic('segment/matched-by-title', 'info', `matched to the entry "${best.title}" by title (page ${best.page} in the table of contents)`, { page: card.pages[0]!.pdfPage }));
    } else if (toc.length > 0) {
      diagnostics.push(makeDiagnostic('segment/card-without-entry', 'warning', `the card "${cardTitle(card)}" has no entry in the table of contents`, { page: card.pages[0]!.pdfPage }));
    }
  }
  for (const e of free) {
    diagnostics.push(makeDiagnostic('segment/entry-without-card', 'warning', `the table of contents lists "${e.title}" (p${e.page}) but no card was found for it`, { page: e.pdfPage }));
  }
  if (toc.length === 0 && cards.length > 0) {
    diagnostics.push(makeDiagnostic('segment/no-toc', 'warning', 'no table of contents found: titles, axes and themes come from the cards themselves', {}));
  }
}

/** Cards in table-of-contents order; cards without an entry keep their document order at the end. */
function orderByToc(toc: readonly TocEntry[], cards: readonly CardPages[]): CardPages[] {
  const rank = new Map(toc.map((e, i) => [e, i]));
  return [...cards].sort((a, b) => (a.entry ? rank.get(a.entry)! : Infinity) - (b.entry ? rank.get(b.entry)! : Infinity));
}
