import type { Lexicon, Line } from '../model/layout.ts';
import { joinLines } from '../layout/index.ts';
import type { Block } from '../validate/schema.ts';

/**
 * Turns a section's lines into paragraphs, list items and headings: an item is indented from the
 * column's left edge (its bullet is drawn, not text); a wider gap than the line pitch starts a new block.
 */
export function readBlocks(lines: readonly Line[], columnLeft: number, layout: { bodySize: number; bodyLeading: number; lexicon: Lexicon }): Block[] {
  const { bodySize, lexicon } = layout;
  const pitch = linePitch(lines, layout.bodyLeading * ((lines[0]?.fontSize ?? bodySize) / bodySize));
  const groups: { kind: Block['kind']; lines: Line[] }[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const indented = line.box[0] - columnLeft > 0.8 * bodySize;
    const kind: Block['kind'] = indented ? 'item' : 'paragraph';
    const current = groups[groups.length - 1];
    const gap = prev ? line.box[1] - prev.box[1] : Infinity;
    const continues =
      current !== undefined &&
      prev !== undefined &&
      current.kind === kind &&
      gap <= pitch * 1.15 &&
      gap > 0 &&
      !(kind === 'item' && /[;.]$/.test(prev.text.trim()) && /^\p{Lu}/u.test(line.text.trim())) &&
      !(current.lines.length === 1 && isHeading(prev, bodySize) && !line.allBold && !/^\p{Ll}/u.test(line.text.trim()));
    // A taller line (a superscript pushes it down) still continues a sentence that runs on in lower case.
    const runsOn =
      current !== undefined &&
      prev !== undefined &&
      current.kind === kind &&
      gap > 0 &&
      gap <= pitch * 1.6 &&
      !/[.;:!?]$/.test(prev.text.trim()) &&
      /^\p{Ll}/u.test(line.text.trim());
    if (continues || runsOn) current!.lines.push(line);
    else groups.push({ kind, lines: [line] });
    prev = line;
  }
  return groups
    .map((g) => ({
      kind: g.kind === 'paragraph' && g.lines.length === 1 && isHeading(g.lines[0]!, bodySize) ? ('heading' as const) : g.kind,
      text: joinLines(
        g.lines.map((l) => l.text),
        lexicon,
      ),
    }))
    .filter((b) => b.text !== '');
}

/** A short line wholly in bold that does not end a sentence reads as a heading. */
function isHeading(line: Line, bodySize: number): boolean {
  const text = line.text.trim();
  return line.allBold && line.fontSize >= 0.95 * bodySize && text.length <= 60 && !/[.;,:]$/.test(text) && !/^\d+\s*[|.)]/.test(text);
}

/** The usual distance between the tops of two consecutive lines of the section. */
function linePitch(lines: readonly Line[], leading: number): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.box[1] - lines[i - 1]!.box[1];
    if (d > 0) steps.push(d);
  }
  if (steps.length === 0) return leading;
  return Math.min(leading, ...steps);
}
