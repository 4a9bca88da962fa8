import { describe, expect, it } from 'vitest';
import { MIN_PAGES_PER_PART, pageRangeOf } from '../../src/load/page-range.ts';
import { mergeParts } from '../../src/pipeline/merge-parts.ts';
import type { LoadedDocument } from '../../src/model/text.ts';

/** The pages each part reads, in part order. */
function pagesOf(pageCount: number, count: number): number[][] {
  return Array.from({ length: count }, (_, index) => {
    const range = pageRangeOf(pageCount, { index, count });
    return range ? Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i) : [];
  });
}

describe('pageRangeOf', () => {
  it.each([
    [292, 2],
    [292, 3],
    [293, 4],
    [1168, 8],
    [MIN_PAGES_PER_PART * 2, 2],
    [MIN_PAGES_PER_PART * 2 - 1, 2],
    [2, 4],
    [1, 1],
  ])('%i pages in %i parts: every page once, in order', (pageCount, count) => {
    expect(pagesOf(pageCount, count).flat()).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
  });

  it('splits evenly, and gives a short document fewer parts', () => {
    expect(pagesOf(292, 2).map((p) => p.length)).toEqual([146, 146]);
    expect(pagesOf(293, 3).map((p) => p.length)).toEqual([97, 98, 98]);
    expect(pagesOf(MIN_PAGES_PER_PART * 2, 4).map((p) => p.length)).toEqual([MIN_PAGES_PER_PART, MIN_PAGES_PER_PART, 0, 0]);
    expect(pagesOf(2, 2).map((p) => p.length)).toEqual([2, 0]);
  });
});

describe('mergeParts', () => {
  const part = (pages: number[]): LoadedDocument => ({ pageCount: 5, title: 'T', pages: pages.map((page) => ({ page, width: 1, height: 1, items: [] })) });

  it('puts the pages of all parts in page order, whatever order the parts come in', () => {
    const merged = mergeParts([part([3, 4]), part([]), part([1, 2]), part([5])]);
    expect(merged.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(merged).toMatchObject({ pageCount: 5, title: 'T' });
  });

  it('refuses a page read twice', () => {
    expect(() => mergeParts([part([1, 2]), part([2, 3])])).toThrow(/page 2 was read by two parts/);
  });
});
