import type { Line, LogicalPage } from '../model/layout.ts';
import { foldWords } from '../model/regions.ts';

/** Section labels that recur on a card's first page and on its second page. */
const FIRST_PAGE_LABELS = ['objectifs', 'plus values', 'contact', 'contacts'];
const SECOND_PAGE_LABELS = ['presentation du projet', 'methode et calendrier de deploiement', 'calendrier'];

export const PAGE_REF = /^(?:p\.?\s?)?(\d{1,4})$/i;

export function labelOf(line: Line): string {
  return foldWords(line.text);
}

export function isHeadingLike(line: Line, bodySize: number): boolean {
  return line.bold && line.fontSize >= 0.95 * bodySize;
}

export function countLabels(page: LogicalPage, bodySize: number, labels: readonly string[]): number {
  const found = new Set<string>();
  for (const l of page.lines) if (isHeadingLike(l, bodySize) && labels.includes(labelOf(l))) found.add(labelOf(l));
  return found.size;
}

export const isCardFirstPage = (p: LogicalPage, bodySize: number) => countLabels(p, bodySize, FIRST_PAGE_LABELS) >= 2;
export const isCardSecondPage = (p: LogicalPage, bodySize: number) => countLabels(p, bodySize, SECOND_PAGE_LABELS) >= 1;

const LEADER_REF = /^(.*?\S)\s*(?:[.…·_]\s*){3,}(?:p\.?\s?)?(\d{1,4})$/i;

/**
 * "Parcours TPE (Guadeloupe) ........ 20": an entry whose dot leaders and page number are printed in
 * the same run becomes two lines, the entry and its page reference (boxes split in proportion).
 */
export function splitLeaderLines(lines: readonly Line[]): Line[] {
  return lines.flatMap((l) => {
    const m = LEADER_REF.exec(l.text.trim());
    if (!m) return [l];
    const [x0, y0, x1, y1] = l.box;
    const perChar = (x1 - x0) / Math.max(1, l.text.trim().length);
    const titleEnd = x0 + perChar * m[1]!.length;
    const refStart = x1 - perChar * m[2]!.length;
    return [
      { ...l, text: m[1]!, box: [x0, y0, titleEnd, y1] },
      { ...l, text: m[2]!, box: [refStart, y0, x1, y1] },
    ];
  });
}

/** Lines on the right of a row that hold only a page reference ("p12", "12"). */
export function pageRefLines(page: LogicalPage): Line[] {
  return findPageRefs(splitLeaderLines(page.lines), page);
}

/** Among lines already split at their dot leaders, those in the right half holding only a page reference. */
export function findPageRefs(lines: readonly Line[], page: LogicalPage): Line[] {
  return lines.filter((l) => PAGE_REF.test(l.text.trim()) && l.box[0] > page.region[0] + 0.5 * (page.region[2] - page.region[0]));
}

/** An axis heading of the table of contents: "AXE 1" alone, or in bold followed by its title ("Axe 2 – Garantir…"). */
export function parseAxisHeading(line: Line): '1' | '2' | 'transverse' | null {
  const alone = parseAxis(line.text);
  if (alone || !line.bold) return alone;
  const m = /^axe\s*(1|2|transverse)\s*[:·•–—-]/i.exec(line.text.trim().replace(/(?<=\b\p{L}) (?=\p{L}\b)/gu, ''));
  return m ? (m[1]!.toLowerCase() as '1' | '2' | 'transverse') : null;
}

/** "AXE 1", "Axe 2", "AXE TRANSVERSE" → the axis. */
export function parseAxis(text: string): '1' | '2' | 'transverse' | null {
  const m = /^axe\s*(1|2|transverse)$/.exec(foldWords(text).replace(/(?<=\b\w) (?=\w\b)/g, ''));
  return m ? (m[1] as '1' | '2' | 'transverse') : null;
}

/** The printed page number carried by a page's footer, if any. */
export function printedPageNumber(page: LogicalPage): number | null {
  for (const l of page.footer) {
    const m = /(?:^|\s)(\d{1,4})(?:\s|$)/.exec(l.text.trim());
    if (m) return Number(m[1]);
  }
  return null;
}
