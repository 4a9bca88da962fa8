import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import type { LoadedDocument } from '../../src/model/text.ts';
import { cutPages, readEdition } from '../support/bad-pdfs.ts';

// PDF pages 11-16 of the edition: a divider page and the first card spreads.
let packed: Uint8Array;
let classic: Uint8Array;
let doc: LoadedDocument;
const progress: [number, number][] = [];

beforeAll(async () => {
  const edition = await readEdition();
  packed = await cutPages(edition, 11, 16);
  classic = await cutPages(edition, 11, 16, true);
  doc = await loadDocument(packed, { fileName: 'pages 11-16.pdf', onPage: (done, total) => progress.push([done, total]) });
});

describe('loading a good range of edition pages', () => {
  it('reads every page, in order, with its size, reporting progress', () => {
    expect(doc.pageCount).toBe(6);
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 6]));
    for (const p of doc.pages) {
      expect(p.width).toBeCloseTo(595, 0);
      expect(p.height).toBeCloseTo(842, 0);
    }
  });

  it('gives positioned items inside their page, top-left origin, with font size and weight', () => {
    const items = doc.pages.flatMap((p) => p.items.map((item) => ({ item, p })));
    expect(items.length).toBeGreaterThan(200);
    for (const { item, p } of items) {
      expect(item.page).toBe(p.page);
      expect(item.text).not.toBe('');
      const [x0, y0, x1, y1] = item.box;
      expect(x1).toBeGreaterThanOrEqual(x0);
      expect(y1).toBeGreaterThan(y0);
      expect(x0).toBeGreaterThanOrEqual(-1);
      expect(x1).toBeLessThanOrEqual(p.width + 1);
      expect(y0).toBeGreaterThanOrEqual(-1);
      expect(y1).toBeLessThanOrEqual(p.height + 1);
      expect(item.fontSize).toBeGreaterThan(0);
    }
    // Section headings are bold and come in reading order down the page (y grows downwards).
    const onPage = (text: string) => items.find(({ item }) => item.text === text)!.item;
    const objectives = onPage('OBJECTIFS');
    const plusValues = onPage('PLUS-VALUES');
    expect(objectives.bold).toBe(true);
    expect(plusValues.page).toBe(objectives.page);
    expect(objectives.box[3]).toBeLessThan(plusValues.box[1]);
    expect(items.some(({ item }) => !item.bold)).toBe(true);
  });

  it('reads the same text and geometry whether the file uses a cross-reference stream or a table', async () => {
    const fromTable = await loadDocument(classic, { fileName: 'pages 11-16 (table).pdf' });
    const strip = (d: LoadedDocument) => d.pages.map((p) => p.items.map(({ fontId: _, ...rest }) => rest));
    expect(strip(fromTable)).toEqual(strip(doc));
  });
});

describe('loading the pages a claim gives', () => {
  it('reads the spans in the order given, and stops at null', async () => {
    const spans = [{ first: 5, last: 6 }, { first: 2, last: 2 }];
    const part = await loadDocument(packed.slice(), { fileName: 'part.pdf', claimPages: () => spans.shift() ?? null });
    expect(part.pageCount).toBe(6);
    expect(part.pages.map((p) => p.page)).toEqual([5, 6, 2]);
    expect(part.pages[0]).toEqual(doc.pages[4]);
  });

  it('fails as a bug, not as a damaged PDF, on a span outside the document or a claim that throws', async () => {
    const outside = loadDocument(packed.slice(), { fileName: 'part.pdf', claimPages: () => ({ first: 5, last: 7 }) });
    await expect(outside).rejects.toThrow('pages 5–7 claimed of a 6-page document');
    await expect(outside).rejects.not.toHaveProperty('kind');
    const broken = loadDocument(packed.slice(), {
      fileName: 'part.pdf',
      claimPages: () => {
        throw new Error('the pool is gone');
      },
    });
    await expect(broken).rejects.toThrow('the pool is gone');
    await expect(broken).rejects.not.toHaveProperty('kind');
  });
});
