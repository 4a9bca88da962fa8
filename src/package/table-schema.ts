// Frictionless Table Schema and Data Package descriptors (v1), as far as this package uses them.
import type { Dataset } from '../validate/schema.ts';
import type { Cell } from './csv.ts';

export const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number | string;
  maximum?: number | string;
  pattern?: string;
  enum?: (string | number)[];
}

export interface FieldDescriptor {
  name: string;
  type: FieldType;
  format?: string;
  title?: string;
  description?: string;
  constraints?: FieldConstraints;
}

export interface ForeignKeyDescriptor {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

export interface TableSchemaDescriptor {
  fields: FieldDescriptor[];
  primaryKey?: string | string[];
  foreignKeys?: ForeignKeyDescriptor[];
  missingValues?: string[];
}

export interface CsvDialect {
  csvddfVersion: number;
  delimiter: string;
  lineTerminator: string;
  quoteChar: string;
  doubleQuote: boolean;
  header: boolean;
}

export interface ResourceDescriptor {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  dialect: CsvDialect;
  schema: TableSchemaDescriptor;
}

export interface PackageDescriptor {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  sources: { title: string; path?: string }[];
  resources: ResourceDescriptor[];
}

/** One column: its Table Schema field and how a row yields its cell. */
export interface Column<Row> {
  field: FieldDescriptor;
  value: (row: Row) => Cell;
}

export interface TableDefinition<Row> {
  name: string;
  title: string;
  description: string;
  columns: Column<Row>[];
  primaryKey: string[];
  foreignKeys: ForeignKeyDescriptor[];
  rows: (dataset: Dataset) => Row[];
}

/** A table with its row type erased, so tables of different rows can share one list. */
export interface Table {
  name: string;
  title: string;
  description: string;
  schema: TableSchemaDescriptor;
  header: string[];
  cells: (dataset: Dataset) => Cell[][];
}

export function defineTable<Row>(def: TableDefinition<Row>): Table {
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    header: def.columns.map((c) => c.field.name),
    schema: {
      fields: def.columns.map((c) => c.field),
      primaryKey: def.primaryKey,
      ...(def.foreignKeys.length > 0 ? { foreignKeys: def.foreignKeys } : {}),
      missingValues: [''],
    },
    cells: (dataset) => def.rows(dataset).map((row) => def.columns.map((c) => c.value(row))),
  };
}

export const asArray = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
