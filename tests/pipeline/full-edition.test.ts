// The whole 2020 edition against its committed, reviewed dataset: any change anywhere shows up here.
// `UPDATE=1 npm test` rewrites fixtures/full-edition/expected.json; review the diff (npm run diff helps).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { Card, Dataset } from '../../src/validate/schema.ts';
import type { RunReport } from '../../src/pipeline/types.ts';

const pdf = new URL('../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf', import.meta.url);
const expectedFile = new URL('../../fixtures/full-edition/expected.json', import.meta.url);

let dataset: Dataset;
let report: RunReport;
beforeAll(async () => {
  ({ dataset, report } = await extractEdition(new Uint8Array(readFileSync(pdf)), { fileName: 'input/pactes-regionaux-innovation-en-actions-2020-01.pdf' }));
  // Only an explicit UPDATE=1 writes the expectation: a missing file is a failure, never a fresh baseline.
  if (process.env.UPDATE === '1') writeFileSync(expectedFile, JSON.stringify(dataset, null, 2) + '\n');
});

describe('the 2020 edition', () => {
  it('gives every card of the table of contents, in its order, each matched', () => {
    expect(dataset.cards).toHaveLength(117);
    expect(dataset.diagnostics.filter((d) => d.code.startsWith('segment/'))).toEqual([]);
    expect(dataset.cards[0]!.title).toBe('Hôtellerie-restauration : un parcours emploi-formation innovant');
    expect(new Set(dataset.cards.map((c) => c.id)).size).toBe(117);
  });

  it('tells the role of every page (pages with only a running footer are blank)', () => {
    const roles: Record<string, number> = {};
    for (const { role } of report.pageRoles) roles[role] = (roles[role] ?? 0) + 1;
    expect(roles).toEqual({
      cover: 1,
      'front-matter': 3,
      'table-of-contents': 3,
      'axis-divider': 3,
      'theme-divider': 22,
      card: 234,
      blank: 25,
      'back-cover': 1,
    });
    expect(report.pageRoles.filter((r) => r.role === 'table-of-contents').map((r) => r.page)).toEqual([5, 6, 7]);
    expect(report.pageRoles.filter((r) => r.role === 'axis-divider').map((r) => r.page)).toEqual([8, 112, 220]);
  });

  it('fills the fields every card shows', () => {
    for (const c of dataset.cards) {
      const where = `${c.id} (p${c.pages[0]})`;
      expect(c.region, where).not.toBe('');
      expect(c.theme, where).not.toBe('');
      expect(c.tagline, where).not.toBeNull();
      expect(c.objectives.length, where).toBeGreaterThan(0);
      expect(c.plusValues.length, where).toBeGreaterThan(0);
      expect(c.presentation.length, where).toBeGreaterThan(0);
      expect(c.calendar.length, where).toBeGreaterThan(0);
      expect(c.contacts.some((p) => p.email), where).toBe(true);
      expect(c.language, where).toBe('fra');
      expect(c.pages[1], where).toBe(c.pages[0] + 1);
    }
  });

  it('matches the reviewed dataset, whole cards and all', () => {
    expect(existsSync(expectedFile), 'fixtures/full-edition/expected.json is missing: write it with UPDATE=1, review it, commit it').toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Dataset;
    // As written to disk: a field that is undefined in memory is absent from the file.
    const actual = JSON.parse(JSON.stringify(dataset)) as Dataset;
    expect(actual.edition).toEqual(expected.edition);
    expect(actual.cards.map((c) => c.id)).toEqual(expected.cards.map((c) => c.id));
    for (const [i, want] of expected.cards.entries()) {
      const got = actual.cards[i]!;
      // Every field of either side, so that a field the code adds (or drops) fails here by name.
      const fields = new Set([...Object.keys(want), ...Object.keys(got)]) as Set<keyof Card>;
      for (const field of fields) expect(got[field], `card ${want.id}, field ${field}`).toEqual(want[field]);
      expect(got, `card ${want.id}`).toStrictEqual(want);
    }
    expect(actual.diagnostics).toEqual(expected.diagnostics);
    expect(actual).toStrictEqual(expected);
  });

  it('shows no sign of damaged text, so never reads the lexicon, and trips no self-check level', () => {
    expect(report.textRepair).toEqual({ lexiconRead: false, repairs: [] });
    expect(report.selfCheck.filter((m) => m.tripped)).toEqual([]);
  });
});
