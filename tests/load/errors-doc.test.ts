import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { INPUT_ERROR_KINDS, InputError } from '../../src/model/errors.ts';
import { makeEmpty, makeEncrypted, makeNotPdf, readEdition, truncate } from '../support/bad-pdfs.ts';

const readDoc = () => readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it('gives every input error kind with its exit code', async () => {
    const doc = await readDoc();
    const documented = new Map([...doc.matchAll(/\| (\d+) `([a-z-]+)` \|/g)].map((m) => [m[2]!, Number(m[1])]));
    expect(Object.fromEntries(documented)).toEqual(INPUT_ERROR_KINDS);
  });

  it('quotes the load stage messages as they are', async () => {
    const doc = await readDoc();
    const locked = makeEncrypted({ userPassword: 'pw', ownerPassword: 'o', revision: 3, text: 't', title: 't' });
    const cases: [Uint8Array, string?][] = [[makeNotPdf()], [makeEmpty()], [truncate(await readEdition(), 0.4)], [locked], [locked, 'wrong']];
    for (const [data, password] of cases) {
      const error = await loadDocument(data, { fileName: 'FILE', ...(password ? { password } : {}) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(doc).toContain(`\`${(error as InputError).message.replace(/^FILE/, '<file>')}`);
    }
  });
});
