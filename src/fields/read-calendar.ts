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
      const [labelText, bodyText] = completeRange(joinLines(label.map((l) => l.text), lexicon), joinLines(body.map((l) => l.text), lexicon));
      entries.push({
        label: labelText,
        text: bodyText,
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

/** "Janvier" + "à mars 2020 Convention…": a range whose end ran into the text in regular type belongs to the label. */
function completeRange(label: string, text: string): [string, string] {
  if (/\d{4}/.test(label)) return [label, text];
  const m = /^((?:à|au|-|–)\s+(?:\p{L}+\s+)?\d{4})\s+(.*)$/u.exec(text);
  return m ? [`${label} ${m[1]}`, m[2]!] : [label, text];
}
