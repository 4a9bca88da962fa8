import type { Line } from '../../src/model/layout.ts';
import type { TextItem } from '../../src/model/text.ts';

/** A positioned text item for layout tests: x, top, width in points; size defaults to 10. */
export function item(text: string, x: number, top: number, width: number, opts: Partial<Pick<TextItem, 'fontSize' | 'bold' | 'italic'>> = {}): TextItem {
  const size = opts.fontSize ?? 10;
  return { text, page: 1, box: [x, top, x + width, top + size * 1.2], fontSize: size, fontId: opts.bold ? 'b' : 'r', bold: opts.bold ?? false, italic: opts.italic ?? false };
}

/** A line for fields tests. */
export function line(text: string, x: number, top: number, opts: { size?: number; bold?: boolean; italic?: boolean; width?: number } = {}): Line {
  const size = opts.size ?? 9.6;
  const width = opts.width ?? text.length * size * 0.5;
  return {
    page: 1,
    box: [x, top, x + width, top + size * 1.3],
    text,
    fontSize: size,
    bold: opts.bold ?? false,
    italic: opts.italic ?? false,
    allBold: opts.bold ?? false,
  };
}
