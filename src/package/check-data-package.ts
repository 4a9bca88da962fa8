// Validates a whole data package: descriptor profile, each file's size, hash and encoding, each table
// against its schema, and foreign keys across tables.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DESCRIPTOR_FILE } from './build-data-package.ts';
import { checkPackageDescriptor } from './check-descriptor.ts';
import { keyOf, readTable, type TableData } from './check-table-data.ts';
import { asArray, type ForeignKeyDescriptor, type ResourceDescriptor } from './table-schema.ts';

export type PackageFiles = ReadonlyMap<string, string | Uint8Array>;

/** Every problem found, as "where: what"; an empty list means the package is valid. */
export function checkDataPackage(files: PackageFiles): string[] {
  const descriptorFile = files.get(DESCRIPTOR_FILE);
  if (descriptorFile === undefined) return [`${DESCRIPTOR_FILE}: missing`];
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(toText(descriptorFile));
  } catch (error) {
    return [`${DESCRIPTOR_FILE}: not JSON (${error instanceof Error ? error.message : String(error)})`];
  }
  const problems = checkPackageDescriptor(descriptor);
  if (problems.length > 0) return problems;
  const resources = (descriptor as { resources: ResourceDescriptor[] }).resources;
  const tables = new Map<string, TableData>();
  for (const resource of resources) {
    if (typeof resource.path !== 'string') {
      problems.push(`${resource.name}: only resources with one local path are checked`);
      continue;
    }
    const content = files.get(resource.path);
    if (content === undefined) {
      problems.push(`${resource.name}: file ${resource.path} is missing`);
      continue;
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    problems.push(...checkBytes(resource, bytes));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${resource.name}: ${resource.path} is not valid UTF-8`);
      continue;
    }
    const { table, problems: tableProblems } = readTable(resource.name, resource.schema, text);
    problems.push(...tableProblems);
    tables.set(resource.name, table);
  }
  for (const resource of resources) {
    const table = tables.get(resource.name);
    if (!table) continue;
    for (const fk of resource.schema.foreignKeys ?? []) problems.push(...checkForeignKey(table, fk, tables));
  }
  return problems;
}

export async function checkDataPackageDir(dir: string): Promise<string[]> {
  const files = new Map<string, Uint8Array>();
  const descriptorPath = path.join(dir, DESCRIPTOR_FILE);
  let descriptorBytes: Uint8Array;
  try {
    descriptorBytes = await readFile(descriptorPath);
  } catch {
    return [`${DESCRIPTOR_FILE}: missing in ${dir}`];
  }
  files.set(DESCRIPTOR_FILE, descriptorBytes);
  try {
    const { resources } = JSON.parse(toText(descriptorBytes)) as { resources?: { path?: unknown }[] };
    for (const r of resources ?? []) {
      if (typeof r.path !== 'string' || files.has(r.path)) continue;
      try {
        files.set(r.path, await readFile(path.join(dir, r.path)));
      } catch {
        // reported by checkDataPackage as a missing file
      }
    }
  } catch {
    // reported by checkDataPackage
  }
  return checkDataPackage(files);
}

function toText(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
}

function checkBytes(resource: ResourceDescriptor, bytes: Uint8Array): string[] {
  const problems: string[] = [];
  if (resource.bytes !== undefined && resource.bytes !== bytes.length) {
    problems.push(`${resource.name}: declared ${resource.bytes} bytes, file has ${bytes.length}`);
  }
  if (resource.hash) {
    const [algorithm, digest] = resource.hash.includes(':') ? resource.hash.split(':') : ['md5', resource.hash];
    let actual: string;
    try {
      actual = createHash(algorithm!).update(bytes).digest('hex');
    } catch {
      return [...problems, `${resource.name}: unknown hash algorithm "${algorithm}"`];
    }
    if (actual !== digest!.toLowerCase()) problems.push(`${resource.name}: ${algorithm} hash differs from the declared one`);
  }
  return problems;
}

function checkForeignKey(table: TableData, fk: ForeignKeyDescriptor, tables: ReadonlyMap<string, TableData>): string[] {
  const target = fk.reference.resource === '' ? table : tables.get(fk.reference.resource);
  const at = `${table.name}: foreign key ${JSON.stringify(fk.fields)} -> ${fk.reference.resource}`;
  if (!target) return [`${at}: the referenced resource could not be read`];
  const localCols = asArray(fk.fields).map((f) => table.fieldNames.indexOf(f));
  const remoteCols = asArray(fk.reference.fields).map((f) => target.fieldNames.indexOf(f));
  if (localCols.some((c) => c < 0) || remoteCols.some((c) => c < 0)) return [`${at}: names a field that does not exist`];
  const known = new Set(target.rows.map((row) => keyOf(remoteCols.map((c) => row[c] ?? null))));
  const problems: string[] = [];
  table.rows.forEach((row, r) => {
    const values = localCols.map((c) => row[c] ?? null);
    // A reference with an empty part points nowhere, which the spec allows (e.g. a diagnostic about no card).
    if (values.some((v) => v === null)) return;
    if (!known.has(keyOf(values)) && problems.length < 50) problems.push(`${at}: row ${r + 2} refers to ${keyOf(values)}, which does not exist`);
  });
  return problems;
}
