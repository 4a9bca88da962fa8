import { describe, expect, it } from 'vitest';
import { claimWholeDocument, countReaders, createPageDealer, MIN_PAGES_PER_PART, MIN_SPAN_PAGES, type PageSpan } from '../../src/load/page-range.ts';
import { mergeParts } from '../../src/pipeline/merge-parts.ts';
import type { LoadedDocument } from '../../src/model/text.ts';

const pagesIn = (span: PageSpan) => Array.from({ length: span.last - span.first + 1 }, (_, i) => span.first + i);

/** Deals a document to `readers` that claim in turn, the `order` of readers repeating; the pages each got. */
function deal(pageCount: number, readers: number, order: number[], minPagesPerPart?: number): number[][] {
  const dealer = createPageDealer(readers, minPagesPerPart);
  const got: number[][] = Array.from({ length: readers }, () => []);
  const active = new Set(order);
  for (let turn = 0; active.size > 0; turn++) {
    const reader = order[turn % order.length]!;
    if (!active.has(reader)) continue;
    const span = dealer.claim(reader, pageCount);
    if (span) got[reader]!.push(...pagesIn(span));
    else active.delete(reader);
  }
  expect(dealer.problem).toBeNull();
  return got;
}

describe('createPageDealer', () => {
  it.each([
    [292, 2, [0, 1]],
    [292, 3, [2, 0, 1]],
    [293, 4, [0, 0, 0, 1, 2, 3]],
    [1168, 8, [7, 6, 5, 4, 3, 2, 1, 0]],
    [MIN_PAGES_PER_PART * 2, 2, [1, 0]],
    [MIN_PAGES_PER_PART * 2 - 1, 2, [0, 1]],
    [2, 4, [0, 1, 2, 3]],
    [1, 1, [0]],
  ])('%i pages, %i readers claiming in the order %j: every page once', (pageCount, readers, order) => {
    const got = deal(pageCount, readers, order);
    expect(got.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
  });

  it('gives more pages to a reader that claims more often, in long spans first and short ones last', () => {
    const dealer = createPageDealer(2, 1);
    const spans: PageSpan[] = [];
    // Reader 0 claims three times for each claim of reader 1 (it reads three times as fast).
    for (let span: PageSpan | null = { first: 0, last: 0 }, turn = 0; span; turn++) {
      span = dealer.claim(turn % 4 === 3 ? 1 : 0, 100);
      if (span) spans.push(span);
    }
    const sizes = spans.map((s) => s.last - s.first + 1);
    expect(sizes[0]).toBe(25);
    expect(sizes.at(-1)).toBe(MIN_SPAN_PAGES);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(spans.map((s) => s.first)).toEqual([...spans.map((s) => s.first)].sort((a, b) => a - b));
  });

  it('gives a short document fewer readers: the first ones to claim', () => {
    expect(countReaders(MIN_PAGES_PER_PART * 2, 4)).toBe(2);
    expect(countReaders(MIN_PAGES_PER_PART * 2 - 1, 2)).toBe(1);
    expect(countReaders(3, 2)).toBe(1);
    const got = deal(MIN_PAGES_PER_PART * 2, 4, [3, 1, 0, 2]);
    expect(got.map((pages) => pages.length > 0)).toEqual([false, true, false, true]);
    expect(deal(40, 2, [1, 0]).map((pages) => pages.length)).toEqual([0, 40]);
  });

  it('stops dealing when readers disagree on the page count', () => {
    const dealer = createPageDealer(2, 1);
    expect(dealer.claim(0, 10)).toEqual({ first: 1, last: 3 });
    expect(dealer.claim(1, 11)).toBeNull();
    expect(dealer.problem).toMatch(/disagree on its page count \(10 and 11\)/);
    expect(dealer.claim(0, 10)).toBeNull();
  });
});

describe('claimWholeDocument', () => {
  it('gives every page once, then nothing', () => {
    const claim = claimWholeDocument();
    expect(claim(7)).toEqual({ first: 1, last: 7 });
    expect(claim(7)).toBeNull();
    expect(claimWholeDocument()(0)).toBeNull();
  });
});

describe('mergeParts', () => {
  const part = (pages: number[]): LoadedDocument => ({ pageCount: 5, title: 'T', pages: pages.map((page) => ({ page, width: 1, height: 1, items: [] })) });

  it('puts the pages of all parts in page order, whatever order the parts and their pages come in', () => {
    const merged = mergeParts([part([4, 3]), part([]), part([1, 5]), part([2])]);
    expect(merged.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(merged).toMatchObject({ pageCount: 5, title: 'T' });
  });

  it('refuses a page read twice, or a page no part read', () => {
    expect(() => mergeParts([part([1, 2]), part([2, 3, 4, 5])])).toThrow(/page 2 was read by two parts/);
    expect(() => mergeParts([part([1, 2]), part([4, 5])])).toThrow(/the parts hold 4 of the document's 5 pages/);
  });
});
