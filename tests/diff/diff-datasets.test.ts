import { describe, expect, it } from 'vitest';
import { diffDatasets } from '../../src/diff/diff-datasets.ts';
import { formatDiff } from '../../src/diff/format-diff.ts';
import type { Card, Dataset } from '../../src/validate/schema.ts';
import { makeCard, makeDataset, slugify } from '../support/build-dataset.ts';

const A = makeCard({ region: 'Grand Est', title: 'Former aux métiers du numérique', page: 12 });
const B = makeCard({ region: 'Bretagne', title: 'Accompagner les jeunes décrocheurs', page: 14 });
const C = makeCard({ region: 'Occitanie', title: 'Développer l’apprentissage dans les métiers agricoles', page: 16 });
const D = makeCard({ region: 'Normandie', title: 'Qualifier les salariés de l’industrie', page: 18 });
const E = makeCard({ region: 'Hauts-de-France', title: 'Lever les freins périphériques à l’emploi', page: 20 });
const F = makeCard({ region: 'Corse', title: 'Former les saisonniers du tourisme', page: 22 });

function edit(card: Card, change: (copy: Card) => void): Card {
  const copy = structuredClone(card);
  change(copy);
  return copy;
}

/** The old edition with one of each kind of edit applied. */
function buildEditedPair(): { oldDs: Dataset; newDs: Dataset } {
  const oldDs = makeDataset([A, B, C, D, E]);
  const textEdited = edit(A, (c) => {
    c.presentation[0]!.text = c.presentation[0]!.text.replace('les entreprises, les organismes', 'les employeurs, les branches, les organismes');
  });
  const renamedTitle = 'Développer l’alternance dans les métiers agricoles';
  const renamed = edit(C, (c) => {
    c.title = renamedTitle;
    c.titleOnCard = renamedTitle.toUpperCase();
    c.id = `${slugify(c.region)}--${slugify(renamedTitle)}`;
  });
  const budgetChanged = edit(D, (c) => {
    c.budget!.amountEur = 1_500_000;
    c.budget!.amounts[0] = { eur: 1_500_000, context: '1 500 000 euros' };
    c.budget!.text = c.budget!.text.replace('1 200 000', '1 500 000');
  });
  const dateMoved = edit(E, (c) => {
    c.calendar[1] = { ...c.calendar[1]!, label: 'Mars 2020', start: '2020-03-01', end: '2020-03-31' };
  });
  const newDs = makeDataset([textEdited, renamed, budgetChanged, dateMoved, F]);
  return { oldDs, newDs };
}

describe('diffDatasets', () => {
  it('finds exactly the removed, added, renamed and changed cards', () => {
    const { oldDs, newDs } = buildEditedPair();
    const diff = diffDatasets(oldDs, newDs);

    expect(diff.identical).toBe(false);
    expect(diff.edition).toEqual([]);
    expect(diff.removed.map((c) => c.id)).toEqual([B.id]);
    expect(diff.added.map((c) => c.id)).toEqual([F.id]);

    expect(diff.renamed).toHaveLength(1);
    const renamed = diff.renamed[0]!;
    expect(renamed.old).toMatchObject({ id: C.id, title: C.title });
    expect(renamed.new.id).toBe('occitanie--developper-l-alternance-dans-les-metiers-agricoles');
    expect(renamed.new.title).toBe('Développer l’alternance dans les métiers agricoles');
    expect(renamed.titleDistance).toBeGreaterThan(0);
    expect(renamed.changes.map((c) => c.path)).toEqual(['titleOnCard']);

    expect(diff.changed.map((c) => c.card.id)).toEqual([A.id, D.id, E.id]);
    const [textCard, budgetCard, calendarCard] = diff.changed;

    expect(textCard!.changes).toHaveLength(1);
    expect(textCard!.changes[0]).toMatchObject({ path: 'presentation[0].text', kind: 'changed' });
    expect(textCard!.changes[0]!.words).toBe('… en associant les [-entreprises,-] {+employeurs, les branches,+} les organismes de …');

    expect(budgetCard!.changes).toEqual([
      { path: 'budget.amountEur', kind: 'changed', old: 1_200_000, new: 1_500_000 },
      { path: 'budget.amounts', kind: 'changed', old: [1_200_000, 800_000], new: [1_500_000, 800_000] },
      expect.objectContaining({ path: 'budget.text', words: '[-1 200 000-] {+1 500 000+} euros dont 800 000 …' }),
    ]);

    expect(calendarCard!.changes).toEqual([
      { path: 'calendar[1].label', kind: 'changed', old: 'Janvier 2020', new: 'Mars 2020' },
      { path: 'calendar[1].start', kind: 'changed', old: '2020-01-01', new: '2020-03-01' },
      { path: 'calendar[1].end', kind: 'changed', old: '2020-01-31', new: '2020-03-31' },
    ]);
  });

  it('reports nothing for identical datasets', () => {
    const ds = makeDataset([A, B, C]);
    const diff = diffDatasets(ds, structuredClone(ds));
    expect(diff).toMatchObject({ identical: true, edition: [], added: [], removed: [], renamed: [], moved: [], changed: [] });
    expect(formatDiff(diff)).toContain('No differences.');
  });

  it('ignores pdfPages and provenance unless asked, but reports printed pages', () => {
    const moved = edit(A, (c) => {
      c.pdfPages = [40, 41];
      c.provenance = { title: { page: 40, bbox: [10, 10, 200, 30] } };
    });
    const oldDs = makeDataset([A]);
    expect(diffDatasets(oldDs, makeDataset([moved])).identical).toBe(true);

    const layout = diffDatasets(oldDs, makeDataset([moved]), { includeLayout: true });
    expect(layout.changed[0]!.changes.map((c) => c.path)).toEqual(['pdfPages', 'provenance.budget', 'provenance.title']);

    const renumbered = edit(moved, (c) => {
      c.pages = [38, 39];
    });
    const diff = diffDatasets(oldDs, makeDataset([renumbered]));
    expect(diff.changed).toEqual([]);
    expect(diff.moved).toEqual([
      { card: expect.objectContaining({ id: A.id, pages: [38, 39] }), oldPages: [12, 13], newPages: [38, 39], changes: [{ path: 'pages', kind: 'changed', old: [12, 13], new: [38, 39] }] },
    ]);
  });

  it('puts a card whose only difference is its pages under Moved, and one that also changed under Changed', () => {
    const movedOnly = edit(A, (c) => {
      c.pages = [38, 39];
      c.pdfPages = [38, 39];
      c.provenance = Object.fromEntries(Object.entries(c.provenance).map(([k, v]) => [k, { ...v!, page: v!.page + 26 }]));
    });
    const movedAndEdited = edit(D, (c) => {
      c.pages = [40, 41];
      c.budget!.amountEur = 1_500_000;
    });
    const oldDs = makeDataset([A, D]);
    const newDs = makeDataset([movedOnly, movedAndEdited]);
    for (const includeLayout of [false, true]) {
      const diff = diffDatasets(oldDs, newDs, { includeLayout });
      expect(diff.identical).toBe(false);
      expect(diff.moved.map((m) => [m.card.id, m.oldPages, m.newPages])).toEqual([[A.id, [12, 13], [38, 39]]]);
      expect(diff.changed.map((c) => c.card.id)).toEqual([D.id]);
      expect(diff.changed[0]!.changes.map((c) => c.path)).toEqual(['pages', 'budget.amountEur']);
    }
    const text = formatDiff(diffDatasets(oldDs, newDs));
    expect(text).toContain(`Moved (1):\n  > ${A.id}  ${JSON.stringify(A.title)} (Grand Est): p. 12-13 → p. 38-39\n`);
    expect(text).toContain(`Changed (1):\n  * ${D.id}`);
    expect(text).toContain('Summary: 0 added, 0 removed, 0 renamed, 1 moved, 1 changed (2 → 2 cards)');
  });

  it('with --layout, a card whose PDF pages alone moved is Moved, with its PDF pages', () => {
    const shifted = edit(A, (c) => {
      c.pdfPages = [16, 17];
      c.provenance = Object.fromEntries(Object.entries(c.provenance).map(([k, v]) => [k, { ...v!, page: v!.page + 2 }]));
    });
    const diff = diffDatasets(makeDataset([A]), makeDataset([shifted]), { includeLayout: true });
    expect(diff.changed).toEqual([]);
    expect(formatDiff(diff)).toContain(`(Grand Est): PDF p. 14-15 → PDF p. 16-17 (printed p. 12-13)`);
    const boxMoved = edit(shifted, (c) => {
      c.provenance.title = { page: c.provenance.title!.page, bbox: [1, 2, 3, 4] };
    });
    expect(diffDatasets(makeDataset([A]), makeDataset([boxMoved]), { includeLayout: true }).changed.map((c) => c.card.id)).toEqual([A.id]);
  });

  it('reports an inserted list element once instead of shifting every later element', () => {
    const inserted = edit(A, (c) => {
      c.objectives.splice(0, 0, { kind: 'item', text: 'Répondre aux besoins de recrutement des entreprises' });
      c.contacts.push({ organisation: 'Pôle emploi Grand Est', name: 'Jean Dupont', role: null, email: null, phone: null });
      c.calendar.splice(2, 1);
    });
    const diff = diffDatasets(makeDataset([A]), makeDataset([inserted]));
    expect(diff.changed[0]!.changes).toEqual([
      { path: 'objectives[0]', kind: 'added', new: inserted.objectives[0] },
      { path: 'contacts[1]', kind: 'added', new: inserted.contacts[1] },
      { path: 'calendar[2]', kind: 'removed', old: A.calendar[2] },
    ]);
  });

  it('does not take a card of another region, or a rewritten title, for a renamed card', () => {
    const sameTitleElsewhere = makeCard({ region: 'Bretagne', title: A.title, page: 12 });
    const rewritten = makeCard({ region: 'Grand Est', title: 'Créer une plateforme régionale de l’orientation', page: 12 });
    const diff = diffDatasets(makeDataset([A]), makeDataset([sameTitleElsewhere, rewritten]));
    expect(diff.renamed).toEqual([]);
    expect(diff.removed.map((c) => c.id)).toEqual([A.id]);
    expect(diff.added.map((c) => c.id)).toEqual([sameTitleElsewhere.id, rewritten.id]);
  });

  it('keeps a card matched by id when only its title’s accents, case or punctuation change', () => {
    const retyped = edit(A, (c) => {
      c.title = 'Former aux metiers du Numérique !';
    });
    const diff = diffDatasets(makeDataset([A]), makeDataset([retyped]));
    expect(diff.renamed).toEqual([]);
    expect(diff.changed[0]!.changes).toEqual([
      expect.objectContaining({ path: 'title', old: A.title, new: 'Former aux metiers du Numérique !' }),
    ]);
  });

  it('reports a budget box that appeared or disappeared as one change, and edition changes', () => {
    const noBudget = edit(D, (c) => {
      c.budget = null;
    });
    const diff = diffDatasets(makeDataset([D]), makeDataset([noBudget], { date: '2021-03' }));
    expect(diff.edition).toEqual([{ path: 'edition.date', kind: 'changed', old: '2020-01', new: '2021-03' }]);
    expect(diff.changed[0]!.changes).toEqual([{ path: 'budget', kind: 'changed', old: D.budget, new: null }]);
  });

  it('renders the groups in the human-readable output', () => {
    const { oldDs, newDs } = buildEditedPair();
    const text = formatDiff(diffDatasets(oldDs, newDs), { oldLabel: 'old.json', newLabel: 'new.json' });
    expect(text).toContain('Added (1):');
    expect(text).toContain(`  + ${F.id}`);
    expect(text).toContain(`  - ${B.id}`);
    expect(text).toContain(`  ~ ${C.id} → occitanie--developper-l-alternance-dans-les-metiers-agricoles`);
    expect(text).toContain('      budget.amountEur: 1200000 → 1500000');
    expect(text).toContain('      calendar[1].start: "2020-01-01" → "2020-03-01"');
    expect(text).toContain('Summary: 1 added, 1 removed, 1 renamed, 0 moved, 3 changed (5 → 5 cards)');
  });
});
