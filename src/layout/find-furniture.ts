import type { Box } from '../model/geometry.ts';
import type { Line } from '../model/layout.ts';

// Running headers and footers are told by repetition: text that recurs on many pages at the same
// place relative to the page (same edge, same distance from it, same type size), whatever its
// distance from the page's content. A short document has too few pages to repeat anything, so a
// single-page rule (small type apart from the content in the outer band) is added there.

/** Headers and footers sit in this outer share of the printed area's height, at the top or the bottom. */
export const FURNITURE_BAND_SHARE = 0.1;
/** A running header or footer has at most this many lines (on one or two rows). */
export const MAX_FURNITURE_LINES = 4;
/** Two lines are at the same place on two pages when their distances from the page edge differ by at most this (× body size). */
export const SLOT_TOLERANCE_EM = 0.5;
/** ... and their type sizes by at most this (× body size). */
export const SLOT_SIZE_TOLERANCE_EM = 0.05;
/** A place (or a text, digits aside) is running furniture when it recurs on at least this share of the pages... */
export const MIN_REPEAT_SHARE = 0.2;
/** ... and on at least this many pages. */
export const MIN_REPEAT_PAGES = 2;
/** Type at most this × the body size is small: furniture must be small, but for the outermost line when its text recurs too. */
export const SMALL_TYPE_RATIO = 0.85;
/** Documents with fewer pages than this also use the single-page rule (a two-page card cut from an edition). */
export const FEW_PAGES = 4;
/** A line this close (× type size) under or over a furniture line, in the same type, is its wrapped continuation. */
export const WRAPPED_GAP_EM = 0.5;
/** Single-page rule: furniture is apart from the content by at least this (× the furniture's type size). */
export const FURNITURE_GAP_EM = 1.2;

export interface PageLines {
  region: Box;
  lines: readonly Line[];
}

export interface Furniture {
  header: Line[];
  footer: Line[];
}

type Edge = 'top' | 'bottom';

interface Candidate {
  page: number;
  line: Line;
  edge: Edge;
  /** Distance from the page's edge (its region's top or bottom). */
  distance: number;
}

/** Each page's running header and footer lines, outermost first. */
export function findFurniture(pages: readonly PageLines[], bodySize: number): Furniture[] {
  const candidates = pages.map((page, k) => outerCandidates(page, k));
  const all = candidates.flatMap((c) => [...c.top, ...c.bottom]);
  const needed = Math.max(MIN_REPEAT_PAGES, Math.ceil(MIN_REPEAT_SHARE * pages.length));
  const slotPages = countSlotPages(all, bodySize);
  const textPages = countTextPages(all);
  // Walking from the page edge inward: a line at a recurring place is furniture when set in small
  // type, or, for the outermost line only, when its text (with letters, digits aside) recurs too and
  // its type is no larger than the body's (a section heading opening every other page is content).
  const isFurniture = (c: Candidate, outermost: boolean) =>
    slotPages(c) >= needed &&
    (c.line.fontSize <= SMALL_TYPE_RATIO * bodySize ||
      (outermost && c.line.fontSize <= bodySize && /\p{L}/u.test(c.line.text) && (textPages.get(textKey(c)) ?? 0) >= needed));
  return pages.map((page, k) => {
    const header = walkInward(candidates[k]!.top, isFurniture).map((c) => c.line);
    const footer = walkInward(candidates[k]!.bottom, isFurniture).map((c) => c.line);
    if (pages.length >= FEW_PAGES) return { header, footer };
    const single = findBandFurniture(page.lines, page.region, bodySize);
    return { header: union(header, single.header), footer: union(footer, single.footer) };
  });
}

/** The lines in the outer bands of a page, from the edge inward. */
function outerCandidates(page: PageLines, k: number): { top: Candidate[]; bottom: Candidate[] } {
  const { lines, region } = page;
  if (lines.length === 0) return { top: [], bottom: [] };
  const [top, bottom] = printedArea(lines);
  const band = FURNITURE_BAND_SHARE * (region[3] - region[1]);
  return {
    top: lines
      .filter((l) => l.box[3] <= top + band)
      .sort((a, b) => a.box[1] - b.box[1])
      .slice(0, MAX_FURNITURE_LINES)
      .map((line) => ({ page: k, line, edge: 'top' as const, distance: line.box[1] - region[1] })),
    bottom: lines
      .filter((l) => l.box[1] >= bottom - band)
      .sort((a, b) => b.box[3] - a.box[3])
      .slice(0, MAX_FURNITURE_LINES)
      .map((line) => ({ page: k, line, edge: 'bottom' as const, distance: region[3] - line.box[3] })),
  };
}

/** The top of the first line and the bottom of the last one. */
function printedArea(lines: readonly Line[]): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (const l of lines) {
    top = Math.min(top, l.box[1]);
    bottom = Math.max(bottom, l.box[3]);
  }
  return [top, bottom];
}

/** On how many pages a candidate sits at the same place in the same size (counted when asked: the walk inward asks few). */
function countSlotPages(all: readonly Candidate[], bodySize: number): (c: Candidate) => number {
  const step = SLOT_TOLERANCE_EM * bodySize;
  const buckets = new Map<string, Candidate[]>();
  const bucketOf = (edge: Edge, n: number) => `${edge}:${n}`;
  for (const c of all) {
    const key = bucketOf(c.edge, Math.round(c.distance / step));
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  const counts = new Map<Candidate, number>();
  return (c) => {
    const known = counts.get(c);
    if (known !== undefined) return known;
    const n = Math.round(c.distance / step);
    const pagesSeen = new Set<number>();
    for (const d of [n - 1, n, n + 1])
      for (const o of buckets.get(bucketOf(c.edge, d)) ?? [])
        if (Math.abs(o.distance - c.distance) <= step && Math.abs(o.line.fontSize - c.line.fontSize) <= SLOT_SIZE_TOLERANCE_EM * bodySize) pagesSeen.add(o.page);
    counts.set(c, pagesSeen.size);
    return pagesSeen.size;
  };
}

/** The text of a line with its digits masked, on its edge: "L'innovation … 15" and "… 16" are the same. */
function textKey(c: Candidate): string {
  return `${c.edge}:${c.line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

function countTextPages(all: readonly Candidate[]): Map<string, number> {
  const pages = new Map<string, Set<number>>();
  for (const c of all) {
    const key = textKey(c);
    pages.set(key, (pages.get(key) ?? new Set()).add(c.page));
  }
  return new Map([...pages].map(([k, v]) => [k, v.size]));
}

/**
 * The furniture lines from the edge inward: lines at a recurring place, and the wrapped lines of a
 * furniture line (same type, a line's leading away: a theme heading set on two lines).
 */
function walkInward(ordered: readonly Candidate[], recurring: (c: Candidate, outermost: boolean) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const c of ordered) {
    const last = out[out.length - 1];
    if (!recurring(c, !last) && !(last && continues(last.line, c.line))) break;
    out.push(c);
  }
  return out;
}

function continues(outer: Line, inner: Line): boolean {
  const gap = Math.max(inner.box[1] - outer.box[3], outer.box[1] - inner.box[3]);
  return gap < WRAPPED_GAP_EM * outer.fontSize && inner.fontSize === outer.fontSize && inner.bold === outer.bold && inner.italic === outer.italic;
}

function union(a: readonly Line[], b: readonly Line[]): Line[] {
  return [...new Set([...a, ...b])];
}

/**
 * The single-page rule: the outermost lines of the page when set in small type, inside the top or
 * bottom band, and apart from the page's content by a clear gap (so the last entry of a dense list
 * is not taken for a footer).
 */
export function findBandFurniture(lines: readonly Line[], region: Box, bodySize: number): Furniture {
  if (lines.length === 0) return { header: [], footer: [] };
  // The band is counted from the printed area's edges, not the sheet's: margins differ between editions.
  const band = FURNITURE_BAND_SHARE * (region[3] - region[1]);
  const [top, bottom] = printedArea(lines);
  const byTop = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  const header = outerCluster(byTop, bodySize, (l) => l.box[3] <= top + band, (a, b) => b.box[1] - a.box[3]);
  const byBottom = [...lines].sort((a, b) => b.box[3] - a.box[3]);
  const footer = outerCluster(byBottom, bodySize, (l) => l.box[1] >= bottom - band, (a, b) => a.box[1] - b.box[3]);
  return { header, footer };
}

function outerCluster(ordered: readonly Line[], bodySize: number, inBand: (l: Line) => boolean, gapBetween: (outer: Line, inner: Line) => number): Line[] {
  const cluster: Line[] = [];
  for (const line of ordered) {
    const last = cluster[cluster.length - 1];
    const small = line.fontSize <= SMALL_TYPE_RATIO * bodySize;
    if (!last) {
      if (!small || !inBand(line)) return [];
      cluster.push(line);
      continue;
    }
    const gap = Math.min(...cluster.map((c) => gapBetween(c, line)));
    if (gap < FURNITURE_GAP_EM * last.fontSize) {
      if (!small || !inBand(line)) return []; // content runs into the band: no furniture here
      cluster.push(line);
    } else {
      return cluster;
    }
  }
  return cluster;
}
