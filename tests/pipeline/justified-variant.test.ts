// The 2020 edition re-typeset with justified text, soft-hyphenated line ends and narrow timeline
// gutters (fixtures/variants/README.md), cut to a few cards and re-shaped: the pages must read as
// the same 2020 pages. The whole variant is read in variant-editions.test.ts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutPages } from '../../scripts/lib/cut-pages.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import { makeRescaled, makeSpread } from '../support/make-variants.ts';
import type { Card } from '../../src/validate/schema.ts';

const pdf = new URL('../../fixtures/variants/pactes-regionaux-innovation-en-actions-2020-01--justified-hyphenated.pdf', import.meta.url);

/** What the layout of a file may change: its page indexes and boxes. */
const content = ({ pdfPages: _p, provenance: _v, ...rest }: Card) => rest;

describe('a few cards of the justified variant, in other page geometries', () => {
  // Five cards with narrow timelines (up to five steps), cut from both files: a short document,
  // whose evidence for line breaking and running footers is its ten pages only.
  const PAGES = [26, 27, 94, 95, 164, 165, 196, 197, 242, 243];
  const edition = new URL('../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf', import.meta.url);
  let reference: Card[];
  let justified: Uint8Array;
  beforeAll(async () => {
    reference = (await extractEdition(await cutPages(new Uint8Array(readFileSync(edition)), PAGES), { fileName: 'reference.pdf' })).dataset.cards;
    justified = await cutPages(new Uint8Array(readFileSync(pdf)), PAGES);
    expect(reference).toHaveLength(5);
  });

  it('reads the cut pages, a spread export and rescaled pages as the 2020 pages', async () => {
    const pairs: [number, number][] = [1, 3, 5, 7, 9].map((k) => [k, k + 1]);
    const all = PAGES.map((_, k) => k + 1);
    for (const [name, bytes] of [
      ['cut', justified],
      ['spread', await makeSpread(justified, pairs)],
      ['scaled 0.8', await makeRescaled(justified, all, 0.8)],
      ['scaled 1.3', await makeRescaled(justified, all, 1.3)],
    ] as const) {
      const cards = (await extractEdition(bytes.slice(), { fileName: `${name}.pdf` })).dataset.cards;
      expect(cards.map(content), name).toEqual(reference.map(content));
    }
  });
});
