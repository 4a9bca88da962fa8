// Each rule of find-gutters.ts at its margin: just under and just over (type size 10, rows 14 pt apart).
import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/layout/build-lines.ts';
import { ALIGN_TOLERANCE_EM, MIN_COLUMN_EM, MIN_GUTTER_EM, MIN_STRIP_ROWS, OTHER_TYPE_RATIO, OUTLIER_RATIO, ROW_LINK_EM, WIDE_GAP_EM } from '../../src/layout/find-gutters.ts';
import type { TextItem } from '../../src/model/text.ts';
import { item } from '../support/text-items.ts';

const SIZE = 10;
const HEIGHT = 1.2 * SIZE; // item boxes in tests are 1.2 × size high
const texts = (items: TextItem[]) => buildLines(items).map((l) => l.text);

/** Two justified rows of three words each (spaces of 6 pt, placed differently on each row), ending at x = 72. */
function justifiedRows(top: number, x: number): TextItem[] {
  return [
    item('aa', x, top, 18),
    item('bb', x + 24, top, 22),
    item('cc', x + 52, top, 20),
    item('dd', x, top + 14, 28),
    item('ee', x + 34, top + 14, 10),
    item('ff', x + 50, top + 14, 22),
  ];
}

/** Two columns of two justified rows side by side, `gutter` apart. */
const twoColumns = (gutter: number, top = 0) => [...justifiedRows(top, 0), ...justifiedRows(top, 72 + gutter)];

describe('a gutter', () => {
  it(`is at least ${MIN_GUTTER_EM} em wide`, () => {
    const rows = (g: number) => [0, 14, 28].flatMap((y) => [item('left column text', 0, y, 100), item('right', 100 + g, y, 80)]);
    expect(texts(rows(MIN_GUTTER_EM * SIZE - 0.1))).toHaveLength(3);
    expect(texts(rows(MIN_GUTTER_EM * SIZE + 0.1))).toHaveLength(6);
  });

  it(`is ${OUTLIER_RATIO} × wider than its rows' word spaces when a row above crosses its strip`, () => {
    const heading = item('a heading across both columns', 0, -14, 200);
    expect(texts([heading, ...twoColumns(OUTLIER_RATIO * 6 - 0.2)])).toEqual(['a heading across both columns', 'aa bb cc aa bb cc', 'dd ee ff dd ee ff']);
    expect(texts([heading, ...twoColumns(OUTLIER_RATIO * 6 + 0.2)])).toEqual(['a heading across both columns', 'aa bb cc', 'aa bb cc', 'dd ee ff', 'dd ee ff']);
  });

  it(`needs no outlier where no row within ${ROW_LINK_EM} em of white crosses its strip (narrow justified columns)`, () => {
    const gutter = OUTLIER_RATIO * 6 - 0.2; // as wide as a word space, no outlier
    const heading = (white: number) => item('a heading across both columns', 0, -white - HEIGHT, 200);
    expect(texts([heading(ROW_LINK_EM * SIZE - 0.1), ...twoColumns(gutter)])).toHaveLength(3);
    expect(texts([heading(ROW_LINK_EM * SIZE + 0.1), ...twoColumns(gutter)])).toHaveLength(5);
    expect(texts(twoColumns(gutter))).toHaveLength(4);
  });

  it(`is not ended by a crossing row in other type (under ${OTHER_TYPE_RATIO} × the size: a footer under a timeline)`, () => {
    const gutter = OUTLIER_RATIO * 6 - 0.2;
    const footer = (size: number) => item('L’innovation en actions 15', 0, 14 + HEIGHT + 3, 200, { fontSize: size });
    expect(texts([...twoColumns(gutter), footer(OTHER_TYPE_RATIO * SIZE - 0.1)])).toHaveLength(5);
    expect(texts([...twoColumns(gutter), footer(OTHER_TYPE_RATIO * SIZE + 0.1)])).toHaveLength(3);
  });

  it(`is where a column starts: run edges on two rows within ${ALIGN_TOLERANCE_EM} em`, () => {
    // Ragged left column, a 1 em gap: only the shared left edge of the right column tells.
    const rows = (shift: number) => [item('ragged left', 0, 0, 70), item('right', 80, 0, 60), item('left', 0, 14, 64), item('right', 80 + shift, 14, 60)];
    expect(texts(rows(ALIGN_TOLERANCE_EM * SIZE - 0.1))).toHaveLength(4);
    expect(texts(rows(ALIGN_TOLERANCE_EM * SIZE + 0.1))).toHaveLength(2);
  });

  it('is not a river whose left edge lines up by chance while its right side starts no column', () => {
    // Word spaces of 8 pt on both rows; the gap after x = 72 is no wider and the next words start 1 pt apart.
    const rows = [
      [item('aa', 0, 0, 30), item('bb', 38, 0, 34), item('cc', 80, 0, 40), item('dd', 128, 0, 40)],
      [item('ee', 0, 14, 40), item('ff', 48, 14, 24), item('gg', 81, 14, 34), item('hh', 123, 14, 45)],
    ];
    expect(texts(rows.flat())).toEqual(['aa bb cc dd', 'ee ff gg hh']);
  });

  it(`leaves columns at least ${MIN_COLUMN_EM} em wide on both sides (not a river before the last words of justified lines)`, () => {
    const rows = (width: number) => [0, 14].flatMap((y) => [item('justified text', 0, y, 100), item('de', 106, y, width)]);
    expect(texts(rows(MIN_COLUMN_EM * SIZE - 0.5))).toHaveLength(2);
    expect(texts(rows(MIN_COLUMN_EM * SIZE + 0.5))).toHaveLength(4);
  });

  it(`on a row alone, is a gap of ${WIDE_GAP_EM} em`, () => {
    const row = (g: number) => [item('Budget', 0, 0, 100), item('12 000 euros', 100 + g, 0, 60)];
    expect(texts(row(WIDE_GAP_EM * SIZE - 0.5))).toHaveLength(1);
    expect(texts(row(WIDE_GAP_EM * SIZE + 0.5))).toHaveLength(2);
  });

  it('is not a wide word space of a justified line of two words inside a paragraph', () => {
    const items = [item('une ligne pleine de la colonne', 0, 0, 200), item('deux', 0, 14, 30), item('mots', 170, 14, 30), item('une autre ligne pleine', 0, 28, 200)];
    expect(texts(items)).toEqual(['une ligne pleine de la colonne', 'deux mots', 'une autre ligne pleine']);
  });

  it(`beside a box of one line in a band of boxes, is a gap of ${WIDE_GAP_EM} em whose right edge starts a column on ${MIN_STRIP_ROWS} rows`, () => {
    // Three boxes side by side; the first holds one line, the second's rows start `gap` after it
    // (shifted by `shift` under its label), the third's at x = 260 (a gutter found on three rows).
    const band = (gap: number, shift = 0) => {
      const x = 80 + gap;
      return [
        item('Tout le territoire', 0, 0, 80),
        item('Bénéficiaires', x, 0, 100),
        item('Budget', 260, 0, 40),
        item('90', x + shift, 14, 20),
        item('360 000 euros', 260, 14, 80),
        item('demandeurs formés', x + shift, 28, 110),
        item('par an', 260, 28, 40),
      ];
    };
    const row = (items: TextItem[]) => texts(items).slice(0, 3);
    expect(row(band(WIDE_GAP_EM * SIZE - 0.5))).toEqual(['Tout le territoire Bénéficiaires', 'Budget', '90']);
    expect(row(band(WIDE_GAP_EM * SIZE + 0.5))).toEqual(['Tout le territoire', 'Bénéficiaires', 'Budget']);
    expect(row(band(30, ALIGN_TOLERANCE_EM * SIZE - 0.1))).toEqual(['Tout le territoire', 'Bénéficiaires', 'Budget']);
    expect(row(band(30, ALIGN_TOLERANCE_EM * SIZE + 0.1))).toEqual(['Tout le territoire Bénéficiaires', 'Budget', '90']);
  });

  it('beside a box of one line in the middle of a band, is a wide gap that parts text in other weight (a label)', () => {
    // The first and last boxes are three rows tall (a gutter found at x = 260); the middle box holds one line.
    const band = (bold: boolean) => [
      item('Bénéficiaires', 0, 0, 100, { bold: true }),
      item('Tout le territoire', 130, 0, 80, { bold }),
      item('Budget', 260, 0, 40, { bold: true }),
      item('90', 0, 14, 20),
      item('360 000 euros', 260, 14, 80),
      item('demandeurs formés', 0, 28, 110),
      item('par an', 260, 28, 40),
    ];
    expect(texts(band(true)).slice(0, 2)).toEqual(['Bénéficiaires Tout le territoire', 'Budget']);
    expect(texts(band(false)).slice(0, 3)).toEqual(['Bénéficiaires', 'Tout le territoire', 'Budget']);
  });

  it('is not the wide space of a justified line of two words in one column of a timeline', () => {
    // Three columns of steps; the justified line "deux mots" under the date of the middle step
    // sits on a row of its own (a superscript lowers its centre), the rows around it have ink on
    // both sides of its wide space, beyond the gutters between the steps; nothing crosses it.
    const items = [
      item('étape une', 0, 0, 90),
      item('2021', 120, 0, 22),
      item('étape trois', 230, 0, 90),
      item('suite', 0, 14, 60),
      item('fin', 230, 14, 20),
      item('deux', 120, 16, 25),
      item('mots', 185, 16, 25),
      item('la fin', 120, 30, 50),
      item('fin', 0, 30, 20),
      item('et la fin', 230, 30, 60),
    ];
    expect(texts(items)).toContain('deux mots');
  });

  it(`runs on past a vertical break through a row that resumes its column within ${ALIGN_TOLERANCE_EM} em (a dated list in two columns)`, () => {
    // Two columns 6 pt apart (no wide gap), each entry a date beside two lines of ragged text; the
    // entries are set apart by more white than ROW_LINK_EM. The second entry of the right column
    // starts `shift` right of the first.
    const next = 14 + HEIGHT + ROW_LINK_EM * SIZE + 1;
    const entry = (top: number, x: number, date: string, ends: [number, number]) => [
      item(date, x, top, 45),
      item(`${date} texte`, x + 70, top, ends[0]),
      item('suite', x + 70, top + 14, ends[1]),
    ];
    const list = (shift: number) => [
      ...entry(0, 0, 'Janvier', [80, 60]),
      ...entry(next, 0, 'Mars', [77, 30]),
      ...entry(0, 156, 'Mai', [80, 54]),
      ...entry(next, 156 + shift, '2022', [70, 40]),
    ];
    const tops = (lines: string[]) => lines.filter((t) => !t.startsWith('suite'));
    expect(tops(texts(list(ALIGN_TOLERANCE_EM * SIZE - 0.1)))).toEqual(['Janvier', 'Janvier texte', 'Mai', 'Mai texte', 'Mars', 'Mars texte', '2022', '2022 texte']);
    expect(tops(texts(list(ALIGN_TOLERANCE_EM * SIZE + 0.1)))).toEqual(['Janvier', 'Janvier texte Mai', 'Mai texte', 'Mars', 'Mars texte 2022', '2022 texte']);
  });

  it(`of ${WIDE_GAP_EM} em is an outlier among the word spaces of its own line, not those of a column past a gutter found`, () => {
    // Two columns of dated steps, one step each; the right step's justified first line has spaces
    // of 1.4 em, the gap before its date (1.8 em) is under OUTLIER_RATIO × that.
    const wide = [item('aa', 240, 0, 20), item('bb', 274, 0, 20), item('cc', 308, 0, 22)];
    const left = (ownSpaces: boolean) =>
      ownSpaces ? [item('dd', 70, 0, 24), item('ee', 108, 0, 14), item('ff', 136, 0, 14)] : [item('dd ee ff', 70, 0, 80)];
    const list = (ownSpaces: boolean) => [
      item('Mars', 0, 0, 45, { bold: true }),
      ...left(ownSpaces),
      item('Mai 2021', 168, 0, 40, { bold: true }),
      ...(ownSpaces ? [item('gg', 240, 0, 90)] : wide),
      item('suite', 70, 14, 78),
      item('suite', 240, 14, 60),
    ];
    expect(texts(list(false)).slice(0, 4)).toEqual(['Mars', 'dd ee ff', 'Mai 2021', 'aa bb cc']);
    expect(texts(list(true)).slice(0, 3)).toEqual(['Mars', 'dd ee ff Mai 2021', 'gg']);
  });

  it('runs through a list whose page numbers are right-aligned (edges need not line up)', () => {
    const items = [0, 14, 28].flatMap((y, k) => [item(`Entrée ${k}`, 0, y, 120 + 30 * k), item(`p${10 * (k + 1) ** 2}`, 300 - 8 * (k + 1), y, 8 * (k + 1))]);
    expect(texts(items)).toHaveLength(6);
  });
});
