import type { Line } from '../model/layout.ts';

/** The lines set in a page's largest type (a card's title, a cover's title), top to bottom. */
export function findLargestTypeLines(lines: readonly Line[]): Line[] {
  if (lines.length === 0) return [];
  const max = Math.max(...lines.map((l) => l.fontSize));
  return lines.filter((l) => l.fontSize >= max - 0.5).sort((a, b) => a.box[1] - b.box[1]);
}
