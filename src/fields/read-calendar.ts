import { unionBoxes } from '../model/geometry.ts';
import type { Lexicon, Line, TextBlock } from '../model/layout.ts';
import { joinLines } from '../layout/index.ts';
import { readDateLabel } from '../model/date-grammar.ts';
import type { FieldSource } from './types.ts';

export interface RawCalendarEntry {
  label: string;
  text: string;
  source: FieldSource;
  /** Set on the steps found inside another step's text (the page printed them run together). */
  splitFrom?: string;
}

export interface CalendarReading {
  entries: RawCalendarEntry[];
  /** What could not be paired: text no label stands before, a label with no text, a line across two steps' columns. */
  unpaired: { page: number; problem: string }[];
  /** Date labels printed in one line with text, cut from it (see `splitAtDateLabels`). */
  labelsInLines: { page: number; label: string; line: string }[];
}

/** How far (× the label's type size) a wrapped label's next line may start under its previous one. */
const LABEL_WRAP_GAP = 0.5;
/** How far (× the label's type size) a wrapped label's next line may differ from it in size and still be in its type. */
const LABEL_TYPE_TOLERANCE = 0.05;
/** How far (× the type size) a text line may start above its label's top and still share its row. */
const ROW_TOLERANCE = 0.5;
/** How far (× the type size) a text line may start left of its label's column and still belong to it. */
const COLUMN_TOLERANCE = 0.5;
/** A date label is short: at most this many words ("Décembre 2019 à décembre 2020" has 5); a longer bold line is emphasis in a step's text. */
const LABEL_MAX_WORDS = 8;

/** A step's label: a short line wholly in bold. */
const isLabel = (line: Line) => line.allBold && line.text.trim().split(/\s+/).length <= LABEL_MAX_WORDS;

interface Step {
  labelLines: Line[];
  textLines: Line[];
}

/**
 * Each step of the timeline: its label (a short line wholly in bold: "Septembre 2019"), then what happens
 * then. A text line belongs to the label that stands before it in reading order inside a step: in
 * the nearest column of labels at or left of the line, the last label whose top is not below the
 * line's top. So a date above its text (steps in a row of columns, or a list) and a date beside its
 * text (a vertical list with the dates in a column of their own) pair alike, decided by the page.
 */
export function readCalendar(blocks: readonly TextBlock[], lexicon: Lexicon): CalendarReading {
  const pages = new Map<number, TextBlock[]>();
  for (const block of blocks) pages.set(block.page, [...(pages.get(block.page) ?? []), block]);
  const steps: Step[] = [];
  const unpaired: CalendarReading['unpaired'] = [];
  const labelsInLines: CalendarReading['labelsInLines'] = [];
  for (const [page, pageBlocks] of pages) {
    const { steps: found, orphans, cut } = pairSteps(pageBlocks);
    steps.push(...found);
    for (const { line, pieces } of cut) for (const piece of pieces.filter((p) => p.allBold)) labelsInLines.push({ page, label: piece.text, line: line.text });
    const quote = (lines: readonly Line[]) => `"${joinLines(lines.map((l) => l.text), lexicon).slice(0, 60)}"`;
    if (orphans.length > 0) unpaired.push({ page, problem: `timeline text with no date label before it in its column or on its row: ${quote(orphans)}; read as a step without a label` });
    for (const step of found) {
      if (step.labelLines.length > 0 && step.textLines.length === 0) unpaired.push({ page, problem: `the timeline step ${quote(step.labelLines)} has no text under it or beside it` });
      const across = step.textLines.filter((l) => found.some((o) => o !== step && o.labelLines.length > 0 && crossesColumn(l, o)));
      if (across.length > 0) unpaired.push({ page, problem: `a line of the timeline step ${quote(step.labelLines)} runs into the column of another step: ${quote(across)}` });
    }
  }
  // Where the page shows its steps with their labels, a date inside a step's text is part of it.
  const runIn = steps.filter((s) => s.labelLines.length > 0).length <= 1;
  const entries: RawCalendarEntry[] = [];
  for (const step of steps) {
    const all = [...step.labelLines, ...step.textLines];
    const [label, text] = completeRange(joinLines(step.labelLines.map((l) => l.text), lexicon), joinLines(step.textLines.map((l) => l.text), lexicon));
    entries.push(...splitRunIn({ label, text, source: { page: all[0]!.page, box: unionBoxes(all.map((l) => l.box)) } }, runIn));
  }
  return { entries, unpaired, labelsInLines };
}

/** Groups a page's timeline lines into steps; consecutive text lines no label stands before make a step without one. */
function pairSteps(pageBlocks: readonly TextBlock[]): { steps: Step[]; orphans: Line[]; cut: { line: Line; pieces: Line[] }[] } {
  const cut: { line: Line; pieces: Line[] }[] = [];
  const split = (line: Line) => {
    const pieces = splitAtDateLabels(line);
    if (pieces.length > 1) cut.push({ line, pieces });
    return pieces;
  };
  const blocks = pageBlocks.map((b) => ({ ...b, lines: b.lines.flatMap(split) }));
  const lines = blocks.flatMap((b) => b.lines);
  const labelled: Step[] = [];
  for (const line of lines.filter(isLabel)) {
    const open = labelled[labelled.length - 1];
    if (open && open.textLines.length === 0 && continuesLabel(open.labelLines, line)) open.labelLines.push(line);
    // A bold opening of a dated step's text (see opensStepText); below, like any label line, it is skipped.
    else if (open && opensStepText(open, line, lines)) open.textLines.push(line);
    else labelled.push({ labelLines: [line], textLines: [] });
  }
  const unlabelled: Step[] = [];
  const orphans: Line[] = [];
  for (const block of blocks) {
    let open: Step | null = null;
    for (const line of block.lines) {
      if (isLabel(line)) {
        open = null;
        continue;
      }
      const owner = ownerOf(line, labelled);
      if (owner) {
        owner.textLines.push(line);
        open = null;
        continue;
      }
      orphans.push(line);
      if (!open) unlabelled.push((open = { labelLines: [], textLines: [] }));
      open.textLines.push(line);
    }
  }
  return { steps: orderSteps([...labelled, ...unlabelled], lines), orphans, cut };
}

/**
 * A label's next line, wrapped in the label's column: in the label's type, starting at its left edge,
 * just under its last line (the text beside it continues on its own). A label that already reads as
 * a whole date is continued only by what keeps it one ("Septembre 2021 à juin" + "2022"); otherwise
 * the line starts the next step ("Janvier 2021" over "Mars 2021": a list with no gap between its steps).
 */
function continuesLabel(label: readonly Line[], line: Line): boolean {
  if (!liesUnder(label[0]!, label[label.length - 1]!, line)) return false;
  const before = label.map((l) => l.text.trim()).join(' ');
  return !isDateLabel(before) || isDateLabel(`${before} ${line.text.trim()}`);
}

/** `line` is placed as the next line of `prev`, in a column starting at `first`: in its type, at its left edge, just under it. */
function liesUnder(first: Line, prev: Line, line: Line): boolean {
  return (
    Math.abs(line.fontSize - prev.fontSize) <= LABEL_TYPE_TOLERANCE * prev.fontSize &&
    Math.abs(line.box[0] - first.box[0]) <= COLUMN_TOLERANCE * prev.fontSize &&
    line.box[1] >= prev.box[1] &&
    line.box[1] - prev.box[3] <= LABEL_WRAP_GAP * prev.fontSize
  );
}

/**
 * A short bold line just under a whole date label, in its type and column, with no digit and no
 * date word ("Septembre 2021" / "Comité de pilotage"): the bold opening of that step's text, not a
 * step of its own with no date (that made the date a step with no text). A line that may hold a date
 * ("Mai à", "Phase 2") still starts the next step. Only where the date stands above its text: beside
 * a date with its text on its row, such a line may as well belong to the date, and stays a label.
 */
function opensStepText(step: Step, line: Line, lines: readonly Line[]): boolean {
  const label = step.labelLines;
  const prev = step.textLines[step.textLines.length - 1] ?? label[label.length - 1]!;
  return liesUnder(label[0]!, prev, line) && isDateLabel(label.map((l) => l.text.trim()).join(' ')) && !mentionsDate(line.text) && !hasTextBeside(label[0]!, lines);
}

/** A line of text on the label's row, right of it: the date stands beside its text. */
function hasTextBeside(label: Line, lines: readonly Line[]): boolean {
  return lines.some((l) => !isLabel(l) && l.box[0] >= label.box[2] && Math.abs(l.box[1] - label.box[1]) <= ROW_TOLERANCE * label.fontSize);
}

/** A digit or a date word ("Mai à", "2e semestre"): a line that may begin or be a date label of the next step. */
function mentionsDate(text: string): boolean {
  return /\d/.test(text) || DATE_WORD.test(text);
}

/**
 * Steps in the order a person reads them. Where dates stand beside their texts (a vertical list,
 * in one or more columns), down each column of dates, then the next column; where dates stand above
 * their texts (a row of columns), in the layout's reading order.
 */
function orderSteps(steps: Step[], lines: readonly Line[]): Step[] {
  const order = new Map(lines.map((l, i) => [l, i]));
  const rank = (s: Step) => Math.min(...[...s.labelLines, ...s.textLines].map((l) => order.get(l)!));
  const beside = steps.some((s) => s.labelLines.length > 0 && s.textLines.length > 0 && s.textLines[0]!.box[0] >= Math.max(...s.labelLines.map((l) => l.box[2])));
  if (!beside) return steps.sort((a, b) => rank(a) - rank(b));
  const anchor = (s: Step) => (s.labelLines[0] ?? s.textLines[0]!).box;
  const lefts = [...new Set(steps.filter((s) => s.labelLines.length > 0).map((s) => anchor(s)[0]))].sort((a, b) => a - b);
  const column = (s: Step) => lefts.filter((x) => x <= anchor(s)[0] + COLUMN_TOLERANCE * (s.labelLines[0] ?? s.textLines[0]!).fontSize).length;
  return steps.sort((a, b) => column(a) - column(b) || anchor(a)[1] - anchor(b)[1]);
}

/** A text line reaches over the left edge of another step's label, on or under that label's row. */
function crossesColumn(line: Line, other: Step): boolean {
  const label = other.labelLines[0]!;
  return label.box[0] > line.box[0] + COLUMN_TOLERANCE * line.fontSize && label.box[0] < line.box[2] && label.box[1] <= line.box[1] + ROW_TOLERANCE * line.fontSize;
}

/** The label a text line follows: in the nearest column of labels at or left of it, the last one whose top is not below the line's. */
function ownerOf(line: Line, steps: readonly Step[]): Step | null {
  const tolerance = COLUMN_TOLERANCE * line.fontSize;
  const left = (s: Step) => s.labelLines[0]!.box[0];
  const top = (s: Step) => s.labelLines[0]!.box[1];
  const before = steps.filter((s) => left(s) <= line.box[0] + tolerance);
  if (before.length === 0) return null;
  const column = Math.max(...before.map(left));
  const above = before.filter((s) => left(s) >= column - tolerance && top(s) <= line.box[1] + ROW_TOLERANCE * line.fontSize);
  if (above.length === 0) return null;
  return above.reduce((best, s) => (top(s) > top(best) ? s : best));
}

/**
 * A timeline line in mixed weights, cut around each bold run that reads as a whole date label: the
 * page prints a step's label there in its label type, beside its text or another step's, where the
 * layout found no gutter (one step per column, a gutter as narrow as the word spaces). The run has
 * white on both sides (on its right, a year touching a capital will do), opens with a capital or a
 * digit and does not complete a phrase ("en **2021**"). A date in the text's own type is never cut
 * here ("programme régional de formation 2021 - 2022").
 */
export function splitAtDateLabels(line: Line): Line[] {
  const runs = line.runs;
  if (!runs || line.allBold) return [line];
  const starts = new Set<number>();
  runs.forEach((run, i) => {
    const before = runs.slice(0, i).map((r) => r.text).join('');
    const next = runs[i + 1];
    // On its right, a label may touch its text when it ends in a year and the text opens a sentence
    // ("Septembre à décembre 2020Construction…": a label longer than its column, printed into the text).
    const touching = next !== undefined && /\d$/u.test(run.text) && /^\p{Lu}/u.test(next.text);
    const white = (i === 0 || /^\s/u.test(run.text) || /\s$/u.test(before)) && (!next || /^\s/u.test(next.text) || /\s$/u.test(run.text) || touching);
    if (!run.bold || !white || !isDateLabel(run.text.trim()) || COMPLETES_PHRASE.test(before)) return;
    if (i > 0) starts.add(i);
    if (next) starts.add(i + 1);
  });
  if (starts.size === 0) return [line];
  const pieces: Line[] = [];
  let from = 0;
  for (const end of [...[...starts].sort((a, b) => a - b), runs.length]) {
    const part = runs.slice(from, end);
    const text = part.map((r) => r.text).join('').trim();
    const boldChars = part.filter((r) => r.bold).reduce((n, r) => n + r.text.trim().length, 0);
    const { runs: _, ...rest } = line;
    pieces.push({
      ...rest,
      text,
      box: [part[0]!.x0, line.box[1], Math.max(...part.map((r) => r.x1)), line.box[3]],
      bold: boldChars * 2 > text.length,
      allBold: part.every((r) => r.bold),
      ...(part.length > 1 ? { runs: part } : {}),
    });
    from = end;
  }
  return pieces;
}

/** A whole date label as a step prints it: "Novembre 2021", "2e semestre 2022", "À partir de mars 2021". */
function isDateLabel(text: string): boolean {
  return /^[\p{Lu}\d]/u.test(text) && text.split(/\s+/).length <= LABEL_MAX_WORDS && 'shape' in readDateLabel(text);
}

/** "Janvier" + "à mars 2020 Convention…": a range whose end ran into the text in regular type belongs to the label. */
function completeRange(label: string, text: string): [string, string] {
  if (/\d{4}/.test(label)) return [label, text];
  const m = /^((?:à|au|-|–)\s+(?:\p{L}+\s+)?\d{4})\s+(.*)$/u.exec(text);
  return m ? [`${label} ${m[1]}`, m[2]!] : [label, text];
}

const MONTHS = ['janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre'];
const SEASONS = ['printemps', 'été', 'ete', 'automne', 'hiver'];
const DATE_WORDS = `semestre|trimestre|${SEASONS.join('|')}|${MONTHS.join('|')}`;
const DATE_WORD = new RegExp(`(?<!\\p{L})(?:${DATE_WORDS})(?!\\p{L})`, 'iu');
/** Words a date completes, in a sentence: "en 2019", "semestre 2020". */
const QUIET_WORDS = `en|de|dès|depuis|à|au|pour|fin|début|mi|d’ici|d'ici|${DATE_WORDS}`;
/** Text ending with a word the next date completes ("en", "de la", "le"): the date is part of its sentence. */
const COMPLETES_PHRASE = new RegExp(`(?:^|[\\s(’'])(?:${QUIET_WORDS}|le|la|les|du|des|aux|l’|l'|d’|d')\\s*$`, 'iu');
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
const [RUN_IN_STEP, STEP_AFTER_MARKER] = (() => {
  const month = MONTHS.join('|');
  const season = SEASONS.join('|');
  const firstUnit = `(?:\\d{1,2}(?:er)?\\s+(?:${month})|${capitalised(MONTHS).join('|')}|${capitalised(SEASONS).join('|')})`;
  const otherUnit = `(?:\\d{1,2}(?:er)?\\s+(?:${month})|${month}|${season})`;
  const year = '(?:19|20)\\d{2}';
  const period = `${firstUnit}(?:\\s+(?:à|au|-|–)\\s+${otherUnit})?\\s+${year}(?:(?:\\s?[-–]\\s?|\\s+(?:à|au)\\s+)(?:${otherUnit}\\s+)?${year})?`;
  const quiet = QUIET_WORDS;
  const bareYears = `${year}(?:\\s?[-–]\\s?${year})?`;
  const years = `(?<!\\b(?:${quiet})[\\s-])${bareYears}`;
  const lead = '(?:(?:Début|Fin|Mi-|Depuis|Dès|À partir de)\\s*)?';
  const opensSentence = '(?=\\p{Lu}|\\d+(?:er|re|ère|nd|nde|e|ème)\\b)';
  return [
    new RegExp(`(?<=[\\p{L}\\d).»]\\s)(${lead}(?:${period}|${years}))\\s+${opensSentence}`, 'gu'),
    // Right after a printed marker, the page itself says a step starts: whatever word precedes the marker.
    new RegExp(`(${lead}(?:${period}|${bareYears}))\\s+${opensSentence}`, 'uy'),
  ] as const;
})();

interface Cut {
  index: number;
  /** The date that labels the step. */
  label: string;
  /** Where the step's text starts. */
  textStart: number;
}

/**
 * Where the steps printed inside one step's text start. A printed marker ("○.....○") shows a step:
 * a date just after it or just before it labels that step. Without a marker, a date opening a
 * sentence labels a step only when `readDates` (the page printed the timeline as a single step).
 */
function findRunInCuts(raw: string, readDates: boolean): { text: string; cuts: Cut[] } {
  const pieces = raw.split(MARKERS).map((p) => p.trim());
  const boundaries: number[] = [];
  let text = '';
  for (const piece of pieces) {
    if (text !== '' && piece !== '') {
      text += ' ';
      boundaries.push(text.length);
    }
    text += piece;
  }
  if (pieces.length > 1 && pieces[0] === '' && text !== '') boundaries.push(0);
  const cuts = new Map<number, Cut>();
  for (const m of text.matchAll(RUN_IN_STEP)) {
    const end = m.index + m[1]!.length;
    const marked = boundaries.includes(m.index) || boundaries.includes(end + 1);
    if (readDates || marked) cuts.set(m.index, { index: m.index, label: m[1]!, textStart: m.index + m[0].length });
  }
  for (const at of boundaries) {
    if (at === 0 || cuts.has(at)) continue;
    STEP_AFTER_MARKER.lastIndex = at;
    const m = STEP_AFTER_MARKER.exec(text);
    if (m) cuts.set(at, { index: at, label: m[1]!, textStart: at + m[0].length });
  }
  return { text, cuts: [...cuts.values()].sort((a, b) => a.index - b.index) };
}

/** Splits a step whose text carries further dated steps, as some pages print them run together. */
export function splitRunIn(entry: RawCalendarEntry, readDates = true): RawCalendarEntry[] {
  const { text, cuts } = findRunInCuts(entry.text, readDates);
  if (cuts.length === 0) return [{ ...entry, text }];
  const steps: RawCalendarEntry[] = [{ ...entry, text: text.slice(0, cuts[0]!.index).trim() }];
  cuts.forEach((cut, i) => {
    const end = cuts[i + 1]?.index ?? text.length;
    steps.push({ label: cut.label, text: text.slice(cut.textStart, end).trim(), source: entry.source, splitFrom: entry.label });
  });
  return steps;
}
