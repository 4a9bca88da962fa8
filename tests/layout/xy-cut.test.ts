import { describe, expect, it } from 'vitest';
import { cutIntoBlocks } from '../../src/layout/xy-cut.ts';
import { line } from '../support/text-items.ts';

const thresholds = { minRowGap: 9, minColumnGap: 10 };

describe('cutIntoBlocks', () => {
  it('reads a body column before the side column, and a full-width section after both', () => {
    const lines = [
      line('PRÉSENTATION DU PROJET', 40, 86, { width: 160 }),
      line('Le fonds régional permet de', 40, 98, { width: 300 }),
      line('financer des parcours.', 40, 111, { width: 200 }),
      line('Tout le territoire', 400, 98, { width: 120 }),
      line('Budget', 400, 150, { width: 40, bold: true }),
      line('1 800 000 euros', 400, 163, { width: 90 }),
      line('MÉTHODE ET CALENDRIER DE DÉPLOIEMENT', 40, 700, { width: 260 }),
    ];
    const blocks = cutIntoBlocks(lines, thresholds);
    expect(blocks.map((b) => b.lines.map((l) => l.text))).toEqual([
      ['PRÉSENTATION DU PROJET', 'Le fonds régional permet de', 'financer des parcours.'],
      ['Tout le territoire'],
      ['Budget', '1 800 000 euros'],
      ['MÉTHODE ET CALENDRIER DE DÉPLOIEMENT'],
    ]);
  });

  it('keeps a paragraph whose lines touch in one block', () => {
    const blocks = cutIntoBlocks([line('a', 40, 10, { width: 200 }), line('b', 40, 22, { width: 180 })], thresholds);
    expect(blocks).toHaveLength(1);
  });

  it('cuts a gutter narrower than minColumnGap only where a row has a line on each side of it', () => {
    const narrow = { ...thresholds, minGutter: 5 };
    const columns = [line('2019', 40, 10, { width: 30 }), line('2020', 106, 10, { width: 30 }), line('Lancement du', 40, 22, { width: 60 }), line('Bilan', 106, 22, { width: 40 })];
    expect(cutIntoBlocks(columns, narrow).map((b) => b.lines.map((l) => l.text))).toEqual([['2019', 'Lancement du'], ['2020', 'Bilan']]);
    // The same white between lines of different rows (an indented line) is no column gutter.
    const staggered = [line('Un paragraphe', 40, 10, { width: 60 }), line('décalé', 106, 22, { width: 40 })];
    expect(cutIntoBlocks(staggered, narrow)).toHaveLength(1);
  });
});
