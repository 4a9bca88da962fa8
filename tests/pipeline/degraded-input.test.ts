// A card with a missing page or section, or pages that are not card pages among the cards, still
// gives the rest of the dataset, with diagnostics saying what is missing and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutPages } from '../../scripts/lib/cut-pages.ts';
import { InputError } from '../../src/model/errors.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { Card } from '../../src/validate/schema.ts';

const edition = new Uint8Array(readFileSync(new URL('../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf', import.meta.url)));
/** The same card read from both its pages (its reviewed golden fixture). */
const wholeCard = (JSON.parse(readFileSync(new URL('../../fixtures/card-12-hotellerie-range-budget/expected.json', import.meta.url), 'utf8')) as { cards: Card[] }).cards[0]!;

describe('degraded input inside a good file', () => {
  it('keeps a card whose second page is missing, with the fields of its first page and diagnostics', async () => {
    const { dataset } = await extractEdition(await cutPages(edition, [12]), { fileName: 'first-page-only.pdf' });
    expect(dataset.cards).toHaveLength(1);
    const card = dataset.cards[0]!;
    expect(card.titleOnCard).toBe('HÔTELLERIE- RESTAURATION : UN PARCOURS EMPLOI-FORMATION INNOVANT');
    // What its first page holds comes out as when the card is whole.
    expect(card.objectives).toHaveLength(5);
    expect(card.objectives).toEqual(wholeCard.objectives);
    expect(card.tagline).toBe(wholeCard.tagline);
    expect(card.contacts).toEqual(wholeCard.contacts);
    expect(card.contacts[0]!.email).toBe('dominique.bidault@pole-emploi.fr');
    expect(card.presentation).toEqual([]);
    expect(card.calendar).toEqual([]);
    expect(card.budget).toBeNull();
    const codes = dataset.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['segment/missing-second-page', 'fields/missing-presentation', 'fields/missing-calendar']));
    expect(dataset.diagnostics.find((d) => d.code === 'fields/missing-presentation')!.cardId).toBe(card.id);
  });

  it('reads the cards around pages that are not card pages (a divider, a blank page)', async () => {
    const { dataset, report } = await extractEdition(await cutPages(edition, [12, 13, 8, 9, 14, 15]), { fileName: 'interleaved.pdf' });
    expect(dataset.cards.map((c) => c.pages)).toEqual([
      [12, 13],
      [14, 15],
    ]);
    expect(report.pageRoles.map((r) => r.role)).toEqual(['card', 'card', 'axis-divider', 'blank', 'card', 'card']);
  });

  it('rejects a file with no card at all as another publication, naming the file', async () => {
    const run = extractEdition(await cutPages(edition, [2, 3]), { fileName: 'front-matter.pdf' });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toMatchObject({ kind: 'not-catalogue', message: expect.stringMatching(/^front-matter\.pdf: no action card found/) });
  });
});
