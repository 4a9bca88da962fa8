import type { Box } from '../model/geometry.ts';
import type { LaidOutDocument, Line, LogicalPage } from '../model/layout.ts';
import type { LoadedDocument, PageText, TextItem } from '../model/text.ts';
import { buildLines } from './build-lines.ts';
import { buildLexicon, detectWordBreaking } from './clean-text.ts';
import { findFurniture } from './find-furniture.ts';
import { MIN_GUTTER_EM } from './find-gutters.ts';
import { cutIntoBlocks } from './xy-cut.ts';

/** Leading: lines within this many points of the body size are body text. */
export const BODY_SIZE_SLACK_PT = 1;
/** Leading: steps between consecutive lines of a block within these bounds (× body size) are a paragraph's leading... */
export const MIN_LEADING_EM = 0.8;
export const MAX_LEADING_EM = 2.5;
/** ... and without any, the leading is taken as this (× body size). */
export const DEFAULT_LEADING_EM = 1.3;
/** Spreads: a page wider than this × its height may hold two facing pages... */
export const SPREAD_ASPECT = 1.1;
/** ... when no text crosses its middle and the white there is at least this wide (× body size). */
export const SPREAD_GUTTER_EM = 2;
/** Blocks: a vertical gap at least this wide (× body size) separates two blocks stacked on each other. */
export const MIN_ROW_GAP_EM = 0.9;
/** Blocks: a vertical strip of white at least this wide (× body size) through all lines separates two columns. */
export const MIN_COLUMN_GAP_EM = 1.0;

/** Lays out every page: lines, blocks in reading order, running headers and footers; spreads become two pages. */
export function layoutDocument(doc: LoadedDocument): LaidOutDocument {
  const bodySize = findBodySize(doc.pages);
  const halves = doc.pages.flatMap((page) => splitSpread(page, bodySize)).map((half) => ({ ...half, lines: buildLines(half.items) }));
  const furniture = findFurniture(halves, bodySize);
  const pages = halves.map((half, k): LogicalPage => {
    const { header, footer } = furniture[k]!;
    const apart = new Set([...header, ...footer]);
    const content = half.lines.filter((l) => !apart.has(l));
    const blocks = cutIntoBlocks(content, { minRowGap: MIN_ROW_GAP_EM * bodySize, minColumnGap: MIN_COLUMN_GAP_EM * bodySize, minGutter: MIN_GUTTER_EM * bodySize });
    return { pdfPage: half.page, side: half.side, region: half.region, lines: content, blocks, header, footer: footer.filter((l) => !header.includes(l)), furniture: [...apart] };
  });
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
        if (Math.abs(a.fontSize - bodySize) > BODY_SIZE_SLACK_PT || Math.abs(b.fontSize - bodySize) > BODY_SIZE_SLACK_PT) continue;
        const step = Math.round((b.box[1] - a.box[1]) * 2) / 2;
        if (step > MIN_LEADING_EM * bodySize && step < MAX_LEADING_EM * bodySize) steps.set(step, (steps.get(step) ?? 0) + 1);
      }
  return [...steps.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? DEFAULT_LEADING_EM * bodySize;
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
  if (page.width <= page.height * SPREAD_ASPECT) return [whole];
  const mid = page.width / 2;
  const crossing = page.items.filter((i) => i.box[0] < mid - 1 && i.box[2] > mid + 1 && i.text.trim() !== '');
  if (crossing.length > 0) return [whole];
  const left = page.items.filter((i) => (i.box[0] + i.box[2]) / 2 < mid);
  const right = page.items.filter((i) => (i.box[0] + i.box[2]) / 2 >= mid);
  const innerLeft = Math.max(...left.filter((i) => i.text.trim()).map((i) => i.box[2]), 0);
  const innerRight = Math.min(...right.filter((i) => i.text.trim()).map((i) => i.box[0]), page.width);
  if (innerRight - innerLeft < SPREAD_GUTTER_EM * bodySize) return [whole];
  return [
    { page: page.page, side: 'left', region: [0, 0, mid, page.height], items: left },
    { page: page.page, side: 'right', region: [mid, 0, page.width, page.height], items: right },
  ];
}
