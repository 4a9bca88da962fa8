import { beforeAll, describe, expect, it } from 'vitest';
import { findSignatureProblem, findStructureProblem } from '../../src/load/check-structure.ts';
import { cutPages, fromLatin1, latin1, makeEmpty, makeNotPdf, readEdition, truncate } from '../support/bad-pdfs.ts';

let edition: Uint8Array;
let packed: Uint8Array;
let classic: Uint8Array;

beforeAll(async () => {
  edition = await readEdition();
  packed = await cutPages(edition, 11, 12);
  classic = await cutPages(edition, 11, 12, true);
});

/** Every in-use offset of the classic table moved by `delta` bytes. */
function shiftOffsets(pdf: Uint8Array, delta: number): Uint8Array {
  return fromLatin1(latin1(pdf).replace(/(\d{10}) (\d{5}) n/g, (_, o: string, g: string) => `${String(Number(o) + delta).padStart(10, '0')} ${g} n`));
}

/** An incremental update: a new Info object and a cross-reference section that chains to the old one. */
function appendUpdate(pdf: Uint8Array, prev: number | null): Uint8Array {
  const text = latin1(pdf);
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const oldXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const objectAt = text.length;
  const object = `${size} 0 obj\n<< /Title (Mise a jour) >>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update = [
    'xref',
    `${size} 1`,
    `${String(objectAt).padStart(10, '0')} 00000 n\r`,
    'trailer',
    `<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev ?? oldXref} >>`,
    'startxref',
    String(xrefAt),
    '%%EOF',
    '',
  ].join('\n');
  return fromLatin1(text + object + update);
}

describe('findSignatureProblem', () => {
  it('tells an empty file from a file that is not a PDF', () => {
    expect(findSignatureProblem(makeEmpty())?.kind).toBe('empty');
    expect(findSignatureProblem(makeNotPdf())?.kind).toBe('not-pdf');
    expect(findSignatureProblem(classic)).toBeNull();
  });
});

describe('findStructureProblem', () => {
  it('accepts the edition (cross-reference stream with a PNG predictor) and pdf-lib output of both kinds', () => {
    expect(findStructureProblem(edition)).toBeNull();
    expect(findStructureProblem(packed)).toBeNull();
    expect(findStructureProblem(classic)).toBeNull();
  });

  it('tolerates offsets a few bytes off, as careless writers produce them', () => {
    expect(findStructureProblem(shiftOffsets(classic, -2))).toBeNull();
    expect(findStructureProblem(shiftOffsets(classic, 3))).toBeNull();
    expect(findStructureProblem(shiftOffsets(classic, 40))).toMatch(/cross-reference table is corrupted \(object \d+ 0 is not at byte/);
  });

  it('follows an incremental update to the section it chains to, and rejects a broken chain', () => {
    expect(findStructureProblem(appendUpdate(classic, null))).toBeNull();
    expect(findStructureProblem(appendUpdate(classic, 25))).toMatch(/byte 25 holds neither a table nor a cross-reference stream/);
  });

  it('tolerates junk after %%EOF but not an update cut short', () => {
    const junk = fromLatin1(`${latin1(classic)}\n${'\0'.repeat(5000)}`);
    expect(findStructureProblem(junk)).toBeNull();
    const updated = appendUpdate(classic, null);
    expect(findStructureProblem(updated.slice(0, classic.length + 30))).toMatch(/ends in the middle of an update/);
  });

  it('says a file cut short is truncated', () => {
    expect(findStructureProblem(truncate(packed, 0.7))).toMatch(/truncated \(it has no %%EOF/);
  });

  it('rejects a subsection that claims more entries than the file can hold', () => {
    const text = latin1(classic);
    const head = /\nxref\s+0 (\d+)/.exec(text)!;
    const inflated = text.replace(head[0], head[0].replace(/0 \d+$/, '0 999999999'));
    expect(findStructureProblem(fromLatin1(inflated))).toMatch(/claims 999999999 entries/);
  });

  it('rejects a startxref that is missing or points past the end', () => {
    const text = latin1(classic);
    expect(findStructureProblem(fromLatin1(text.replace(/startxref\s+\d+/, 'startxxxx')))).toMatch(/no startxref/);
    expect(findStructureProblem(fromLatin1(text.replace(/startxref\s+\d+/, 'startxref\n99999999')))).toMatch(/past the end of the file/);
  });
});
