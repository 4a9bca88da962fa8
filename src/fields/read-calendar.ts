import { unionBoxes } from '../model/geometry.ts';
import type { Lexicon, Line, TextBlock } from '../model/layout.ts';
import { joinLines } from '../layout/index.ts';
import type { FieldSource } from './types.ts';

export interface RawCalendarEntry {
  label: string;
  text: string;
  source: FieldSource;
  /** Set on the steps found inside another step's text (the page printed them run together). */
  splitFrom?: string;
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
      const source = { page: all[0]!.page, box: unionBoxes(all.map((l) => l.box)) };
      entries.push(...splitRunIn({ label: labelText, text: bodyText, source }));
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

const MONTHS = ['janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre'];
const SEASONS = ['printemps', 'été', 'ete', 'automne', 'hiver'];
/** The timeline's step markers when they are printed as text: "○●●●○", "○.....○", "○ ..... ○". */
const MARKERS = /\s*[○●•◦◯⬤](?:[\s.…·]*[○●•◦◯⬤])+\s*/gu;
const capitalised = (words: string[]) => words.map((w) => w[0]!.toUpperCase() + w.slice(1));

/**
 * A dated step printed inside the previous step's text: "… Mars 2019 Lancement du plan …",
 * "… 12 septembre 2019 Lancement …", "… Juillet à septembre 2019 Instruction …", "… témoignages 2020
 * Production …". The date opens a sentence: it follows the end of a word, starts with a capital or a
 * day, and a capital (or "1er", "2nde") follows it. A bare year after a preposition or a date word
 * ("en 2019", "semestre 2020") is part of the sentence.
 */
const RUN_IN_STEP = (() => {
  const month = MONTHS.join('|');
  const season = SEASONS.join('|');
  const firstUnit = `(?:\\d{1,2}(?:er)?\\s+(?:${month})|${capitalised(MONTHS).join('|')}|${capitalised(SEASONS).join('|')})`;
  const otherUnit = `(?:\\d{1,2}(?:er)?\\s+(?:${month})|${month}|${season})`;
  const year = '(?:19|20)\\d{2}';
  const period = `${firstUnit}(?:\\s+(?:à|au|-|–)\\s+${otherUnit})?\\s+${year}(?:(?:\\s?[-–]\\s?|\\s+(?:à|au)\\s+)(?:${otherUnit}\\s+)?${year})?`;
  const quiet = `en|de|dès|depuis|à|au|pour|fin|début|mi|d’ici|d'ici|semestre|trimestre|${season}|${month}`;
  const years = `(?<!\\b(?:${quiet})[\\s-])${year}(?:\\s?[-–]\\s?${year})?`;
  const lead = '(?:(?:Début|Fin|Mi-|Depuis|Dès|À partir de)\\s*)?';
  const opensSentence = '(?=\\p{Lu}|\\d+(?:er|re|ère|nd|nde|e|ème)\\b)';
  return new RegExp(`(?<=[\\p{L}\\d).»]\\s)(${lead}(?:${period}|${years}))\\s+${opensSentence}`, 'gu');
})();

/** Splits a step whose text carries further dated steps, as some pages print them run together. */
export function splitRunIn(entry: RawCalendarEntry): RawCalendarEntry[] {
  const text = entry.text.replace(MARKERS, ' ').trim();
  const cuts = [...text.matchAll(RUN_IN_STEP)];
  if (cuts.length === 0) return [{ ...entry, text }];
  const steps: RawCalendarEntry[] = [{ ...entry, text: text.slice(0, cuts[0]!.index).trim() }];
  cuts.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = cuts[i + 1]?.index ?? text.length;
    steps.push({ label: m[1]!, text: text.slice(start, end).trim(), source: entry.source, splitFrom: entry.label });
  });
  return steps;
}
