import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/layout/build-lines.ts';
import { item } from '../support/text-items.ts';

describe('buildLines', () => {
  it('orders runs by position, not by content-stream order', () => {
    const lines = buildLines([item('second line', 40, 30, 60), item('first', 40, 10, 25), item('line', 70, 10, 20)]);
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second line']);
  });

  it('keeps the printed spaces of thousands separators from blank items', () => {
    const lines = buildLines([item('1', 40, 10, 6), item('\u202F', 46, 10, 1.5), item('800', 47.8, 10, 18), item('\u202F', 65.8, 10, 1.5), item('000 euros', 67.6, 10, 45)]);
    expect(lines[0]!.text.replace(/\s/g, ' ')).toBe('1 800 000 euros');
  });

  it('splits a row at a gutter into two column lines', () => {
    const lines = buildLines([item('Le projet a pour objet', 40, 10, 300), item('Tout le territoire', 400, 10, 120)]);
    expect(lines.map((l) => l.text)).toEqual(['Le projet a pour objet', 'Tout le territoire']);
  });

  it('splits narrow timeline columns on a left edge shared by several rows', () => {
    const rows = [
      [item('Juin à décembre', 40, 10, 80), item('Décembre à', 146, 10, 60)],
      [item('Travaux d\u2019état des', 40, 25, 90), item('Lancement de l\u2019appel', 146, 25, 85)],
      [item('lieux, de diagnostic et', 40, 40, 100), item('à projets', 146, 40, 40)],
    ];
    const lines = buildLines(rows.flat());
    expect(lines.map((l) => l.text)).toEqual(['Juin à décembre', 'Décembre à', 'Travaux d\u2019état des', 'Lancement de l\u2019appel', 'lieux, de diagnostic et', 'à projets']);
  });

  it('keeps the runs of one weight of a line that mixes weights, their texts making the line', () => {
    const [mixed, plain] = buildLines([
      item('Novembre 2021', 72, 10, 63.6, { bold: true }),
      item('Début de la formation', 150, 10, 83.6),
      item('Lancement du parcours', 72, 30, 100),
    ]);
    expect(mixed!.runs).toEqual([
      { text: 'Novembre 2021', x0: 72, x1: 135.6, bold: true },
      { text: ' Début de la formation', x0: 150, x1: 233.6, bold: false },
    ]);
    expect(mixed!.runs!.map((r) => r.text).join('')).toBe(mixed!.text);
    expect(plain!.runs).toBeUndefined();
  });

  it('puts a raised superscript inline after the character it follows', () => {
    const lines = buildLines([item('1 phase', 358, 100, 35, { fontSize: 9.1 }), item('ère', 363, 98, 10, { fontSize: 7.6 })]);
    expect(lines.map((l) => l.text)).toEqual(['1ère phase']);
  });

  it('does not take the small first word of a line above for a superscript', () => {
    const lines = buildLines([item('3', 401, 227, 5, { fontSize: 9.1 }), item('000 et', 408, 227, 30, { fontSize: 9.1 }), item('3 500', 401, 237, 35, { fontSize: 13.2, bold: true })]);
    expect(lines.map((l) => l.text)).toEqual(['3 000 et', '3 500']);
  });

  it('does not take the last letter of letter-spaced capitals for a superscript of the big line below', () => {
    const lines = buildLines([
      item('A', 40, 330, 10, { fontSize: 18, bold: true }),
      item('X', 58, 330, 10, { fontSize: 18, bold: true }),
      item('E', 76, 330, 10, { fontSize: 18, bold: true }),
      item('1', 94, 330, 10, { fontSize: 18, bold: true }),
      item('PROPOSER', 40, 344, 300, { fontSize: 56, bold: true }),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['A X E 1', 'PROPOSER']);
  });

  it('tells weight and style by characters', () => {
    const [l] = buildLines([item('Budget', 40, 10, 30, { bold: true })]);
    expect(l).toMatchObject({ bold: true, allBold: true, italic: false, fontSize: 10 });
  });
});
