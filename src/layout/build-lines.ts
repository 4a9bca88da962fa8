import { unionBoxes } from '../model/geometry.ts';
import type { Line, WeightRun } from '../model/layout.ts';
import type { TextItem } from '../model/text.ts';
import { attachSuperscripts } from './attach-superscripts.ts';
import { findGutterSplits, type Row } from './find-gutters.ts';

const isBlank = (s: string) => /^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]*$/.test(s);
const center = (i: TextItem) => (i.box[1] + i.box[3]) / 2;

/** Rows: items whose vertical centres are this close (× the larger size) share a baseline band. */
export const ROW_CENTER_TOLERANCE_EM = 0.4;
/** Rows: and whose boxes overlap vertically by at least this much (× the smaller size). */
export const ROW_OVERLAP_EM = 0.3;
/** A gap this wide (× the smaller size) with no blank item in it is a printed space. */
export const SPACE_GAP_EM = 0.18;

/**
 * Groups a page's items into lines: items that share a baseline band, split where a row crosses a
 * column gutter (see find-gutters.ts). Blank items only tell where a space is printed.
 */
export function buildLines(items: readonly TextItem[]): Line[] {
  const inked = items.filter((i) => !isBlank(i.text) && i.box[2] >= i.box[0]);
  const blanks = items.filter((i) => isBlank(i.text));
  const rows: Row[] = groupRows(attachSuperscripts(inked))
    .map((row) => ({
      items: row.sort((a, b) => a.box[0] - b.box[0]),
      top: Math.min(...row.map((i) => i.box[1])),
      bottom: Math.max(...row.map((i) => i.box[3])),
      size: dominantSize(row),
    }))
    .sort((a, b) => a.top - b.top);
  const splits = findGutterSplits(rows);
  const lines: Line[] = [];
  rows.forEach((row, r) => {
    let current: TextItem[] = [];
    row.items.forEach((item, index) => {
      if (current.length > 0 && splits[r]!.has(index)) {
        lines.push(makeLine(current, blanks));
        current = [];
      }
      current.push(item);
    });
    if (current.length > 0) lines.push(makeLine(current, blanks));
  });
  return lines.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/** The size most of a row's characters are set in (a big key figure beside body text does not make it a big row). */
function dominantSize(items: readonly TextItem[]): number {
  const weights = new Map<number, number>();
  for (const i of items) weights.set(i.fontSize, (weights.get(i.fontSize) ?? 0) + i.text.length);
  return [...weights.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** Rows by vertical centre; a smaller raised item (a superscript) joins the row it sits on. */
function groupRows(items: readonly TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => center(a) - center(b));
  const rows: { items: TextItem[]; center: number; size: number }[] = [];
  for (const item of sorted) {
    const c = center(item);
    const row = rows.find(
      (r) => Math.abs(r.center - c) <= ROW_CENTER_TOLERANCE_EM * Math.max(r.size, item.fontSize) && overlapsVertically(r.items, item),
    );
    if (row) {
      row.items.push(item);
      if (item.fontSize > row.size) {
        row.size = item.fontSize;
        row.center = c;
      }
    } else {
      rows.push({ items: [item], center: c, size: item.fontSize });
    }
  }
  return rows.map((r) => r.items);
}

function overlapsVertically(row: readonly TextItem[], item: TextItem): boolean {
  return row.some((r) => Math.min(r.box[3], item.box[3]) - Math.max(r.box[1], item.box[1]) > ROW_OVERLAP_EM * Math.min(r.fontSize, item.fontSize));
}

function makeLine(items: readonly TextItem[], blanks: readonly TextItem[]): Line {
  const box = unionBoxes(items.map((i) => i.box));
  let text = '';
  let prev: TextItem | undefined;
  const runs: WeightRun[] = [];
  for (const item of items) {
    const piece = (prev ? spaceBetween(prev, item, blanks) : '') + item.text;
    text += piece;
    const run = runs.at(-1);
    if (run && run.bold === item.bold) {
      run.text += piece;
      run.x1 = Math.max(run.x1, item.box[2]);
    } else runs.push({ text: piece, x0: item.box[0], x1: item.box[2], bold: item.bold });
    prev = item;
  }
  const weights = new Map<number, number>();
  let chars = 0;
  let boldChars = 0;
  let italicChars = 0;
  for (const i of items) {
    const n = i.text.length;
    chars += n;
    if (i.bold) boldChars += n;
    if (i.italic) italicChars += n;
    const size = Math.round(i.fontSize * 10) / 10;
    weights.set(size, (weights.get(size) ?? 0) + n);
  }
  const fontSize = [...weights.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  return {
    page: items[0]!.page,
    box,
    text,
    fontSize,
    bold: boldChars * 2 > chars,
    italic: italicChars * 2 > chars,
    allBold: boldChars === chars,
    ...(runs.length > 1 ? { runs } : {}),
  };
}

/** The printed space between two runs: a blank item lying in the gap, or a gap wide enough to be one. */
function spaceBetween(a: TextItem, b: TextItem, blanks: readonly TextItem[]): string {
  if (/\s$/.test(a.text) || /^\s/.test(b.text)) return '';
  const gap = b.box[0] - a.box[2];
  const blank = blanks.find(
    (s) => s.box[0] >= a.box[2] - 1 && s.box[0] <= b.box[0] + 1 && Math.abs(center(s) - center(a)) < a.fontSize,
  );
  if (blank) return blank.text.replace(/[\s]/g, ' ').slice(0, 1) || ' ';
  return gap > SPACE_GAP_EM * Math.min(a.fontSize, b.fontSize) ? ' ' : '';
}
