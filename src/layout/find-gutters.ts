import type { TextItem } from '../model/text.ts';

// A gutter is a vertical strip of white that several consecutive rows share, not one wide gap on
// one row. In justified text the word spaces of a line are alike (and may be wide); a gutter is
// wider than the spaces of its own line and lines up with white on the rows above and below.
// Every length below is in units of the row's type size (em).

/** Narrowest gap that can be a gutter: under half an em, a gap is a word or letter space. */
export const MIN_GUTTER_EM = 0.5;
/** Narrowest gap that counts as a space between words (narrower: a kerned or chunked word). */
export const MIN_SPACE_EM = 0.1;
/** A gutter is at least this many times wider than the plain word spaces of its own row. */
export const OUTLIER_RATIO = 1.3;
/** Rows further apart than this (top to top) do not share a strip: a paragraph or section break. */
export const ROW_LINK_EM = 2.2;
/** Two runs start (or end) the same column when their edges are this close. */
export const ALIGN_TOLERANCE_EM = 0.15;
/** A strip with ink on both sides on at least this many rows, its edge shared by as many, is a gutter. */
export const MIN_STRIP_ROWS = 2;
/**
 * A strip with ink on both sides on this many rows, or a shared edge on as many, that no row above
 * or below crosses (it runs through the whole text, unlike a river of word spaces), is a gutter
 * even where a row's word spaces are as wide (narrow justified columns).
 */
export const LONG_STRIP_ROWS = 3;
/** A gap this wide is a gutter on its own when the rows next to it leave the strip white (a lone row of two columns). */
export const WIDE_GAP_EM = 1.6;

/** One row of items on a shared baseline band, sorted left to right. */
export interface Row {
  items: TextItem[];
  top: number;
  size: number;
}

/** The white between items[index - 1] (and everything left of it) and items[index] of one row. */
interface Gap {
  row: number;
  index: number;
  x0: number;
  x1: number;
}

/** A vertical strip of white through consecutive rows, traced from one row's gap. */
interface Strip {
  x0: number;
  x1: number;
  /** Rows with ink on both sides of the strip (the gap's own row included). */
  interior: number[];
  /** Rows whose ink starts at the strip's right edge, or ends at its left edge (the larger count). */
  aligned: number;
  /** The trace stopped, above or below, on a row whose ink crosses the strip (not on a vertical break). */
  blocked: { above: boolean; below: boolean };
  /** The gap the strip was traced from. */
  origin: Gap;
}

/**
 * For rows sorted top to bottom, the item indexes at which each row is split into column lines
 * (a split before items[index]): at the gaps a gutter strip runs through, then at gaps wide and
 * lone enough to be gutters on their own.
 */
export function findGutterSplits(rows: readonly Row[]): Set<number>[] {
  const gaps = rows.map((row, r) => findGaps(row, r));
  const spacesOf = (r: number) => gaps[r]!.filter((g) => g.x1 - g.x0 >= MIN_SPACE_EM * rows[r]!.size);
  const strips: Strip[] = [];
  for (const rowGaps of gaps)
    for (const gap of rowGaps) if (gap.x1 - gap.x0 >= MIN_GUTTER_EM * rows[gap.row]!.size) strips.push(traceStrip(rows, gap));
  const isCandidate = (s: Strip) => s.interior.length >= MIN_STRIP_ROWS && s.aligned >= MIN_STRIP_ROWS;
  // Gaps some candidate strip runs through: not plain word spaces.
  const inStrip = new Set<Gap>();
  for (const s of strips.filter(isCandidate)) for (const r of s.interior) inStrip.add(gapHolding(gaps[r]!, s)!);
  const splits = rows.map(() => new Set<number>());
  for (const s of strips.filter(isCandidate)) {
    const long = (s.interior.length >= LONG_STRIP_ROWS || s.aligned >= LONG_STRIP_ROWS) && !s.blocked.above && !s.blocked.below;
    const held = s.interior.map((r) => gapHolding(gaps[r]!, s)!);
    // A short strip must be an outlier among the plain word spaces of every row it runs through.
    const outlier = held.every((g) => spacesOf(g.row).every((o) => o === g || inStrip.has(o) || g.x1 - g.x0 >= OUTLIER_RATIO * (o.x1 - o.x0)));
    if (long || outlier) for (const g of held) splits[g.row]!.add(g.index);
  }
  strips.forEach((s) => {
    const gap = s.origin;
    const width = gap.x1 - gap.x0;
    if (s.blocked.above || s.blocked.below || width < WIDE_GAP_EM * rows[gap.row]!.size || splits[gap.row]!.has(gap.index)) return;
    // A lone wide gap: wider than every space of its row that is not already a gutter.
    const others = spacesOf(gap.row).filter((o) => o !== gap && !splits[gap.row]!.has(o.index));
    if (others.every((o) => width >= OUTLIER_RATIO * (o.x1 - o.x0))) {
        splits[gap.row]!.add(gap.index);
    }
  });
  return splits;
}

/** Gaps between consecutive items of a row (items sorted by x; overlapping items leave none). */
function findGaps(row: Row, r: number): Gap[] {
  const gaps: Gap[] = [];
  let reach = row.items[0]?.box[2] ?? 0;
  row.items.forEach((item, index) => {
    if (index > 0 && item.box[0] > reach) gaps.push({ row: r, index, x0: reach, x1: item.box[0] });
    reach = Math.max(reach, item.box[2]);
  });
  return gaps;
}

/** The gap of a row that holds the whole strip. */
function gapHolding(rowGaps: readonly Gap[], s: { x0: number; x1: number }): Gap | undefined {
  return rowGaps.find((g) => g.x0 <= s.x0 + EPSILON && g.x1 >= s.x1 - EPSILON);
}

const EPSILON = 0.01;

/**
 * Follows the gap's white strip up and down through linked rows, narrowing it to the white each
 * row leaves, until a row crosses it (less than a gutter's width left) or a vertical break; then
 * counts the rows with ink on both sides and the rows whose ink meets the strip's edges.
 */
function traceStrip(rows: readonly Row[], gap: Gap): Strip {
  const own = rows[gap.row]!;
  const minWidth = MIN_GUTTER_EM * own.size;
  const link = ROW_LINK_EM * own.size;
  const through = [gap.row];
  const blocked = { above: false, below: false };
  let [x0, x1] = [gap.x0, gap.x1];
  for (const step of [-1, 1]) {
    let previousTop = own.top;
    for (let r = gap.row + step; r >= 0 && r < rows.length; r += step) {
      const row = rows[r]!;
      if (Math.abs(row.top - previousTop) > link) break;
      previousTop = row.top;
      const white = whiteAround(row, x0, x1);
      if (white[1] - white[0] < minWidth) {
        blocked[step < 0 ? 'above' : 'below'] = true;
        break;
      }
      [x0, x1] = white;
      through.push(r);
    }
  }
  const tolerance = ALIGN_TOLERANCE_EM * own.size;
  const interior: number[] = [];
  let alignedLeft = 0;
  let alignedRight = 0;
  for (const r of through.sort((a, b) => a - b)) {
    const left = inkEndBefore(rows[r]!, x0);
    const right = inkStartAfter(rows[r]!, x1);
    if (left !== null && right !== null) interior.push(r);
    if (left !== null && x0 - left <= tolerance) alignedLeft++;
    if (right !== null && right - x1 <= tolerance) alignedRight++;
  }
  return { x0, x1, interior, aligned: Math.max(alignedLeft, alignedRight), blocked, origin: gap };
}

/** The part of [x0, x1] a row leaves white: the widest stretch of it between the row's items. */
function whiteAround(row: Row, x0: number, x1: number): [number, number] {
  let best: [number, number] = [x0, x0];
  let start = x0;
  for (const item of row.items) {
    if (item.box[0] >= x1) break;
    if (item.box[2] <= start) continue;
    if (item.box[0] > start && item.box[0] - start > best[1] - best[0]) best = [start, item.box[0]];
    start = Math.max(start, item.box[2]);
  }
  if (x1 - start > best[1] - best[0]) best = [start, x1];
  return best;
}

function inkEndBefore(row: Row, x: number): number | null {
  let end: number | null = null;
  for (const item of row.items) if (item.box[2] <= x + EPSILON && (end === null || item.box[2] > end)) end = item.box[2];
  return end;
}

function inkStartAfter(row: Row, x: number): number | null {
  let start: number | null = null;
  for (const item of row.items) if (item.box[0] >= x - EPSILON && (start === null || item.box[0] < start)) start = item.box[0];
  return start;
}
