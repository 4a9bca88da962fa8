// Metamorphic: every file in fixtures/variants/ prints the 2020 edition's content made another way
// (another typesetting, another PDF writer, another design), so its dataset must be the reviewed
// 2020 dataset, card for card and field for field; only the PDF pages and the boxes may differ.
// Each variant is read once here; what is particular to one variant is checked on the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDatasets } from '../../src/diff/diff-datasets.ts';
import { formatDiff } from '../../src/diff/format-diff.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { RunReport } from '../../src/pipeline/types.ts';
import type { Card, Dataset } from '../../src/validate/schema.ts';

const folder = new URL('../../fixtures/variants/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../../fixtures/full-edition/expected.json', import.meta.url), 'utf8')) as Dataset;

/** What must not depend on how the edition was made. */
const content = (c: Card) => {
  const { pdfPages: _pages, provenance: _boxes, ...rest } = c;
  return rest;
};

const variants = readdirSync(folder)
  .filter((f) => f.endsWith('.pdf'))
  .sort();
const kindOf = (file: string) => /--(.+)\.pdf$/.exec(file)?.[1] ?? file;

const runs = new Map<string, { dataset: Dataset; report: RunReport }>();
const run = (kind: string) => {
  const r = runs.get(kind);
  if (!r) throw new Error(`no variant "${kind}" in fixtures/variants/`);
  return r;
};

beforeAll(async () => {
  for (const file of variants) runs.set(kindOf(file), await extractEdition(new Uint8Array(readFileSync(new URL(file, folder))), { fileName: file }));
}, 600_000);

describe('variants of the 2020 edition give its reviewed dataset', () => {
  it('has the three known variants to read', () => {
    expect(variants.map(kindOf)).toEqual(expect.arrayContaining(['distilled', 'justified-hyphenated', 'redesigned']));
  });

  for (const file of variants) {
    const kind = kindOf(file);
    it(`${kind}: the same cards, field for field`, () => {
      const { dataset } = run(kind);
      expect(dataset.edition).toEqual(expected.edition);
      expect(dataset.cards.map((c) => c.id)).toEqual(expected.cards.map((c) => c.id));
      for (let i = 0; i < expected.cards.length; i++) {
        expect(content(dataset.cards[i]!), expected.cards[i]!.id).toEqual(content(expected.cards[i]!));
      }
    });

    it(`${kind}: no warnings, no self-check level tripped, and the diff tool agrees`, () => {
      const { dataset, report } = run(kind);
      expect(dataset.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(report.selfCheck.filter((m) => m.tripped)).toEqual([]);
      const diff = diffDatasets(expected, dataset);
      expect(diff.identical, formatDiff(diff)).toBe(true);
    });
  }
});

describe('the distilled variant (Ghostscript: fonts re-embedded, damaged Unicode maps)', () => {
  it('repairs its damaged mappings and says so, one info diagnostic per mapping', () => {
    const { dataset, report } = run('distilled');
    expect(report.textRepair.lexiconRead).toBe(true);
    expect(report.textRepair.repairs.map((r) => [r.char, r.replacement, r.count])).toEqual([
      ['û', 'fi', 944],
      ['ü', 'fl', 34],
      ['T', 'œ', 10],
    ]);
    const infos = dataset.diagnostics.filter((d) => d.code === 'repair/text-mapping');
    expect(infos.map((d) => d.severity)).toEqual(['info', 'info', 'info']);
    expect(infos.map((d) => d.message)).toContain('damaged text mapping: « û » stands for « fi » in 3 fonts; 944 characters repaired (e.g. « bénéûciaires » → « bénéficiaires »)');
  });

  it('gives the e-mail address whole', () => {
    const emails = run('distilled').dataset.cards.flatMap((c) => c.contacts.map((k) => k.email));
    expect(emails).toContain('alia.alkhalfioui@isula.corsica');
    expect(emails.filter((e) => e === 'oui@isula.corsica')).toEqual([]);
  });

  it('measures its words once repaired as a well-read edition', () => {
    expect(run('distilled').report.selfCheck.find((m) => m.code === 'validate/unknown-words')!.rate).toBeLessThan(0.035);
  });
});

describe('the variants that need no repair', () => {
  it('repair nothing', () => {
    for (const kind of ['justified-hyphenated', 'redesigned']) expect(run(kind).report.textRepair.repairs, kind).toEqual([]);
  });
});
