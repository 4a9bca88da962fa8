// The 2020 edition passed through Ghostscript (fonts re-embedded, text chunked differently,
// damaged Unicode maps): its dataset must be the reviewed 2020 dataset, but for pdfPages and provenance.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDatasets } from '../../src/diff/diff-datasets.ts';
import { formatDiff } from '../../src/diff/format-diff.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { RunReport } from '../../src/pipeline/types.ts';
import type { Dataset } from '../../src/validate/schema.ts';

const pdf = new URL('../../fixtures/variants/pactes-regionaux-innovation-en-actions-2020-01--distilled.pdf', import.meta.url);
const expectedFile = new URL('../../fixtures/full-edition/expected.json', import.meta.url);

let dataset: Dataset;
let report: RunReport;
beforeAll(async () => {
  ({ dataset, report } = await extractEdition(new Uint8Array(readFileSync(pdf)), { fileName: 'pactes-regionaux-innovation-en-actions-2020-01--distilled.pdf' }));
});

describe('the distilled variant of the 2020 edition', () => {
  it('reads exactly as the 2020 edition', () => {
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Dataset;
    const diff = diffDatasets(expected, dataset);
    expect(diff.identical, formatDiff(diff)).toBe(true);
  });

  it('repairs its damaged mappings and says so, one info diagnostic per mapping', () => {
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
    const emails = dataset.cards.flatMap((c) => c.contacts.map((k) => k.email));
    expect(emails).toContain('alia.alkhalfioui@isula.corsica');
    expect(emails.filter((e) => e === 'oui@isula.corsica')).toEqual([]);
  });

  it('measures its words once repaired as a well-read edition, and trips no self-check level', () => {
    expect(report.selfCheck.find((m) => m.code === 'validate/unknown-words')!.rate).toBeLessThan(0.035);
    expect(report.selfCheck.filter((m) => m.tripped)).toEqual([]);
  });
});
