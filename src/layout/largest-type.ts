import type { Line } from '../model/layout.ts';

/** Lines within this many points of the largest size are set in it (sizes are rounded differently by producers). */
export const LARGEST_TYPE_SLACK_PT = 0.5;

/** The lines set in a page's largest type (a card's title, a cover's title), top to bottom. */
export function findLargestTypeLines(lines: readonly Line[]): Line[] {
  if (lines.length === 0) return [];
  const max = Math.max(...lines.map((l) => l.fontSize));
  return lines.filter((l) => l.fontSize >= max - LARGEST_TYPE_SLACK_PT).sort((a, b) => a.box[1] - b.box[1]);
}
