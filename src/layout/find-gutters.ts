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
/** Rows with more vertical white than this between them do not share a strip (a section break), unless the row past it resumes the strip's column at its very edge. */
export const ROW_LINK_EM = 1.0;
/** Two runs start (or end) the same column when their edges are this close (a layout program places them exactly). */
export const ALIGN_TOLERANCE_EM = 0.05;
/**
 * A strip with ink on both sides on at least this many rows, its edge shared by as many, is a
 * gutter when it is an outlier among the word spaces of every row it runs through; or when no row
 * above or below crosses it and its right edge starts a column on as many rows (it runs through
 * the whole text, unlike a river of word spaces: a gutter even where a row's word spaces are as
 * wide, as in narrow justified columns).
 */
export const MIN_STRIP_ROWS = 2;
/** A column is at least this wide at its widest row (a year label is about 2.3 em). */
export const MIN_COLUMN_EM = 2;
/**
 * Gaps this wide that are outliers among their rows' spaces are gutters when several rows share
 * the strip (edges need not line up: right-aligned page numbers), or on a row that stands alone.
 */
export const WIDE_GAP_EM = 1.6;

/** One row of items on a shared baseline band, sorted left to right. */
export interface Row {
  items: TextItem[];
  top: number;
  bottom: number;
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
  /** Rows whose ink starts at the strip's right edge: a column's left edge. */
  starts: number;
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
  const spaces = gaps.map((rowGaps, r) => rowGaps.filter((g) => g.x1 - g.x0 >= MIN_SPACE_EM * rows[r]!.size));
  const spacesOf = (r: number) => spaces[r]!;
  const strips: Strip[] = [];
  for (const rowGaps of gaps)
    for (const gap of rowGaps) if (gap.x1 - gap.x0 >= MIN_GUTTER_EM * rows[gap.row]!.size) strips.push(...traceStrips(rows, gap));
  const isCandidate = (s: Strip) => s.interior.length >= MIN_STRIP_ROWS && s.aligned >= MIN_STRIP_ROWS;
  // Gaps some candidate strip runs through: not plain word spaces.
  const inStrip = new Set<Gap>();
  for (const s of strips.filter(isCandidate)) for (const r of s.interior) inStrip.add(gapHolding(gaps[r]!, s)!);
  const splits = rows.map(() => new Set<number>());
  const accepted = new Set<Gap>();
  // Wider strips first: a gutter is surer than a river of word spaces, and leaves it no column.
  for (const s of strips.filter(isCandidate).sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))) {
    // Columns on both sides: a river of word spaces before same-width last words of justified lines
    // ("de", "du", "en") leaves a "column" one word wide.
    if (!hasColumnsBeside(s, rows, gaps, accepted)) continue;
    const long = s.starts >= MIN_STRIP_ROWS && !s.blocked.above && !s.blocked.below;
    const held = s.interior.map((r) => gapHolding(gaps[r]!, s)!);
    // A short strip must be an outlier among the plain word spaces of every row it runs through.
    const outlier = held.every((g) => spacesOf(g.row).every((o) => o === g || inStrip.has(o) || g.x1 - g.x0 >= OUTLIER_RATIO * (o.x1 - o.x0)));
    if (!long && !outlier) continue;
    for (const g of held) {
      splits[g.row]!.add(g.index);
      accepted.add(g);
    }
  }
  // Wide gaps: a strip through rows where it is wide and an outlier, rows that no gutter found
  // above divides there already (a list with right-aligned page numbers; a lone row of two columns).
  // An outlier among the word spaces of its own line: not those past a gutter found (another
  // column's, as wide as a justified column makes them).
  const divided = (g: Gap, o: Gap) => [...splits[g.row]!].some((k) => k >= Math.min(g.index, o.index) && k <= Math.max(g.index, o.index));
  const wideOutlier = (g: Gap) =>
    g.x1 - g.x0 >= WIDE_GAP_EM * rows[g.row]!.size &&
    !splits[g.row]!.has(g.index) &&
    spacesOf(g.row).every((o) => o === g || divided(g, o) || g.x1 - g.x0 >= OUTLIER_RATIO * (o.x1 - o.x0));
  for (const s of strips) {
    const held = s.interior.map((r) => gapHolding(gaps[r]!, s)!).filter(wideOutlier);
    // A row alone: nothing crosses the strip, no other row has ink on both sides of it and no gutter
    // divides the row. Or a row of a multi-column structure where the strip is the only white
    // shared by no gutter already found, and it starts a column on several rows (a date beside the
    // first line of its text, a box of one line left of a taller box) or parts text in other type
    // (a box of one line beside another box's label): unlike the wide space of a justified line of
    // two words in one of the columns.
    const row = s.origin.row;
    const unblocked = !s.blocked.above && !s.blocked.below;
    const alone = s.interior.length === 1 && splits[row]!.size === 0;
    const amongGutters = s.interior.every((r) => r === row || splits[r]!.has(gapHolding(gaps[r]!, s)!.index));
    const parts = s.starts >= MIN_STRIP_ROWS || changesType(rows[row]!, gapHolding(gaps[row]!, s)!.index);
    const lone = unblocked && (alone || (amongGutters && parts));
    if (held.length >= MIN_STRIP_ROWS || (lone && held.length === 1)) for (const g of held) splits[g.row]!.add(g.index);
  }
  return splits;
}

/**
 * Whether the strip has a column on each side: the widest run of ink between the strip and the next
 * gutter already found, over the rows whose ink meets the strip on that side (all its rows if none do).
 */
function hasColumnsBeside(s: Strip, rows: readonly Row[], gaps: readonly Gap[][], gutters: ReadonlySet<Gap>): boolean {
  const size = rows[s.origin.row]!.size;
  const tolerance = ALIGN_TOLERANCE_EM * size;
  const left: { width: number; meets: boolean }[] = [];
  const right: { width: number; meets: boolean }[] = [];
  for (const r of s.interior) {
    const row = rows[r]!;
    const before = gaps[r]!.filter((g) => g.x1 <= s.x0 + EPSILON && gutters.has(g)).pop();
    const after = gaps[r]!.find((g) => g.x0 >= s.x1 - EPSILON && gutters.has(g));
    const end = inkEndBefore(row, s.x0)!;
    const start = inkStartAfter(row, s.x1)!;
    left.push({ width: s.x0 - (before?.x1 ?? row.items[0]!.box[0]), meets: s.x0 - end <= tolerance });
    right.push({ width: (after?.x0 ?? Math.max(...row.items.map((i) => i.box[2]))) - s.x1, meets: start - s.x1 <= tolerance });
  }
  const widest = (runs: { width: number; meets: boolean }[]) => {
    const meeting = runs.filter((x) => x.meets);
    return Math.max(...(meeting.length > 0 ? meeting : runs).map((x) => x.width));
  };
  return widest(left) >= MIN_COLUMN_EM * size && widest(right) >= MIN_COLUMN_EM * size;
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

/** Most branches followed from one gap (a strip forks where a row leaves white on both sides of a word). */
const MAX_BRANCHES = 16;

interface Path {
  x0: number;
  x1: number;
  through: number[];
  blocked: boolean;
}

/**
 * Follows the gap's white strip up and down through linked rows, narrowing it to the white each
 * row leaves (forking where a row leaves several stretches), until a row crosses it (less than a
 * gutter's width left) or a vertical break; then, for each way up and down, counts the rows with
 * ink on both sides and the rows whose ink meets the strip's edges.
 */
function traceStrips(rows: readonly Row[], gap: Gap): Strip[] {
  const own = rows[gap.row]!;
  const up = followStrip(rows, gap.row, gap.x0, gap.x1, -1);
  const down = followStrip(rows, gap.row, gap.x0, gap.x1, 1);
  const minWidth = MIN_GUTTER_EM * own.size;
  const tolerance = ALIGN_TOLERANCE_EM * own.size;
  const strips: Strip[] = [];
  for (const a of up)
    for (const b of down) {
      const [x0, x1] = [Math.max(a.x0, b.x0), Math.min(a.x1, b.x1)];
      if (x1 - x0 < minWidth) continue;
      const interior: number[] = [];
      let alignedLeft = 0;
      let alignedRight = 0;
      for (const r of [gap.row, ...a.through, ...b.through]) {
        const left = inkEndBefore(rows[r]!, x0);
        const right = inkStartAfter(rows[r]!, x1);
        if (left !== null && right !== null) interior.push(r);
        if (left !== null && x0 - left <= tolerance) alignedLeft++;
        if (right !== null && right - x1 <= tolerance) alignedRight++;
      }
      strips.push({ x0, x1, interior, aligned: Math.max(alignedLeft, alignedRight), starts: alignedRight, blocked: { above: a.blocked, below: b.blocked }, origin: gap });
    }
  return strips;
}

/** The ways a strip [x0, x1] of row `from` goes on through the rows in direction `step`. */
function followStrip(rows: readonly Row[], from: number, x0: number, x1: number, step: number): Path[] {
  const own = rows[from]!;
  const minWidth = MIN_GUTTER_EM * own.size;
  const link = ROW_LINK_EM * own.size;
  const done: Path[] = [];
  let open: Path[] = [{ x0, x1, through: [], blocked: false }];
  const tolerance = ALIGN_TOLERANCE_EM * own.size;
  let previous = own;
  for (let r = from + step; r >= 0 && r < rows.length && open.length > 0; r += step) {
    const row = rows[r]!;
    const broken = (step > 0 ? row.top - previous.bottom : previous.top - row.bottom) > link;
    previous = row;
    const next: Path[] = [];
    for (const path of open) {
      const stretches = whiteStretches(row, path.x0, path.x1).filter(([a, b]) => b - a >= minWidth);
      if (broken) {
        // A vertical break ends the strip; a row past it that resumes a column at the strip's very
        // edge (entries of a list set apart by white) goes on with it as well, as a second way.
        done.push(path);
        for (const [a, b] of stretches)
          if (resumesEdge(row, a, b, path, tolerance)) next.push({ x0: a, x1: b, through: [...path.through, r], blocked: false });
        continue;
      }
      // A row in other type (a footer under a timeline) ends the strip like a vertical break.
      if (stretches.length === 0) done.push({ ...path, blocked: !isOtherType(row, own) });
      for (const [a, b] of stretches) next.push({ x0: a, x1: b, through: [...path.through, r], blocked: false });
    }
    open = next.length > MAX_BRANCHES ? next.sort((p, q) => q.x1 - q.x0 - (p.x1 - p.x0)).slice(0, MAX_BRANCHES) : next;
  }
  return [...done, ...open];
}

/** Whether the ink around the row's white [a, b] starts at the strip's right edge or ends at its left edge: the same column. */
function resumesEdge(row: Row, a: number, b: number, strip: { x0: number; x1: number }, tolerance: number): boolean {
  const left = inkEndBefore(row, a);
  const right = inkStartAfter(row, b);
  return (left !== null && Math.abs(left - strip.x0) <= tolerance) || (right !== null && Math.abs(right - strip.x1) <= tolerance);
}

/** Whether the runs on either side of a row's gap (before items[index]) differ in weight or slant (not size: a superscript). */
function changesType(row: Row, index: number): boolean {
  const [a, b] = [row.items[index - 1]!, row.items[index]!];
  return a.bold !== b.bold || a.italic !== b.italic;
}

/** Rows whose type sizes differ by more than this ratio belong to different texts (body and footer). */
export const OTHER_TYPE_RATIO = 0.85;

function isOtherType(row: Row, own: Row): boolean {
  return Math.min(row.size, own.size) < OTHER_TYPE_RATIO * Math.max(row.size, own.size);
}

/** The stretches of [x0, x1] a row leaves white between its items. */
function whiteStretches(row: Row, x0: number, x1: number): [number, number][] {
  const out: [number, number][] = [];
  let start = x0;
  for (const item of row.items) {
    if (item.box[0] >= x1) break;
    if (item.box[2] <= start) continue;
    if (item.box[0] > start) out.push([start, item.box[0]]);
    start = Math.max(start, item.box[2]);
  }
  if (x1 > start) out.push([start, x1]);
  return out;
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
