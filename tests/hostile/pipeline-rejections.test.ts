// The rejections a user meets through the pipeline entry: each is an InputError naming the file, on one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, type InputErrorKind } from '../../src/model/errors.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import {
  corruptXrefOffsets,
  cutPages,
  makeEmpty,
  makeEncrypted,
  makeNotPdf,
  makeOtherPublication,
  makeScannedLike,
  readEdition,
  truncate,
} from '../support/bad-pdfs.ts';

async function rejectionOf(data: Uint8Array, fileName: string, password?: string): Promise<InputError> {
  try {
    await extractEdition(data, { fileName, ...(password ? { password } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`${fileName} was processed, a rejection was expected`);
}

function expectRejection(error: InputError, fileName: string, kind: InputErrorKind, reason: RegExp): void {
  expect(error.kind).toBe(kind);
  expect(error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(reason);
}

let edition: Uint8Array;

beforeAll(async () => {
  edition = await readEdition();
});

describe('extractEdition on input it cannot use', () => {
  it('says a PDF of another publication is not the catalogue instead of producing an empty dataset', async () => {
    const error = await rejectionOf(await makeOtherPublication(), 'rapport annuel.pdf');
    expectRejection(error, 'rapport annuel.pdf', 'not-catalogue', /no action card found/);
  });

  it('says so too for the front matter of the catalogue alone: a table of contents but no card', async () => {
    const error = await rejectionOf(await cutPages(edition, 1, 10), 'sommaire seul.pdf');
    expectRejection(error, 'sommaire seul.pdf', 'not-catalogue', /no action card found \([1-9]\d* table-of-contents entries\)/);
  });

  it('says a scanned PDF needs OCR', async () => {
    const error = await rejectionOf(await makeScannedLike(4), 'numérisé.pdf');
    expectRejection(error, 'numérisé.pdf', 'no-text', /no text layer.*OCR/);
  });

  it('passes the load stage rejections through unchanged', async () => {
    const classic = await cutPages(edition, 11, 12, true);
    const locked = makeEncrypted({ userPassword: 'pw', ownerPassword: 'owner', revision: 3, text: 'x', title: 'y' });
    const cases: [Uint8Array, string, InputErrorKind, RegExp, string?][] = [
      [makeNotPdf(), 'notes.pdf', 'not-pdf', /not a PDF/],
      [makeEmpty(), 'vide.pdf', 'empty', /empty/],
      [truncate(edition, 0.4), 'coupé.pdf', 'damaged', /truncated/],
      [corruptXrefOffsets(classic), 'xref.pdf', 'damaged', /cross-reference table is corrupted/],
      [locked, 'protégé.pdf', 'password', /password-protected/],
      [locked, 'protégé.pdf', 'password', /password given with --password is wrong/, 'nope'],
    ];
    for (const [data, fileName, kind, reason, password] of cases) {
      expectRejection(await rejectionOf(data, fileName, password), fileName, kind, reason);
    }
  });
});
