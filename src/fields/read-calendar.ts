import { unionBoxes } from '../model/geometry.ts';
import type { Lexicon, Line, TextBlock } from '../model/layout.ts';
import { joinLines } from '../layout/index.ts';
import type { FieldSource } from './types.ts';

export interface RawCalendarEntry {
  label: string;
  text: string;
  source: FieldSource;
}

/** Each step of the timeline: its bold label ("Septembre 2019"), then what happens then. */
export function readCalendar(blocks: readonly TextBlock[], lexicon: Lexicon): RawCalendarEntry[] {
  const entries: RawCalendarEntry[] = [];
  for (const block of blocks) {
    let label: Line[] = [];
    let body: Line[] = [];
    const flush = () => {
      if (label.length === 0 && body.length === 0) return;
      const all = [...label, ...body];
      entries.push({
        label: joinLines(label.map((l) => l.text), lexicon),
        text: joinLines(body.map((l) => l.text), lexicon),
        source: { page: all[0]!.page, box: unionBoxes(all.map((l) => l.box)) },
      });
      label = [];
      body = [];
    };
    for (const line of block.lines) {
      if (line.allBold) {
        if (body.length > 0) flush();
        label.push(line);
      } else {
        body.push(line);
      }
    }
    flush();
  }
  return entries;
}
