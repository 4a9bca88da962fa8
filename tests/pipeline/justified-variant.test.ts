// The 2020 edition re-typeset with justified text, soft-hyphenated line ends and narrow timeline
// gutters (fixtures/variants/README.md): the same content, so the same dataset as the reviewed
// 2020 one, card for card and field for field; only pdfPages and provenance may differ.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutPages } from '../../scripts/lib/cut-pages.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import { makeRescaled, makeSpread } from '../support/make-variants.ts';
import type { Card, Dataset } from '../../src/validate/schema.ts';

const pdf = new URL('../../fixtures/variants/pactes-regionaux-innovation-en-actions-2020-01--justified-hyphenated.pdf', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../../fixtures/full-edition/expected.json', import.meta.url), 'utf8')) as Dataset;

/** What the layout of a file may change: its page indexes and boxes. */
const content = ({ pdfPages: _p, provenance: _v, ...rest }: Card) => rest;

let dataset: Dataset;
beforeAll(async () => {
  ({ dataset } = await extractEdition(new Uint8Array(readFileSync(pdf)), { fileName: 'justified-hyphenated.pdf' }));
});

describe('the justified and hyphenated variant of the 2020 edition', () => {
  it('gives the same cards as the 2020 edition, field for field', () => {
    expect(dataset.cards.map((c) => c.id)).toEqual(expected.cards.map((c) => c.id));
    for (const [k, card] of dataset.cards.entries()) expect(content(card), card.id).toEqual(content(expected.cards[k]!));
  });

  it('reads without warnings', () => {
    expect(dataset.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

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
