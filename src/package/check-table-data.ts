// A CSV file read against its Table Schema: header, types, constraints and primary key.
import { castValue, type Value } from './cast-value.ts';
import { parseCsv } from './csv.ts';
import { asArray, type FieldDescriptor, type TableSchemaDescriptor } from './table-schema.ts';

export type TypedRow = (Value | null)[];

export interface TableData {
  name: string;
  fieldNames: string[];
  rows: TypedRow[];
}

export interface ReadTableResult {
  table: TableData;
  problems: string[];
}

const MAX_PROBLEMS_PER_TABLE = 50;

export function readTable(name: string, schema: TableSchemaDescriptor, csvText: string): ReadTableResult {
  const problems: string[] = [];
  const report = (message: string) => {
    if (problems.length < MAX_PROBLEMS_PER_TABLE) problems.push(`${name}: ${message}`);
  };
  const parsed = parseCsv(csvText);
  parsed.problems.forEach(report);
  const fields = schema.fields;
  const fieldNames = fields.map((f) => f.name);
  const [header, ...records] = parsed.rows;
  if (!header) {
    report('no header row');
    return { table: { name, fieldNames, rows: [] }, problems };
  }
  if (header.join('\u0000') !== fieldNames.join('\u0000')) {
    report(`header [${header.join(', ')}] differs from the schema fields [${fieldNames.join(', ')}]`);
  }
  const missing = new Set(schema.missingValues ?? ['']);
  const rows: TypedRow[] = [];
  records.forEach((record, r) => {
    const at = `row ${r + 2}`;
    if (record.length !== fields.length) report(`${at}: ${record.length} cells, expected ${fields.length}`);
    rows.push(fields.map((field, c) => readCell(record[c] ?? '', field, missing, `${at}, ${field.name}`, report)));
  });
  checkUnique(fields, rows, report);
  checkPrimaryKey(schema, fieldNames, rows, report);
  return { table: { name, fieldNames, rows }, problems };
}

function readCell(text: string, field: FieldDescriptor, missing: Set<string>, at: string, report: (m: string) => void): Value | null {
  const c = field.constraints ?? {};
  if (missing.has(text)) {
    if (c.required) report(`${at}: a value is required`);
    return null;
  }
  const cast = castValue(text, field);
  if (!cast.ok) {
    report(`${at}: "${text}" ${cast.reason}`);
    return null;
  }
  const value = cast.value;
  if (c.enum && !c.enum.some((e) => sameValue(e, value, field))) report(`${at}: "${text}" is not one of ${JSON.stringify(c.enum)}`);
  if (c.minimum !== undefined && compare(value, c.minimum, field) < 0) report(`${at}: ${text} is below the minimum ${c.minimum}`);
  if (c.maximum !== undefined && compare(value, c.maximum, field) > 0) report(`${at}: ${text} is above the maximum ${c.maximum}`);
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(text)) report(`${at}: "${text}" does not match ${c.pattern}`);
  const length = [...text].length;
  if (c.minLength !== undefined && length < c.minLength) report(`${at}: shorter than ${c.minLength}`);
  if (c.maxLength !== undefined && length > c.maxLength) report(`${at}: longer than ${c.maxLength}`);
  return value;
}

function bound(limit: number | string, field: FieldDescriptor): Value | null {
  if (typeof limit === 'number') return limit;
  const cast = castValue(limit, field);
  return cast.ok ? cast.value : null;
}

function sameValue(expected: string | number, value: Value, field: FieldDescriptor): boolean {
  return bound(expected, field) === value;
}

function compare(value: Value, limit: number | string, field: FieldDescriptor): number {
  const b = bound(limit, field);
  if (b === null) return 0;
  if (typeof value === 'number' && typeof b === 'number') return value - b;
  return String(value) < String(b) ? -1 : String(value) > String(b) ? 1 : 0;
}

export const keyOf = (values: readonly (Value | null)[]) => JSON.stringify(values);

function checkUnique(fields: readonly FieldDescriptor[], rows: readonly TypedRow[], report: (m: string) => void): void {
  fields.forEach((field, c) => {
    if (!field.constraints?.unique) return;
    const seen = new Set<Value>();
    rows.forEach((row, r) => {
      const v = row[c];
      if (v === null || v === undefined) return;
      if (seen.has(v)) report(`row ${r + 2}, ${field.name}: "${String(v)}" is not unique`);
      seen.add(v);
    });
  });
}

function checkPrimaryKey(schema: TableSchemaDescriptor, fieldNames: readonly string[], rows: readonly TypedRow[], report: (m: string) => void): void {
  if (schema.primaryKey === undefined) return;
  const key = asArray(schema.primaryKey);
  const columns = key.map((k) => fieldNames.indexOf(k));
  if (columns.some((c) => c < 0)) return;
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    const values = columns.map((c) => row[c] ?? null);
    if (values.some((v) => v === null)) report(`row ${r + 2}: primary key [${key.join(', ')}] has an empty part`);
    const k = keyOf(values);
    if (seen.has(k)) report(`row ${r + 2}: primary key ${k} is not unique`);
    seen.add(k);
  });
}
