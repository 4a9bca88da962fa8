import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataPackage, packageDirFor, packageNameFor, writeDataPackage } from '../../src/package/build-data-package.ts';
import { checkDataPackage, checkDataPackageDir } from '../../src/package/check-data-package.ts';
import { parseCsv, UTF8_BOM } from '../../src/package/csv.ts';
import type { PackageDescriptor } from '../../src/package/table-schema.ts';
import { buildSampleDataset } from '../review/sample-dataset.ts';

const dataset = buildSampleDataset();
const files = buildDataPackage(dataset);
const descriptor = (f: ReadonlyMap<string, string> = files) => JSON.parse(f.get('datapackage.json')!) as PackageDescriptor;

/** The CSV's records as objects keyed by header, BOM and CRLF handled by the strict reader. */
function records(name: string, f: ReadonlyMap<string, string> = files): Record<string, string>[] {
  const { rows, problems } = parseCsv(f.get(name)!);
  expect(problems).toEqual([]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** A copy of the package with one CSV edited and its declared size and hash brought up to date. */
function withCsv(name: string, edit: (csv: string) => string): Map<string, string> {
  const copy = new Map(files);
  const csv = edit(copy.get(name)!);
  copy.set(name, csv);
  const d = descriptor(copy);
  const resource = d.resources.find((r) => r.path === name)!;
  const bytes = Buffer.from(csv, 'utf8');
  resource.bytes = bytes.length;
  resource.hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  copy.set('datapackage.json', JSON.stringify(d));
  return copy;
}

function withDescriptor(edit: (d: PackageDescriptor & Record<string, unknown>) => void): Map<string, string> {
  const copy = new Map(files);
  const d = descriptor(copy) as PackageDescriptor & Record<string, unknown>;
  edit(d);
  copy.set('datapackage.json', JSON.stringify(d));
  return copy;
}

describe('buildDataPackage', () => {
  it('writes the nine tables and a descriptor, the same bytes on every run', () => {
    expect([...files.keys()]).toEqual([
      'cards.csv',
      'blocks.csv',
      'contacts.csv',
      'calendar.csv',
      'key-figures.csv',
      'budget-amounts.csv',
      'beneficiary-numbers.csv',
      'extras.csv',
      'diagnostics.csv',
      'datapackage.json',
    ]);
    expect(buildDataPackage(buildSampleDataset())).toEqual(files);
  });

  it('produces a package that passes every profile, schema and key check', () => {
    expect(checkDataPackage(files)).toEqual([]);
  });

  it('writes cards.csv with one flat row per card', () => {
    const cards = records('cards.csv');
    expect(cards.map((c) => c.id)).toEqual(dataset.cards.map((c) => c.id));
    expect(Object.keys(cards[0]!)).toEqual([
      'id', 'title', 'title_on_card', 'region', 'axis', 'theme', 'page_first', 'page_last', 'pdf_page_first', 'pdf_page_last',
      'tagline', 'territory', 'beneficiaries', 'budget_status', 'budget_amount_eur', 'budget_min_eur', 'budget_max_eur',
      'budget_pacte_eur', 'budget_per', 'budget_text', 'language', 'warning_count', 'error_count',
    ]);
    expect(cards[0]).toMatchObject({
      region: 'Auvergne-Rhône-Alpes',
      axis: '1',
      page_first: '12',
      page_last: '13',
      budget_status: 'range',
      budget_amount_eur: '',
      budget_min_eur: '12000',
      budget_max_eur: '15000',
      budget_per: 'parcours',
      warning_count: '1',
      error_count: '0',
    });
    expect(cards[1]).toMatchObject({ budget_amount_eur: '1800000', budget_pacte_eur: '1000000', budget_per: 'an', territory: '', beneficiaries: '' });
    expect(cards[2]).toMatchObject({ axis: '2', warning_count: '1', error_count: '1' });
  });

  it('lists repeated items one per row, keyed by card and position', () => {
    const blocks = records('blocks.csv');
    expect(blocks.filter((b) => b.card_id === dataset.cards[0]!.id).map((b) => `${b.section}/${b.position}/${b.kind}`)).toEqual([
      'objectives/1/paragraph',
      'objectives/2/item',
      'objectives/3/item',
      'plus-values/1/item',
      'presentation/1/paragraph',
    ]);
    const calendar = records('calendar.csv');
    expect(calendar.find((c) => c.label === 'ensuite')).toEqual({
      card_id: 'centre-val-de-loire--les-chantiers-ecoles-et-formation', position: '3', label: 'ensuite', start: '', end: '', precision: '', text: 'Bilan',
    });
    expect(records('contacts.csv')[1]!.role).toBe('chef du service "qualification", DFPC');
    expect(records('extras.csv')[0]!.text).toBe('Première ligne\r\nseconde ligne, avec « guillemets » et "quotes"');
    expect(records('budget-amounts.csv').map((r) => r.eur)).toEqual(['12000', '15000', '1800000', '1000000', '822000']);
    expect(records('diagnostics.csv')[0]).toMatchObject({ position: '1', page: '5', card_id: '' });
  });

  it('writes every CSV as RFC 4180 UTF-8 with a byte order mark', () => {
    for (const [name, content] of files) {
      if (!name.endsWith('.csv')) continue;
      expect(content.startsWith(UTF8_BOM), name).toBe(true);
      expect(content.endsWith('\r\n'), name).toBe(true);
      expect(parseCsv(content).problems, name).toEqual([]);
      const bytes = Buffer.from(content, 'utf8');
      expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(content);
    }
    expect(files.get('cards.csv')).toContain('Auvergne-Rhône-Alpes');
  });

  it('describes the tables as a tabular data package with keys to cards.id', () => {
    const d = descriptor();
    expect(d.profile).toBe('tabular-data-package');
    expect(d.name).toBe('pactes-regionaux-innovation-en-actions-2020-01');
    const cards = d.resources.find((r) => r.name === 'cards')!;
    expect(cards.schema.primaryKey).toEqual(['id']);
    expect(cards.schema.fields.find((f) => f.name === 'budget_min_eur')).toMatchObject({ type: 'number' });
    expect(cards.schema.fields.find((f) => f.name === 'page_first')).toMatchObject({ type: 'integer' });
    for (const r of d.resources.filter((r) => r.name !== 'cards')) {
      expect(r.schema.foreignKeys, r.name).toEqual([{ fields: 'card_id', reference: { resource: 'cards', fields: 'id' } }]);
    }
    const calendarFields = d.resources.find((r) => r.name === 'calendar')!.schema.fields;
    expect(calendarFields.filter((f) => f.type === 'date').map((f) => f.name)).toEqual(['start', 'end']);
  });
});

describe('checkDataPackage finds what is wrong', () => {
  const cardId = dataset.cards[0]!.id;

  it.each([
    ['a missing profile', (d: Record<string, unknown>) => delete d.profile, '$.profile: must be "tabular-data-package"'],
    ['an upper-case name', (d: Record<string, unknown>) => (d.name = 'Pactes'), '$.name: must match ^([-a-z0-9._/])+$'],
    ['no resources', (d: Record<string, unknown>) => (d.resources = []), '$.resources: must be a non-empty array'],
  ])('a descriptor with %s', (_what, edit, problem) => {
    expect(checkDataPackage(withDescriptor(edit))).toContain(problem);
  });

  it('resource and schema errors', () => {
    const problems = checkDataPackage(
      withDescriptor((d) => {
        const [cards, blocks, contacts, calendar] = d.resources;
        cards!.path = '../cards.csv';
        (blocks as unknown as Record<string, unknown>).schema = undefined;
        contacts!.schema.fields[2]!.type = 'text' as never;
        calendar!.schema.foreignKeys = [{ fields: 'card_id', reference: { resource: 'nowhere', fields: 'id' } }];
        d.resources[4]!.schema.fields[2]!.constraints = { minLength: 2, minimum: 1 } as never;
        d.resources[5]!.schema.primaryKey = ['card_id', 'rank'];
        d.resources[6]!.profile = 'data-resource' as never;
      }),
    );
    expect(problems).toEqual([
      '$.resources[0].path: must be a relative POSIX path or URL (no leading ".", "/", "~", no "..")',
      '$.resources[1].schema: required',
      '$.resources[2].schema.fields[2].type: "text" is not a Table Schema type',
      '$.resources[3].schema.foreignKeys[0].reference.resource: no resource named "nowhere"',
      '$.resources[4].schema.fields[2].constraints.minimum: not a constraint of type string',
      '$.resources[5].schema.primaryKey: "rank" is not a field of this schema',
      '$.resources[6].profile: must be "tabular-data-resource"',
    ]);
  });

  it('a value of the wrong type, an impossible date, a value outside its enum', () => {
    const problems = checkDataPackage(
      withCsv('calendar.csv', (csv) => csv.replace('2019-09-30', '2019-02-30').replace(',month,', ',monthly,').replace(',1,Septembre', ',one,Septembre')),
    );
    expect(problems).toEqual([
      'calendar: row 2, position: "one" not an integer',
      'calendar: row 2, end: "2019-02-30" not a YYYY-MM-DD calendar date',
      'calendar: row 2, precision: "monthly" is not one of ["day","month","season","quarter","semester","year"]',
      'calendar: row 2: primary key [card_id, position] has an empty part',
    ]);
  });

  it('a duplicate primary key, a missing required value, a number below its minimum', () => {
    const problems = checkDataPackage(
      withCsv('cards.csv', (csv) => {
        const lines = csv.split('\r\n');
        lines[2] = lines[1]!.replace(',Auvergne-Rhône-Alpes,', ',,').replace(',12000,15000,', ',-5,15000,');
        return lines.join('\r\n');
      }),
    );
    expect(problems).toContain(`cards: row 3, id: "${cardId}" is not unique`);
    expect(problems).toContain(`cards: row 3: primary key ["${cardId}"] is not unique`);
    expect(problems).toContain('cards: row 3, region: a value is required');
    expect(problems).toContain('cards: row 3, budget_min_eur: -5 is below the minimum 0');
  });

  it('a row that refers to a card that does not exist', () => {
    const problems = checkDataPackage(withCsv('contacts.csv', (csv) => csv.replaceAll(cardId, 'nowhere--no-card')));
    expect(problems).toEqual(['contacts: foreign key "card_id" -> cards: row 2 refers to ["nowhere--no-card"], which does not exist']);
  });

  it('a header that differs from the schema, a short row, a bare LF', () => {
    const problems = checkDataPackage(withCsv('extras.csv', (csv) => csv.replace('heading,text', 'heading,body') + 'x,1\n'));
    expect(problems).toEqual([
      'extras: record 3: bare LF (records must end with CRLF)',
      'extras: header [card_id, position, heading, body] differs from the schema fields [card_id, position, heading, text]',
      'extras: row 3: 2 cells, expected 4',
      'extras: foreign key "card_id" -> cards: row 3 refers to ["x"], which does not exist',
    ]);
  });

  it('a file whose size or hash differs from the descriptor, or that is not UTF-8', () => {
    const edited = new Map<string, string | Uint8Array>(files);
    edited.set('extras.csv', files.get('extras.csv')!.replace('Note', 'Nota'));
    const latin1 = Buffer.from(files.get('budget-amounts.csv')!.replace(UTF8_BOM, ''), 'latin1');
    edited.set('budget-amounts.csv', latin1);
    const problems = checkDataPackage(edited);
    expect(problems).toContain('extras: sha256 hash differs from the declared one');
    expect(problems).toContain('budget-amounts: budget-amounts.csv is not valid UTF-8');
    expect(problems.some((p) => p.startsWith('budget-amounts: declared '))).toBe(true);
  });
});

describe('writeDataPackage', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the files to output/<name>/ and they check clean from disk', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pactes-package-'));
    const outDir = packageDirFor(path.join(dir, 'edition.json'));
    expect(outDir).toBe(path.join(dir, 'edition'));
    const written = await writeDataPackage(dataset, outDir);
    expect(written.map((p) => path.basename(p))).toEqual([...files.keys()]);
    expect(await readFile(path.join(outDir, 'cards.csv'), 'utf8')).toBe(files.get('cards.csv'));
    expect(await checkDataPackageDir(outDir)).toEqual([]);
  });

  it('derives a valid package name from any source file name', () => {
    expect(packageNameFor('Pactes Régionaux (2020).PDF')).toBe('pactes-regionaux-2020');
    expect(packageNameFor('....pdf')).toBe('pactes-regionaux-cards');
  });
});
