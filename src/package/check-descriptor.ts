// The rules of the Frictionless v1 profiles (tabular-data-package, tabular-data-resource, table-schema,
// csv-dialect) that a datapackage.json must satisfy, written out as code: no JSON Schema validator is installed.
import { asArray, FIELD_TYPES, type FieldDescriptor, type FieldType } from './table-schema.ts';

const NAME = /^([-a-z0-9._/])+$/;
const PATH = /^(?=^[^./~])(^((?!\.{2}).)*$).*$/;
const HASH = /^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$/;
const MEDIATYPE = /^(.+)\/(.+)$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

const FORMATS: Partial<Record<FieldType, (f: string) => boolean>> = {
  string: (f) => ['default', 'email', 'uri', 'binary', 'uuid'].includes(f),
  date: () => true,
  time: () => true,
  datetime: () => true,
  geopoint: (f) => ['default', 'array', 'object'].includes(f),
  geojson: (f) => ['default', 'topojson'].includes(f),
};

const CONSTRAINTS: Record<string, readonly string[]> = {
  string: ['required', 'unique', 'pattern', 'enum', 'minLength', 'maxLength'],
  number: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  integer: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  date: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  time: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  datetime: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  year: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  yearmonth: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  boolean: ['required', 'enum'],
  object: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
  array: ['required', 'unique', 'enum', 'minLength', 'maxLength'],
  duration: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  geopoint: ['required', 'unique', 'enum'],
  geojson: ['required', 'unique', 'enum'],
  any: ['required', 'unique', 'enum'],
};

/** Problems of a datapackage.json against the tabular-data-package profile, each prefixed with its JSON path. */
export function checkPackageDescriptor(descriptor: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(descriptor)) return ['$: the descriptor must be a JSON object'];
  if (descriptor.profile !== 'tabular-data-package') problems.push('$.profile: must be "tabular-data-package"');
  if (descriptor.name !== undefined && !(isString(descriptor.name) && NAME.test(descriptor.name))) {
    problems.push('$.name: must match ^([-a-z0-9._/])+$');
  }
  for (const key of ['id', 'title', 'description', 'version', 'image'] as const) {
    if (descriptor[key] !== undefined && !isString(descriptor[key])) problems.push(`$.${key}: must be a string`);
  }
  checkTitledList(descriptor, 'sources', problems);
  checkTitledList(descriptor, 'contributors', problems);
  if (descriptor.licenses !== undefined) {
    const list = descriptor.licenses;
    if (!Array.isArray(list) || list.length === 0) problems.push('$.licenses: must be a non-empty array');
    else list.forEach((l, i) => {
      if (!isObject(l) || (!isString(l.name) && !isString(l.path))) problems.push(`$.licenses[${i}]: needs a name or a path`);
    });
  }
  const resources = descriptor.resources;
  if (!Array.isArray(resources) || resources.length === 0) {
    problems.push('$.resources: must be a non-empty array');
    return problems;
  }
  const names = resources.map((r) => (isObject(r) ? r.name : undefined));
  resources.forEach((r, i) => problems.push(...checkResource(r, `$.resources[${i}]`, names)));
  const seen = new Set<unknown>();
  for (const name of names) {
    if (seen.has(name)) problems.push(`$.resources: the name "${String(name)}" is used twice`);
    seen.add(name);
  }
  return problems;
}

function checkTitledList(descriptor: Json, key: string, problems: string[]): void {
  const list = descriptor[key];
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(`$.${key}: must be an array`);
    return;
  }
  list.forEach((item, i) => {
    if (!isObject(item) || !isString(item.title)) problems.push(`$.${key}[${i}]: needs a string title`);
  });
}

function checkResource(resource: unknown, at: string, resourceNames: readonly unknown[]): string[] {
  if (!isObject(resource)) return [`${at}: must be an object`];
  const problems: string[] = [];
  if (resource.profile !== 'tabular-data-resource') problems.push(`${at}.profile: must be "tabular-data-resource"`);
  if (!(isString(resource.name) && NAME.test(resource.name))) problems.push(`${at}.name: required, must match ^([-a-z0-9._/])+$`);
  const hasPath = resource.path !== undefined;
  if (hasPath === (resource.data !== undefined)) problems.push(`${at}: needs exactly one of path and data`);
  if (hasPath) {
    const paths = Array.isArray(resource.path) ? resource.path : [resource.path];
    if (paths.length === 0 || !paths.every((p) => isString(p) && PATH.test(p))) {
      problems.push(`${at}.path: must be a relative POSIX path or URL (no leading ".", "/", "~", no "..")`);
    }
  }
  if (resource.mediatype !== undefined && !(isString(resource.mediatype) && MEDIATYPE.test(resource.mediatype))) {
    problems.push(`${at}.mediatype: must look like type/subtype`);
  }
  for (const key of ['title', 'description', 'format', 'encoding'] as const) {
    if (resource[key] !== undefined && !isString(resource[key])) problems.push(`${at}.${key}: must be a string`);
  }
  if (resource.bytes !== undefined && !Number.isInteger(resource.bytes)) problems.push(`${at}.bytes: must be an integer`);
  if (resource.hash !== undefined && !(isString(resource.hash) && HASH.test(resource.hash))) {
    problems.push(`${at}.hash: must be an MD5 hex digest or "<algorithm>:<hex digest>"`);
  }
  if (resource.dialect !== undefined) problems.push(...checkDialect(resource.dialect, `${at}.dialect`));
  if (resource.schema === undefined) problems.push(`${at}.schema: required`);
  else problems.push(...checkTableSchema(resource.schema, `${at}.schema`, resourceNames));
  return problems;
}

function checkDialect(dialect: unknown, at: string): string[] {
  if (!isObject(dialect)) return [`${at}: must be an object`];
  const problems: string[] = [];
  for (const key of ['delimiter', 'lineTerminator', 'quoteChar', 'escapeChar', 'nullSequence', 'commentChar']) {
    if (dialect[key] !== undefined && !isString(dialect[key])) problems.push(`${at}.${key}: must be a string`);
  }
  for (const key of ['doubleQuote', 'skipInitialSpace', 'header', 'caseSensitiveHeader']) {
    if (dialect[key] !== undefined && typeof dialect[key] !== 'boolean') problems.push(`${at}.${key}: must be a boolean`);
  }
  if (dialect.csvddfVersion !== undefined && typeof dialect.csvddfVersion !== 'number') problems.push(`${at}.csvddfVersion: must be a number`);
  if (isString(dialect.delimiter) && dialect.delimiter.length !== 1) problems.push(`${at}.delimiter: must be one character`);
  return problems;
}

/** Problems of a Table Schema; resourceNames are the package's resources, for foreign key references. */
export function checkTableSchema(schema: unknown, at: string, resourceNames: readonly unknown[]): string[] {
  if (!isObject(schema)) return [`${at}: must be an object (an inline Table Schema)`];
  const problems: string[] = [];
  const fields = schema.fields;
  if (!Array.isArray(fields) || fields.length === 0) return [`${at}.fields: must be a non-empty array`];
  fields.forEach((f, i) => problems.push(...checkField(f, `${at}.fields[${i}]`)));
  const names = fields.map((f) => (isObject(f) ? f.name : undefined));
  if (new Set(names).size !== names.length) problems.push(`${at}.fields: field names must be unique`);
  if (schema.primaryKey !== undefined) problems.push(...checkKeyFields(schema.primaryKey, names, `${at}.primaryKey`));
  if (schema.missingValues !== undefined && !(Array.isArray(schema.missingValues) && schema.missingValues.every(isString))) {
    problems.push(`${at}.missingValues: must be an array of strings`);
  }
  if (schema.foreignKeys !== undefined) {
    if (!Array.isArray(schema.foreignKeys)) problems.push(`${at}.foreignKeys: must be an array`);
    else schema.foreignKeys.forEach((fk, i) => problems.push(...checkForeignKey(fk, names, resourceNames, `${at}.foreignKeys[${i}]`)));
  }
  return problems;
}

function checkField(field: unknown, at: string): string[] {
  if (!isObject(field)) return [`${at}: must be an object`];
  const problems: string[] = [];
  if (!isString(field.name) || field.name === '') problems.push(`${at}.name: required, a non-empty string`);
  const type = (field.type ?? 'string') as FieldType;
  if (!FIELD_TYPES.includes(type)) return [...problems, `${at}.type: "${String(field.type)}" is not a Table Schema type`];
  if (field.format !== undefined) {
    const accepts = FORMATS[type] ?? ((f: string) => f === 'default');
    if (!isString(field.format) || !accepts(field.format)) problems.push(`${at}.format: "${String(field.format)}" is not a format of type ${type}`);
  }
  if (field.constraints !== undefined) problems.push(...checkConstraints(field as unknown as FieldDescriptor, type, `${at}.constraints`));
  return problems;
}

function checkConstraints(field: FieldDescriptor, type: FieldType, at: string): string[] {
  const constraints: unknown = field.constraints;
  if (!isObject(constraints)) return [`${at}: must be an object`];
  const problems: string[] = [];
  const allowed = CONSTRAINTS[type] ?? [];
  for (const [key, value] of Object.entries(constraints)) {
    if (!allowed.includes(key)) problems.push(`${at}.${key}: not a constraint of type ${type}`);
    else if ((key === 'required' || key === 'unique') && typeof value !== 'boolean') problems.push(`${at}.${key}: must be a boolean`);
    else if ((key === 'minLength' || key === 'maxLength') && !Number.isInteger(value)) problems.push(`${at}.${key}: must be an integer`);
    else if (key === 'enum' && !(Array.isArray(value) && value.length > 0)) problems.push(`${at}.enum: must be a non-empty array`);
    else if (key === 'pattern' && !isValidPattern(value)) problems.push(`${at}.pattern: not a valid regular expression`);
  }
  return problems;
}

function isValidPattern(value: unknown): boolean {
  if (!isString(value)) return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

function checkKeyFields(key: unknown, fieldNames: readonly unknown[], at: string): string[] {
  const list = isString(key) ? [key] : key;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isString)) return [`${at}: must be a field name or a non-empty array of them`];
  return list.filter((name) => !fieldNames.includes(name)).map((name) => `${at}: "${name}" is not a field of this schema`);
}

function checkForeignKey(fk: unknown, fieldNames: readonly unknown[], resourceNames: readonly unknown[], at: string): string[] {
  if (!isObject(fk) || !isObject(fk.reference)) return [`${at}: needs fields and a reference {resource, fields}`];
  const problems = checkKeyFields(fk.fields, fieldNames, `${at}.fields`);
  const { resource, fields } = fk.reference;
  if (!isString(resource)) problems.push(`${at}.reference.resource: must be a string ("" for this resource)`);
  else if (resource !== '' && !resourceNames.includes(resource)) problems.push(`${at}.reference.resource: no resource named "${resource}"`);
  const local = isString(fk.fields) || Array.isArray(fk.fields) ? asArray(fk.fields as string | string[]) : [];
  const remote = isString(fields) || Array.isArray(fields) ? asArray(fields as string | string[]) : null;
  if (!remote || !remote.every(isString)) problems.push(`${at}.reference.fields: must be a field name or an array of them`);
  else if (remote.length !== local.length) problems.push(`${at}: fields and reference.fields differ in length`);
  return problems;
}
