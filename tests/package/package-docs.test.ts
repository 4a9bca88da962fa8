import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_TABLES } from '../../src/package/build-data-package.ts';

const doc = readFileSync('docs/package.md', 'utf8');

describe('docs/package.md', () => {
  it.each(PACKAGE_TABLES.map((t) => [t.name, t] as const))('documents every column of %s.csv with its type', (name, table) => {
    const section = doc.split(`### ${name}.csv`)[1]?.split('\n### ')[0];
    expect(section, `no "### ${name}.csv" section`).toBeDefined();
    const documented = [...section!.matchAll(/^\| `([a-z_]+)` \| (\w+) \|/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(documented).toEqual(table.schema.fields.map((f) => `${f.name}:${f.type}`));
  });
});
