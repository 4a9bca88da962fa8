import type { Box } from '../model/geometry.ts';
import type { LogicalPage, TextBlock } from '../model/layout.ts';

/** A label line is in text size: at most this much larger (×) than the box's smallest type. */
const LABEL_SIZE_RATIO = 1.2;
/** A key figure is set at least this much larger (×) than the box's smallest type. */
const FIGURE_SIZE_RATIO = 1.2;
/** A label is short: at most this many words. */
const LABEL_MAX_WORDS = 8;
/** A box is narrow: at most this share of the page's text width (a running column is wider). */
const BOX_MAX_WIDTH_SHARE = 0.5;
/** Two blocks share rows when their heights overlap by a body leading, or by this share of the shorter one (a one-line box). */
const SHARED_ROWS_SHARE = 0.5;
/** Two blocks stand in one column when their widths overlap by at least this share of the narrower. */
const SAME_COLUMN_SHARE = 0.5;
/** Boxes stacked in a column stand apart by at least this gap (× the body leading); paragraphs do not. */
const BOX_GAP = 2;

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);
const width = (b: Box) => b[2] - b[0];
const height = (b: Box) => b[3] - b[1];
const sharesRows = (a: Box, b: Box, leading: number) => overlap(a[1], a[3], b[1], b[3]) >= Math.min(leading, SHARED_ROWS_SHARE * Math.min(height(a), height(b)));
const apart = (a: Box, b: Box) => overlap(a[0], a[2], b[0], b[2]) <= 0;
const sameColumn = (a: Box, b: Box) => overlap(a[0], a[2], b[0], b[2]) >= SAME_COLUMN_SHARE * Math.min(width(a), width(b));

/**
 * A box's own evidence: a leading label (a short line wholly in bold, in text size, with text
 * after it) or a key figure (a line in bold with a digit, set larger than the rest of the box).
 */
export function showsFigureBox(block: TextBlock): boolean {
  const smallest = Math.min(...block.lines.map((l) => l.fontSize));
  const first = block.lines[0]!;
  const words = first.text.trim().split(/\s+/).length;
  const label = block.lines.length > 1 && first.allBold && first.fontSize < LABEL_SIZE_RATIO * smallest && words <= LABEL_MAX_WORDS && !/[.;,]$/.test(first.text.trim());
  const figure = block.lines.some((l) => l.allBold && /\d/.test(l.text) && l.fontSize >= FIGURE_SIZE_RATIO * smallest);
  return label || figure;
}

/**
 * The blocks of a page that are boxes of key figures, wherever they stand. A box is narrow, stands
 * beside another block (a side column left or right of the running text, or the next box of a band
 * across the page), and it or a box of its column or its row shows a label or a key figure, or its
 * column stacks boxes apart from each other by wide gaps (boxes drawn with only an icon and a rule);
 * the unlabelled box of a column (the territory under its icon) goes with its labelled neighbours.
 * `candidates` are the blocks no section heading owns (the caller leaves out headings and timelines).
 */
export function findFigureBoxes(page: LogicalPage, candidates: readonly TextBlock[], leading: number): Set<TextBlock> {
  const lines = page.lines;
  if (lines.length === 0) return new Set();
  const textWidth = Math.max(...lines.map((l) => l.box[2])) - Math.min(...lines.map((l) => l.box[0]));
  const narrow = candidates.filter((b) => width(b.box) <= BOX_MAX_WIDTH_SHARE * textWidth);
  const seeds = narrow.filter((b) => page.blocks.some((o) => o !== b && apart(o.box, b.box) && sharesRows(o.box, b.box, leading)));
  // A column of boxes may run on below the text it stands beside.
  const beside = narrow.filter((b) => seeds.some((s) => s === b || sameColumn(s.box, b.box)));
  const found = new Set<TextBlock>();
  for (const block of beside) {
    const column = beside.filter((o) => sameColumn(o.box, block.box)).sort((a, b) => a.box[1] - b.box[1]);
    const row = beside.filter((o) => sharesRows(o.box, block.box, leading));
    const spaced = column.some((b, i) => i > 0 && b.box[1] - column[i - 1]!.box[3] >= BOX_GAP * leading);
    if (spaced || [...column, ...row].some(showsFigureBox)) found.add(block);
  }
  return found;
}
