// Other editions differ in page size, margins and spread exports: the same cards must come out.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { Card } from '../../src/validate/schema.ts';
import { cutPages } from '../../scripts/lib/cut-pages.ts';
import { makeRescaled, makeShifted, makeSpread } from '../support/make-variants.ts';

const edition = new Uint8Array(readFileSync(new URL('../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf', import.meta.url)));
// Three cards: one contact, two contacts with a 5-step timeline, an extra framed box.
const CARD_PAGES = [12, 13, 164, 165, 252, 253];

/** What must not depend on the page geometry. */
const content = (c: Card) => {
  const { pdfPages: _p, provenance: _v, ...rest } = c;
  return rest;
};

let reference: Card[];
beforeAll(async () => {
  const pages = await cutPages(edition, CARD_PAGES);
  reference = (await extractEdition(pages, { fileName: 'reference.pdf' })).dataset.cards;
  expect(reference).toHaveLength(3);
});

describe('other page geometries give the same cards', () => {
  it('reads a spread export (two facing pages on one landscape page)', async () => {
    const spread = await makeSpread(edition, [
      [12, 13],
      [164, 165],
      [252, 253],
    ]);
    const { dataset } = await extractEdition(spread, { fileName: 'spread.pdf' });
    expect(dataset.cards.map(content)).toEqual(reference.map(content));
    expect(dataset.cards.map((c) => c.pdfPages)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // Provenance stays on the PDF page: the right-hand page's fields lie in its right half.
    const budget = dataset.cards[0]!.provenance.budget!;
    expect(budget.bbox[0]).toBeGreaterThan(594);
  });

  for (const scale of [0.8, 1.25]) {
    it(`reads pages rescaled by ${scale} (another paper size, other type sizes)`, async () => {
      const pages = await cutPages(edition, CARD_PAGES);
      const rescaled = await makeRescaled(pages, [1, 2, 3, 4, 5, 6], scale);
      const { dataset } = await extractEdition(rescaled, { fileName: `scaled-${scale}.pdf` });
      expect(dataset.cards.map(content)).toEqual(reference.map(content));
      const ref = reference[0]!.provenance.titleOnCard!.bbox;
      const got = dataset.cards[0]!.provenance.titleOnCard!.bbox;
      expect(got[0]).toBeCloseTo(ref[0] * scale, 0);
    });
  }

  it('reads pages whose content sits in other margins', async () => {
    const pages = await cutPages(edition, CARD_PAGES);
    const shifted = await makeShifted(pages, [1, 2, 3, 4, 5, 6], 60, 40);
    const { dataset } = await extractEdition(shifted, { fileName: 'shifted.pdf' });
    expect(dataset.cards.map(content)).toEqual(reference.map(content));
  });
});
