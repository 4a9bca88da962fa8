import type { Box } from '../model/geometry.ts';
import type { LaidOutDocument, Line, LogicalPage } from '../model/layout.ts';
import type { LoadedDocument, PageText, TextItem } from '../model/text.ts';
import { buildLines } from './build-lines.ts';
import { buildLexicon, detectWordBreaking } from './clean-text.ts';
import { cutIntoBlocks } from './xy-cut.ts';

/** Lays out every page: lines, blocks in reading order, running headers and footers; spreads become two pages. */
export function layoutDocument(doc: LoadedDocument): LaidOutDocument {
  const bodySize = findBodySize(doc.pages);
  const pages: LogicalPage[] = [];
  for (const page of doc.pages) {
    for (const half of splitSpread(page, bodySize)) {
      pages.push(layoutRegion(half.page, half.side, half.region, half.items, bodySize));
    }
  }
  const words = buildLexicon(pages.flatMap((p) => p.lines.map((l) => l.text)));
  const wraps = pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.slice(1).map((l, i) => [b.lines[i]!.text, l.text] as [string, string])));
  const lexicon = { ...words, breaksWords: detectWordBreaking(wraps, words) };
  return { pages, bodySize, bodyLeading: findBodyLeading(pages, bodySize), lexicon };
}

/** The size most characters are set in: the body text. */
export function findBodySize(pages: readonly PageText[]): number {
  const weights = new Map<number, number>();
  for (const p of pages)
    for (const i of p.items) {
      const size = Math.round(i.fontSize * 2) / 2;
      weights.set(size, (weights.get(size) ?? 0) + i.text.length);
    }
  return [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** The most common step between consecutive body-size lines of a block: the leading of running text. */
function findBodyLeading(pages: readonly LogicalPage[], bodySize: number): number {
  const steps = new Map<number, number>();
  for (const page of pages)
    for (const block of page.blocks)
      for (let i = 1; i < block.lines.length; i++) {
        const [a, b] = [block.lines[i - 1]!, block.lines[i]!];
        if (Math.abs(a.fontSize - bodySize) > 1 || Math.abs(b.fontSize - bodySize) > 1) continue;
        const step = Math.round((b.box[1] - a.box[1]) * 2) / 2;
        if (step > 0.8 * bodySize && step < 2.5 * bodySize) steps.set(step, (steps.get(step) ?? 0) + 1);
      }
  return [...steps.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1.3 * bodySize;
}

interface Half {
  page: number;
  side: LogicalPage['side'];
  region: Box;
  items: TextItem[];
}

/** A landscape page with a clear gutter near its middle is a spread of two facing pages. */
function splitSpread(page: PageText, bodySize: number): Half[] {
  const whole: Half = { page: page.page, side: 'single', region: [0, 0, page.width, page.height], items: page.items };
  if (page.width <= page.height * 1.1) return [whole];
  const mid = page.width / 2;
  const crossing = page.items.filter((i) => i.box[0] < mid - 1 && i.box[2] > mid + 1 && i.text.trim() !== '');
  if (crossing.length > 0) return [whole];
  const left = page.items.filter((i) => (i.box[0] + i.box[2]) / 2 < mid);
  const right = page.items.filter((i) => (i.box[0] + i.box[2]) / 2 >= mid);
  const innerLeft = Math.max(...left.filter((i) => i.text.trim()).map((i) => i.box[2]), 0);
  const innerRight = Math.min(...right.filter((i) => i.text.trim()).map((i) => i.box[0]), page.width);
  if (innerRight - innerLeft < 2 * bodySize) return [whole];
  return [
    { page: page.page, side: 'left', region: [0, 0, mid, page.height], items: left },
    { page: page.page, side: 'right', region: [mid, 0, page.width, page.height], items: right },
  ];
}

function layoutRegion(page: number, side: LogicalPage['side'], region: Box, items: TextItem[], bodySize: number): LogicalPage {
  const lines = buildLines(items);
  const furniture = findFurniture(lines, region, bodySize);
  const content = lines.filter((l) => !furniture.includes(l));
  const blocks = cutIntoBlocks(content, { minRowGap: 0.9 * bodySize, minColumnGap: 1.0 * bodySize });
  return { pdfPage: page, side, region, lines: content, blocks, furniture };
}

/**
 * Running headers and footers: the outermost lines of the page when set in small type, inside the
 * top or bottom margin band, and apart from the page's content by a clear gap (so the last entry
 * of a dense list is not taken for a footer).
 */
function findFurniture(lines: readonly Line[], region: Box, bodySize: number): Line[] {
  if (lines.length === 0) return [];
  // The band is a tenth of the page, counted from the printed area's edges, not the sheet's:
  // margins differ between editions.
  const band = 0.1 * (region[3] - region[1]);
  const top = Math.min(...lines.map((l) => l.box[1]));
  const bottom = Math.max(...lines.map((l) => l.box[3]));
  region = [region[0], top, region[2], bottom];
  const byTop = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  const header = outerCluster(byTop, bodySize, (l) => l.box[3] <= region[1] + band, (a, b) => b.box[1] - a.box[3]);
  const byBottom = [...lines].sort((a, b) => b.box[3] - a.box[3]);
  const footer = outerCluster(byBottom, bodySize, (l) => l.box[1] >= region[3] - band, (a, b) => a.box[1] - b.box[3]);
  return [...new Set([...header, ...footer])];
}

function outerCluster(
  ordered: readonly Line[],
  bodySize: number,
  inBand: (l: Line) => boolean,
  gapBetween: (outer: Line, inner: Line) => number,
): Line[] {
  const cluster: Line[] = [];
  for (const line of ordered) {
    const last = cluster[cluster.length - 1];
    const small = line.fontSize <= 0.85 * bodySize;
    if (!last) {
      if (!small || !inBand(line)) return [];
      cluster.push(line);
      continue;
    }
    const gap = Math.min(...cluster.map((c) => gapBetween(c, line)));
    if (gap < 1.2 * last.fontSize) {
      if (!small || !inBand(line)) return []; // content runs into the band: no furniture here
      cluster.push(line);
    } else {
      return cluster;
    }
  }
  return cluster;
}
