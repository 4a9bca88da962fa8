// The fixture cutter and the synthetic edition variants: page counts and sizes (pdf-lib),
// and text still extractable by our load stage at the expected, transformed positions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../src/load/load-document.ts';
import type { Box } from '../src/model/geometry.ts';
import type { PageText } from '../src/model/text.ts';
import { cutPages } from '../scripts/lib/cut-pages.ts';
import { makeRescaled, makeShifted, makeSpread } from './support/make-variants.ts';

const EDITION = join(import.meta.dirname, '..', 'input', 'pactes-regionaux-innovation-en-actions-2020-01.pdf');
// Two cards of the 2020 edition: PDF pages 12-13 and 14-15.
const CARD_PAGES = [12, 13, 14, 15];

let edition: Uint8Array;
let cardPages: PageText[];

beforeAll(async () => {
  edition = new Uint8Array(readFileSync(EDITION));
  const cut = await cutPages(edition, CARD_PAGES);
  cardPages = (await loadDocument(cut, { fileName: 'cut.pdf' })).pages;
});

async function pageSizes(pdf: Uint8Array): Promise<[number, number][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => {
    const { width, height } = p.getSize();
    return [round(width), round(height)];
  });
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Texts of a page with their boxes rounded, to compare positions across variants.
 * Whitespace-only items are left out: pdfjs gives the spaces it synthesises between runs
 * drawn inside a scaled Form XObject an unscaled width.
 */
function placedTexts(page: PageText): { text: string; box: Box }[] {
  return moved(page, (box) => box);
}

function moved(page: PageText, transform: (box: Box) => Box): { text: string; box: Box }[] {
  return page.items.filter((item) => item.text.trim() !== '').map((item) => ({ text: item.text, box: transform(item.box) }));
}

/** Same texts in the same order, each box within 0.01 pt of the expected one. */
function expectPlacement(actual: { text: string; box: Box }[], expected: { text: string; box: Box }[]): void {
  expect(actual.map((t) => t.text)).toEqual(expected.map((t) => t.text));
  const worst = Math.max(0, ...actual.flatMap((t, i) => t.box.map((v, k) => Math.abs(v - expected[i]!.box[k]!))));
  expect(worst).toBeLessThan(0.01);
}

describe('cutPages', () => {
  it('copies the given pages, in order, with their size and the edition title', async () => {
    const cut = await cutPages(edition, [13, 12]);
    const doc = await PDFDocument.load(cut);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe('L\'innovation en actions à travers les Pactes régionaux');
    expect(await pageSizes(cut)).toEqual([
      [594.96, 841.92],
      [594.96, 841.92],
    ]);
    expect(cardPages.map((p) => p.items.length).every((n) => n > 20)).toBe(true);
    const loaded = await loadDocument(cut, { fileName: 'cut.pdf' });
    expectPlacement(placedTexts(loaded.pages[0]!), placedTexts(cardPages[1]!));
    expectPlacement(placedTexts(loaded.pages[1]!), placedTexts(cardPages[0]!));
  });

  it('gives byte-identical output for the same input', async () => {
    expect(Buffer.from(await cutPages(edition, [12])).equals(Buffer.from(await cutPages(edition, [12])))).toBe(true);
  });

  it('refuses pages that the PDF does not have', async () => {
    await expect(cutPages(edition, [0])).rejects.toThrow(RangeError);
    await expect(cutPages(edition, [293])).rejects.toThrow('1-292');
    await expect(cutPages(edition, [])).rejects.toThrow(RangeError);
  });
});

describe('make-variants', () => {
  const [w, h] = [594.96, 841.92];

  it('makeSpread puts each pair side by side on a double-width page', async () => {
    const spread = await makeSpread(edition, [
      [12, 13],
      [14, 15],
    ]);
    expect(await pageSizes(spread)).toEqual([
      [2 * w, h],
      [2 * w, h],
    ]);
    const pages = (await loadDocument(spread, { fileName: 'spread.pdf' })).pages;
    const shiftRight = (b: Box): Box => [b[0] + w, b[1], b[2] + w, b[3]];
    expectPlacement(placedTexts(pages[0]!), [...placedTexts(cardPages[0]!), ...moved(cardPages[1]!, shiftRight)]);
    expectPlacement(placedTexts(pages[1]!), [...placedTexts(cardPages[2]!), ...moved(cardPages[3]!, shiftRight)]);
  });

  it.each([0.8, 1.2])('makeRescaled draws the pages at scale %s on pages of the scaled size', async (scale) => {
    const rescaled = await makeRescaled(edition, [12, 13], scale);
    expect(await pageSizes(rescaled)).toEqual([
      [round(w * scale), round(h * scale)],
      [round(w * scale), round(h * scale)],
    ]);
    const pages = (await loadDocument(rescaled, { fileName: 'rescaled.pdf' })).pages;
    const scaled = (b: Box): Box => [b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale];
    expectPlacement(placedTexts(pages[0]!), moved(cardPages[0]!, scaled));
    expectPlacement(placedTexts(pages[1]!), moved(cardPages[1]!, scaled));
  });

  it('makeShifted moves the content right and down on a larger page', async () => {
    const shifted = await makeShifted(edition, [14, 15], 50, 30);
    expect(await pageSizes(shifted)).toEqual([
      [w + 50, h + 30],
      [w + 50, h + 30],
    ]);
    const pages = (await loadDocument(shifted, { fileName: 'shifted.pdf' })).pages;
    const offset = (b: Box): Box => [b[0] + 50, b[1] + 30, b[2] + 50, b[3] + 30];
    expectPlacement(placedTexts(pages[0]!), moved(cardPages[2]!, offset));
    expectPlacement(placedTexts(pages[1]!), moved(cardPages[3]!, offset));
  });

  it('refuses bad pages, scales and offsets', async () => {
    await expect(makeSpread(edition, [[12, 300]])).rejects.toThrow(RangeError);
    await expect(makeRescaled(edition, [12], 0)).rejects.toThrow(RangeError);
    await expect(makeShifted(edition, [12], -10, 0)).rejects.toThrow(RangeError);
  });
});
