// The 2020 edition re-typeset with justified text, soft-hyphenated line ends and narrow timeline
// gutters (fixtures/variants/README.md): the same content, so the same dataset as the reviewed
// 2020 one, card for card and field for field; only pdfPages and provenance may differ.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
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
