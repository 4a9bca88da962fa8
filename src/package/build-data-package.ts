// The dataset as a Frictionless Tabular Data Package: one CSV per table and a datapackage.json describing them.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../validate/schema.ts';
import { formatCsv } from './csv.ts';
import type { CsvDialect, PackageDescriptor, ResourceDescriptor, Table } from './table-schema.ts';
import { cardsTable } from './tables/cards-table.ts';
import {
  beneficiaryNumbersTable,
  blocksTable,
  budgetAmountsTable,
  calendarTable,
  contactsTable,
  extrasTable,
  keyFiguresTable,
} from './tables/card-item-tables.ts';
import { diagnosticsTable } from './tables/diagnostics-table.ts';

export const PACKAGE_TABLES: readonly Table[] = [
  cardsTable,
  blocksTable,
  contactsTable,
  calendarTable,
  keyFiguresTable,
  budgetAmountsTable,
  beneficiaryNumbersTable,
  extrasTable,
  diagnosticsTable,
];

export const DESCRIPTOR_FILE = 'datapackage.json';

export const CSV_DIALECT: CsvDialect = {
  csvddfVersion: 1.2,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
};

export interface DataPackageOptions {
  /** Start each CSV with a UTF-8 byte order mark so Excel shows accents (default true). */
  bom?: boolean;
}

/** Every file of the package, by file name, in a stable order (the CSVs, then datapackage.json). */
export function buildDataPackage(dataset: Dataset, options: DataPackageOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const resources: ResourceDescriptor[] = [];
  for (const table of PACKAGE_TABLES) {
    const fileName = `${table.name}.csv`;
    const csv = formatCsv(table.header, table.cells(dataset), options);
    files.set(fileName, csv);
    resources.push(describeResource(table, fileName, csv));
  }
  files.set(DESCRIPTOR_FILE, JSON.stringify(describePackage(dataset, resources), null, 2) + '\n');
  return files;
}

/** Writes the package into outDir (created if needed), each file atomically; returns the paths written. */
export async function writeDataPackage(dataset: Dataset, outDir: string, options: DataPackageOptions = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [fileName, content] of buildDataPackage(dataset, options)) {
    const target = path.join(outDir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
    written.push(target);
  }
  return written;
}

/** output/<name>.json -> output/<name>/ */
export function packageDirFor(datasetPath: string): string {
  const dir = path.dirname(datasetPath);
  return path.join(dir, path.basename(datasetPath, path.extname(datasetPath)));
}

/** A Data Package name (lower case, digits, "-", "_", ".") from the source file name. */
export function packageNameFor(sourceFile: string): string {
  const base = path.basename(sourceFile).replace(/\.pdf$/i, '');
  const name = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return name === '' ? 'pactes-regionaux-cards' : name;
}

function describeResource(table: Table, fileName: string, csv: string): ResourceDescriptor {
  const bytes = Buffer.from(csv, 'utf8');
  return {
    profile: 'tabular-data-resource',
    name: table.name,
    path: fileName,
    title: table.title,
    description: table.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: bytes.length,
    hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    dialect: CSV_DIALECT,
    schema: table.schema,
  };
}

function describePackage(dataset: Dataset, resources: ResourceDescriptor[]): PackageDescriptor {
  const { source, edition } = dataset;
  const date = edition.date ? ` (${edition.date})` : '';
  return {
    profile: 'tabular-data-package',
    name: packageNameFor(source.file),
    title: `${edition.title}${date}`,
    description:
      `The ${dataset.cards.length} action cards of « ${edition.title} »${date}, extracted from ${source.file} ` +
      `(sha256 ${source.sha256}, ${source.pageCount} pages) with dataset schema ${dataset.schemaVersion}. ` +
      'CSV files are RFC 4180, UTF-8 with a byte order mark (for Excel); an empty cell means no value.',
    sources: [{ title: source.title ?? source.file }],
    resources,
  };
}
