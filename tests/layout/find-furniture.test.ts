// Running headers and footers by repetition, each rule just under and just over its margin (body size 10).
import { describe, expect, it } from 'vitest';
import { FEW_PAGES, findFurniture, MIN_REPEAT_SHARE, SLOT_TOLERANCE_EM, SMALL_TYPE_RATIO, type PageLines } from '../../src/layout/find-furniture.ts';
import type { Line } from '../../src/model/layout.ts';
import { line } from '../support/text-items.ts';

const BODY = 10;
const REGION: PageLines['region'] = [0, 0, 600, 800];

/** A page of body text from y = 100 to 700, plus `extra` lines. */
function page(k: number, extra: Line[]): PageLines {
  const word = (n: number) => String.fromCharCode(97 + (n % 26), 97 + ((n * 7 + k) % 26), 97 + ((n * 3 + 5 * k) % 26));
  const body = Array.from({ length: 40 }, (_, i) => line(`ligne ${word(i)} du texte de la page ${word(k + 40)}`, 40, 100 + 15 * i, { size: BODY, width: 300 }));
  return { region: REGION, lines: [...body, ...extra] };
}

const footer = (k: number, top = 760, size = 7.5) => line(`L’innovation en actions ${k + 10}`, 40, top, { size, width: 200 });
const texts = (lines: Line[]) => lines.map((l) => l.text);

describe('findFurniture', () => {
  it('finds a footer that recurs on every page, however close under the content (3 pt)', () => {
    const pages = Array.from({ length: 6 }, (_, k) => {
      const last = line(`Dernière ligne de la frise ${k}`, 40, 740, { size: 9.1, width: 300 });
      return page(k, [last, footer(k, 740 + 9.1 * 1.3 + 3)]);
    });
    const found = findFurniture(pages, BODY);
    expect(found.map((f) => texts(f.footer))).toEqual(pages.map((_, k) => [`L’innovation en actions ${k + 10}`]));
    expect(found.every((f) => f.header.length === 0)).toBe(true);
  });

  it('finds headers whose text changes from page to page when set in small type', () => {
    const title = (k: number, size: number) => line(`Titre de la fiche ${["alpha", "bêta", "gamma", "delta", "epsilon", "zêta"][k]}`, 300, 40, { size, width: 200 });
    const small = findFurniture(Array.from({ length: 6 }, (_, k) => page(k, [title(k, SMALL_TYPE_RATIO * BODY - 0.1)])), BODY);
    expect(small.every((f) => f.header.length === 1)).toBe(true);
    const body = findFurniture(Array.from({ length: 6 }, (_, k) => page(k, [title(k, SMALL_TYPE_RATIO * BODY + 0.1)])), BODY);
    expect(body.every((f) => f.header.length === 0)).toBe(true);
  });

  it('takes a body-size line only when outermost and when its text recurs (digits aside)', () => {
    const pages = Array.from({ length: 6 }, (_, k) =>
      page(k, [line(`Catalogue ${k + 3}`, 40, 30, { size: BODY, width: 100 }), line('PRÉSENTATION DU PROJET', 40, 60, { size: 12, bold: true, width: 160 })]),
    );
    const found = findFurniture(pages, BODY);
    expect(found.map((f) => texts(f.header))).toEqual(pages.map((_, k) => [`Catalogue ${k + 3}`]));
  });

  it(`needs the place to recur on ${MIN_REPEAT_SHARE * 100} % of the pages`, () => {
    const pages = (withFooter: number) => Array.from({ length: 11 }, (_, k) => page(k, k < withFooter ? [footer(k)] : []));
    const needed = Math.ceil(MIN_REPEAT_SHARE * 11);
    expect(findFurniture(pages(needed - 1), BODY).some((f) => f.footer.length > 0)).toBe(false);
    expect(findFurniture(pages(needed), BODY).filter((f) => f.footer.length > 0)).toHaveLength(needed);
  });

  it(`counts a place as the same within ${SLOT_TOLERANCE_EM} em`, () => {
    // Three pages: 760, and two pages moved by a bit less or a bit more than the tolerance.
    const pages = (shift: number) => Array.from({ length: 10 }, (_, k) => page(k, k < 3 ? [footer(k, k === 0 ? 760 : 760 + shift)] : []));
    expect(findFurniture(pages(SLOT_TOLERANCE_EM * BODY - 0.1), BODY)[0]!.footer).toHaveLength(1);
    expect(findFurniture(pages(SLOT_TOLERANCE_EM * BODY + 0.1), BODY)[0]!.footer).toHaveLength(0);
  });

  it('keeps a running header set on two lines together', () => {
    const pages = Array.from({ length: 6 }, (_, k) => {
      const header = [line('AXE 1 · UN THÈME', 40, 30, { size: 7, width: 200 })];
      if (k === 2) header.push(line('SUR DEUX LIGNES', 40, 30 + 7 * 1.3 + 1, { size: 7, width: 100 }));
      return page(k, header);
    });
    expect(texts(findFurniture(pages, BODY)[2]!.header)).toEqual(['AXE 1 · UN THÈME', 'SUR DEUX LIGNES']);
  });

  it(`falls back on the single-page rule under ${FEW_PAGES} pages (a card cut from an edition)`, () => {
    const lone = findFurniture([page(0, [footer(0)])], BODY);
    expect(texts(lone[0]!.footer)).toEqual(['L’innovation en actions 10']);
    // The single-page rule wants the footer apart from the content.
    const close = findFurniture([page(0, [line('Dernière ligne', 40, 745, { size: BODY, width: 300 }), footer(0, 760)])], BODY);
    expect(close[0]!.footer).toEqual([]);
  });
});
