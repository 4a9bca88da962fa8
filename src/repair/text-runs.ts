import type { TextItem } from '../model/text.ts';

/** Items written one after the other on one baseline with no space between them: one stretch of text. */
export interface TextRun {
  text: string;
  /** Indexes, in the page's item list, of the run's items, in order. */
  items: number[];
  /** Where each of those items starts in text. */
  starts: number[];
}

/** Largest baseline shift between two items of one run, as a share of the type size. */
const MAX_BASELINE_SHIFT = 0.25;
/** Largest distance from one item's end to the next item's start in one run, as a share of the type size (less than a word space). */
const MAX_JOIN_GAP = 0.15;
/** Largest overlap of two items of one run, as a share of the type size (kerning pulls a glyph back a little). */
const MAX_JOIN_OVERLAP = 0.3;

/**
 * Joins the items of one page that the PDF writes in sequence and that touch on one baseline, so a
 * word printed in pieces ("quali" "fi" "cation", a ligature set as its own run) is seen whole.
 */
export function buildTextRuns(items: readonly TextItem[]): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const prev = index > 0 ? items[index - 1]! : null;
    if (!current || !prev || !touches(prev, item)) {
      current = { text: '', items: [], starts: [] };
      runs.push(current);
    }
    current.items.push(index);
    current.starts.push(current.text.length);
    current.text += item.text;
  }
  return runs;
}

function touches(a: TextItem, b: TextItem): boolean {
  const size = Math.max(a.fontSize, b.fontSize);
  const gap = b.box[0] - a.box[2];
  return Math.abs(b.box[3] - a.box[3]) <= MAX_BASELINE_SHIFT * size && gap <= MAX_JOIN_GAP * size && gap >= -MAX_JOIN_OVERLAP * size;
}

/** The item (index in the page's list) and the offset in it of the character at pos of the run. */
export function locateInRun(run: TextRun, pos: number): { item: number; offset: number } {
  let k = run.starts.length - 1;
  while (k > 0 && run.starts[k]! > pos) k--;
  return { item: run.items[k]!, offset: pos - run.starts[k]! };
}

/** Per UTF-16 code unit: 0 not yet known, 1 a letter, 2 not a letter (\p{L} asked once per character). */
const LETTER = new Uint8Array(65536);

function isLetter(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 0xaa) return false;
  if (LETTER[code] === 0) LETTER[code] = /\p{L}/u.test(String.fromCharCode(code)) ? 1 : 2;
  return LETTER[code] === 1;
}

/**
 * The words of a text: maximal sequences of letters (an e-mail address gives "alia", "alkhalfioui",
 * "isula", "corsica"); those shorter than minLetters are skipped.
 */
export function findWords(text: string, visit: (word: string, start: number) => void, minLetters = 1): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const letter = i < text.length && isLetter(text.charCodeAt(i));
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      if (i - start >= minLetters) visit(text.slice(start, i), start);
      start = -1;
    }
  }
}
