import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { assertHasTextLayer, MIN_CHARACTERS_PER_TEXT_PAGE } from '../../src/load/text-layer.ts';
import { InputError } from '../../src/model/errors.ts';
import type { LoadedDocument, PageText } from '../../src/model/text.ts';
import { makeOtherPublication, makeScannedLike } from '../support/bad-pdfs.ts';

function page(n: number, text: string): PageText {
  const items = text === '' ? [] : [{ text, page: n, box: [10, 10, 100, 20] as [number, number, number, number], fontSize: 10, fontId: 'f1', bold: false, italic: false }];
  return { page: n, width: 595, height: 842, items };
}

function documentOf(texts: string[]): LoadedDocument {
  return { pageCount: texts.length, title: null, pages: texts.map((t, i) => page(i + 1, t)) };
}

const paragraph = 'Présentation du projet et de ses objectifs'; // well over the per-page minimum

describe('assertHasTextLayer', () => {
  it('rejects a scanned-like PDF (images, no text) with no-text, saying OCR is needed', async () => {
    const doc = await loadDocument(await makeScannedLike(3), { fileName: 'scan 2020.pdf' });
    expect(doc.pageCount).toBe(3);
    let error: unknown;
    try {
      assertHasTextLayer(doc, 'scan 2020.pdf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBe('no-text');
    expect((error as InputError).message).toBe('scan 2020.pdf: no text layer (scanned pages?) — OCR is needed: 0 of 3 pages have text');
  });

  it('lets a text PDF through, even one of another publication (that is for the segment stage to tell)', async () => {
    const doc = await loadDocument(await makeOtherPublication(), { fileName: 'rapport.pdf' });
    expect(() => assertHasTextLayer(doc, 'rapport.pdf')).not.toThrow();
  });

  it('does not count page numbers or stamps as a text layer', () => {
    const stamps = documentOf(['12', '13', 'Scan 2020-01-14', '15']);
    expect(() => assertHasTextLayer(stamps, 'x.pdf')).toThrow(/0 of 4 pages have text/);
    expect(() => assertHasTextLayer(documentOf(['x '.repeat(MIN_CHARACTERS_PER_TEXT_PAGE - 1)]), 'x.pdf')).toThrow(/no text layer/);
    expect(() => assertHasTextLayer(documentOf(['x'.repeat(MIN_CHARACTERS_PER_TEXT_PAGE)]), 'x.pdf')).not.toThrow();
  });

  it('takes a mostly scanned file for a scan, and a file with some image-only pages for a text file', () => {
    const mostlyScanned = documentOf([paragraph, ...Array<string>(19).fill('')]);
    expect(() => assertHasTextLayer(mostlyScanned, 'x.pdf')).toThrow(/1 of 20 pages have text/);
    const someImagePages = documentOf([paragraph, paragraph, ...Array<string>(8).fill('')]);
    expect(() => assertHasTextLayer(someImagePages, 'x.pdf')).not.toThrow();
  });
});
