import { unionBoxes } from '../model/geometry.ts';
import type { Line, TextBlock } from '../model/layout.ts';

export interface CutThresholds {
  /** Smallest vertical whitespace that separates two blocks stacked on each other. */
  minRowGap: number;
  /** Smallest horizontal whitespace that separates two columns. */
  minColumnGap: number;
  /**
   * Smallest horizontal whitespace that separates two columns when some row has a line on each side
   * of it (the line builder found a gutter there: narrow timeline columns). Defaults to minColumnGap.
   */
  minGutter?: number;
}

interface Gap {
  axis: 'x' | 'y';
  at: number;
  size: number;
}

/**
 * Recursive XY-cut: splits the lines at the widest clean gutter (a band no line crosses),
 * top-to-bottom for rows and left-to-right for columns, so the leaves come out in reading order.
 */
export function cutIntoBlocks(lines: readonly Line[], t: CutThresholds): TextBlock[] {
  if (lines.length === 0) return [];
  const gap = widestGap(lines, t);
  if (!gap) return [toBlock(lines)];
  const before = lines.filter((l) => (gap.axis === 'y' ? l.box[3] : l.box[2]) <= gap.at);
  const after = lines.filter((l) => (gap.axis === 'y' ? l.box[3] : l.box[2]) > gap.at);
  return [...cutIntoBlocks(before, t), ...cutIntoBlocks(after, t)];
}

function widestGap(lines: readonly Line[], t: CutThresholds): Gap | null {
  const y = largestGap(lines.map((l) => [l.box[1], l.box[3]] as const));
  const x = largestGap(lines.map((l) => [l.box[0], l.box[2]] as const));
  const yScore = y && y.size >= t.minRowGap ? y.size / t.minRowGap : 0;
  const xScore = x && (x.size >= t.minColumnGap || (x.size >= (t.minGutter ?? t.minColumnGap) && isStraddled(lines, x.at))) ? x.size / t.minColumnGap : 0;
  if (yScore === 0 && xScore === 0) return null;
  return yScore >= xScore ? { axis: 'y', ...y! } : { axis: 'x', ...x! };
}

/** Some row has a line ending left of x and another starting right of it. */
function isStraddled(lines: readonly Line[], x: number): boolean {
  const left = lines.filter((l) => l.box[2] <= x);
  return lines.some((b) => b.box[0] >= x && left.some((a) => Math.abs(a.box[1] - b.box[1]) < ROW_TOLERANCE_EM * Math.min(a.fontSize, b.fontSize)));
}

/** Two lines whose tops are this close (× the smaller type size) are on one row. */
export const ROW_TOLERANCE_EM = 0.5;

/** The widest empty band between intervals, as its middle and width. */
function largestGap(spans: readonly (readonly [number, number])[]): { at: number; size: number } | null {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let reach = sorted[0]?.[1] ?? 0;
  let best: { at: number; size: number } | null = null;
  for (const [start, end] of sorted.slice(1)) {
    if (start > reach) {
      const size = start - reach;
      if (!best || size > best.size) best = { at: reach + size / 2, size };
    }
    reach = Math.max(reach, end);
  }
  return best;
}

function toBlock(lines: readonly Line[]): TextBlock {
  const sorted = [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  return { page: sorted[0]!.page, box: unionBoxes(sorted.map((l) => l.box)), lines: sorted };
}
