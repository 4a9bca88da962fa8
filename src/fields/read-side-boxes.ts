import { unionBoxes } from '../model/geometry.ts';
import type { Lexicon, TextBlock } from '../model/layout.ts';
import { foldWords } from '../model/regions.ts';
import { joinLines } from '../layout/index.ts';
import type { KeyFigure } from '../validate/schema.ts';
import type { FieldSource } from './types.ts';

const DANGLING = /(?:^|\s)(?:de|d'|d’|des|du|la|le|les|en|à|au|aux|et|pour|par)$/i;

export interface SideBox {
  figure: KeyFigure;
  source: FieldSource;
}

/**
 * Reads the boxes of key figures: a leading bold label in text size (the figure after it may be
 * bold but larger), then the text. An unlabelled box that speaks of money is the budget; the first
 * other unlabelled box is the territory (its label is an icon), wherever it stands among the boxes.
 */
export function readSideBoxes(blocks: readonly TextBlock[], lexicon: Lexicon): SideBox[] {
  const boxes: SideBox[] = [];
  for (const block of blocks) {
    const smallest = Math.min(...block.lines.map((l) => l.fontSize));
    let n = 0;
    while (n < block.lines.length && block.lines[n]!.allBold && block.lines[n]!.fontSize < smallest * 1.2) n++;
    if (n === block.lines.length) n = block.lines.length > 1 ? 1 : 0;
    // A label cut after a preposition goes on, even when its next line is not set in bold.
    while (n > 0 && n < block.lines.length && DANGLING.test(block.lines[n - 1]!.text.trim())) n++;
    const label = n > 0 ? joinLines(block.lines.slice(0, n).map((l) => l.text), lexicon) : null;
    const text = joinLines(block.lines.slice(n).map((l) => l.text), lexicon);
    const folded = foldWords(label ?? '');
    const kind: KeyFigure['kind'] =
      label === null
        ? isMoneyText(text) && !boxes.some((b) => b.figure.kind === 'budget')
          ? 'budget'
          : !boxes.some((b) => b.figure.kind === 'territory' || b.figure.label === null)
            ? 'territory'
            : 'other'
        : /\bbudget\b|\bcout\b|\bfinancement\b/.test(folded)
          ? 'budget'
          : /beneficiaire/.test(folded)
            ? 'beneficiaries'
            : /territoire|\blieu\b|\bzone\b|perimetre/.test(folded)
              ? 'territory'
              : 'other';
    boxes.push({ figure: { kind, label, text }, source: { page: block.page, box: unionBoxes(block.lines.map((l) => l.box)) } });
  }
  return boxes;
}

/** An unlabelled box that speaks of money ("14 740 000 euros par an", "Pas de budget spécifique") is the budget. */
function isMoneyText(text: string): boolean {
  const folded = foldWords(text);
  return /\d\s*(?:euros?|eur|k€|m€|€)|\bbudget\b|millions? d euros/.test(folded) || /€/.test(text);
}
