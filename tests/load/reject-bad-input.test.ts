import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, type LoadOptions } from '../../src/load/load-document.ts';
import { InputError, INPUT_ERROR_KINDS, type InputErrorKind } from '../../src/model/errors.ts';
import {
  corruptXrefOffsets,
  cutPages,
  makeEmpty,
  makeEncrypted,
  makeNotPdf,
  misplaceStartxref,
  readEdition,
  truncate,
} from '../support/bad-pdfs.ts';

let edition: Uint8Array;
let classicPages: Uint8Array;

beforeAll(async () => {
  edition = await readEdition();
  classicPages = await cutPages(edition, 11, 12, true);
});

/** Loads and returns the InputError it must reject with (fails the test on success or on another error). */
async function rejection(data: Uint8Array, options: Partial<LoadOptions> & { fileName: string }): Promise<InputError> {
  try {
    await loadDocument(data, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`${options.fileName} loaded, a rejection was expected`);
}

function expectOneLineAbout(error: InputError, fileName: string, kind: InputErrorKind, reason: RegExp): void {
  expect(error.kind).toBe(kind);
  expect(error.exitCode).toBe(INPUT_ERROR_KINDS[kind]);
  expect(error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(reason);
}

describe('files that are not PDFs', () => {
  it('rejects a text file renamed .pdf as not-pdf', async () => {
    const error = await rejection(makeNotPdf(), { fileName: 'notes.pdf' });
    expectOneLineAbout(error, 'notes.pdf', 'not-pdf', /not a PDF/);
  });

  it('rejects an empty file as empty', async () => {
    const error = await rejection(makeEmpty(), { fileName: 'empty.pdf' });
    expectOneLineAbout(error, 'empty.pdf', 'empty', /empty \(0 bytes\)/);
  });

  it('accepts a header after a little leading junk, as readers do', async () => {
    const junk = new TextEncoder().encode('junk before the header\n');
    const shifted = new Uint8Array(junk.length + classicPages.length);
    shifted.set(junk);
    shifted.set(classicPages, junk.length);
    const doc = await loadDocument(shifted, { fileName: 'shifted.pdf' });
    expect(doc.pageCount).toBe(2);
  });
});

describe('damaged PDFs', () => {
  it('rejects the edition cut at 40 % as damaged (truncated)', async () => {
    const error = await rejection(truncate(edition, 0.4), { fileName: 'cut.pdf' });
    expectOneLineAbout(error, 'cut.pdf', 'damaged', /truncated/);
  });

  it('rejects overwritten cross-reference offsets as damaged, naming the first bad object', async () => {
    const error = await rejection(corruptXrefOffsets(classicPages), { fileName: 'xref.pdf' });
    expectOneLineAbout(error, 'xref.pdf', 'damaged', /cross-reference table is corrupted \(object \d+ 0 is not at byte \d+/);
  });

  it('rejects a startxref that points into the middle of the file (cross-reference stream edition)', async () => {
    const error = await rejection(misplaceStartxref(edition), { fileName: 'startxref.pdf' });
    expectOneLineAbout(error, 'startxref.pdf', 'damaged', /cross-reference table is corrupted/);
  });

  it('rejects a cross-reference stream whose data is garbled', async () => {
    const text = Buffer.from(edition).toString('latin1');
    const xref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
    const data = text.indexOf('stream', xref) + 7;
    const garbled = edition.slice();
    garbled.fill(0x41, data, data + 40);
    const error = await rejection(garbled, { fileName: 'garbled.pdf' });
    expectOneLineAbout(error, 'garbled.pdf', 'damaged', /cross-reference stream .* cannot be decompressed/);
  });
});

describe('password-protected PDFs', () => {
  for (const revision of [2, 3] as const) {
    const bits = revision === 2 ? 40 : 128;
    const locked = () => makeEncrypted({ userPassword: 'sésame', ownerPassword: 'owner', revision, text: 'Texte protege', title: 'Titre protégé' });

    it(`asks for the password of an RC4 ${bits}-bit file`, async () => {
      const error = await rejection(locked(), { fileName: 'locked.pdf' });
      expectOneLineAbout(error, 'locked.pdf', 'password', /password-protected; give its password with --password/);
    });

    it(`says a wrong password is wrong (RC4 ${bits}-bit)`, async () => {
      const error = await rejection(locked(), { fileName: 'locked.pdf', password: 'sesame' });
      expectOneLineAbout(error, 'locked.pdf', 'password', /password given with --password is wrong/);
    });

    it(`opens the file with the right user or owner password (RC4 ${bits}-bit)`, async () => {
      for (const password of ['sésame', 'owner']) {
        const doc = await loadDocument(locked(), { fileName: 'locked.pdf', password });
        expect(doc.title).toBe('Titre protégé');
        expect(doc.pages[0]!.items.map((i) => i.text).join('')).toBe('Texte protege');
      }
    });
  }

  it('opens a file encrypted only for permissions (empty user password) without asking', async () => {
    const data = makeEncrypted({ userPassword: '', ownerPassword: 'owner', revision: 3, text: 'Lecture libre', title: 'Libre' });
    const doc = await loadDocument(data, { fileName: 'permissions.pdf' });
    expect(doc.pages[0]!.items.map((i) => i.text).join('')).toBe('Lecture libre');
  });
});

describe('file names in messages', () => {
  it('keeps spaces and non-ASCII letters of the file name as they are', async () => {
    const name = 'Éditions 2020/pactes régionaux – été ÆØÅ 日本.pdf';
    const error = await rejection(makeNotPdf(), { fileName: name });
    expectOneLineAbout(error, name, 'not-pdf', /not a PDF/);
  });

  it('escapes control characters so the message stays on one line', async () => {
    const error = await rejection(makeEmpty(), { fileName: 'two\nlines\t.pdf' });
    expect(error.message).toBe('two\\x0alines\\x09.pdf: the file is empty (0 bytes)');
  });

  it('loads a good file whatever its name', async () => {
    const doc = await loadDocument(classicPages, { fileName: 'dossier partagé/Pactes régionaux (copie).pdf' });
    expect(doc.pageCount).toBe(2);
  });
});

describe('time limits', () => {
  it('rejects with timeout when the signal is already aborted', async () => {
    const error = await rejection(classicPages, { fileName: 'late.pdf', signal: AbortSignal.abort() });
    expectOneLineAbout(error, 'late.pdf', 'timeout', /stopped/);
  });

  // Counted in pages, not milliseconds, so that a slow machine reads the same thing as a fast one.
  it('stops the whole edition at its time limit: no page is read after it', async () => {
    const limit = new AbortController();
    let readAfterLimit = 0;
    const onPage = (done: number) => {
      if (limit.signal.aborted) readAfterLimit++;
      if (done === 20) limit.abort(timeLimitReached());
    };
    const error = await rejection(edition, { fileName: 'edition.pdf', signal: limit.signal, onPage });
    expectOneLineAbout(error, 'edition.pdf', 'timeout', /time limit was reached/);
    expect(readAfterLimit).toBe(0);
  });

  // pdfjs leaves a document that is still opening pending for ever when it is torn down: the abort
  // must release the caller whatever pdfjs is doing at that moment.
  // The moments are events of the load (event-loop turns while the document opens, pages read),
  // not milliseconds, so a slow machine tries the same moments as a fast one.
  it('settles whatever moment the time limit falls on', async () => {
    const moments: { name: string; arm: (abort: () => void) => LoadOptions['onPage'] }[] = [
      { name: 'in the same turn as the call', arm: (abort) => (abort(), undefined) },
      ...[1, 2, 4, 8, 16, 32, 64].map((turns) => ({ name: `${turns} turns into opening`, arm: (abort: () => void) => (afterTurns(turns, abort), undefined) })),
      ...[1, 2, 30].map((page) => ({ name: `as page ${page} is done`, arm: (abort: () => void) => (done: number) => void (done === page && abort()) })),
      ...[1, 2, 30].map((page) => ({ name: `while page ${page + 1} is read`, arm: (abort: () => void) => (done: number) => void (done === page && setImmediate(abort)) })),
    ];
    for (const moment of moments) {
      const limit = new AbortController();
      let onPage: LoadOptions['onPage'];
      const run = loadDocument(edition, { fileName: 'edition.pdf', signal: limit.signal, onPage: (done, total, page) => onPage?.(done, total, page) });
      onPage = moment.arm(() => limit.abort(timeLimitReached()));
      const settled = await Promise.race([
        run.then(
          () => 'loaded',
          (error: unknown) => (error instanceof InputError ? error.kind : 'other error'),
        ),
        // Generous: only a load that never settles gets here.
        new Promise((resolve) => setTimeout(resolve, 20_000, 'still pending')),
      ]);
      expect([moment.name, settled]).toEqual([moment.name, 'timeout']);
    }
  });
});

/** The reason AbortSignal.timeout gives, raised at a moment the test chooses. */
function timeLimitReached(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/** Calls `then` after this many turns of the event loop. */
function afterTurns(turns: number, then: () => void): void {
  if (turns === 0) then();
  else setImmediate(() => afterTurns(turns - 1, then));
}
