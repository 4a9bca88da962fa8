import { unionBoxes } from '../model/geometry.ts';
import type { Lexicon, Line, LogicalPage, TextBlock } from '../model/layout.ts';
import { makeDiagnostic } from '../model/diagnostics.ts';
import { canonicalRegion, foldWords, slugify } from '../model/regions.ts';
import { cleanInline, findLargestTypeLines, joinLines } from '../layout/index.ts';
import type { CardPages } from '../segment/index.ts';
import type { Axis, CardField, Diagnostic } from '../validate/schema.ts';
import { readBlocks } from './read-blocks.ts';
import { readCalendar } from './read-calendar.ts';
import { readContacts } from './read-contacts.ts';
import { readSideBoxes } from './read-side-boxes.ts';
import { findFigureBoxes } from './find-figure-boxes.ts';
import type { CardDraft, FieldSource } from './types.ts';

type Section = 'objectives' | 'plusValues' | 'contacts' | 'presentation' | 'calendar' | 'extra';

const SECTION_LABELS: Record<string, Section> = {
  objectifs: 'objectives',
  'plus values': 'plusValues',
  contact: 'contacts',
  contacts: 'contacts',
  'presentation du projet': 'presentation',
  'methode et calendrier de deploiement': 'calendar',
  calendrier: 'calendar',
};

export interface CardContext {
  bodySize: number;
  bodyLeading: number;
  lexicon: Lexicon;
}

interface Collected {
  lines: Map<Section, Line[]>;
  /** Lines of key-figure boxes and timelines: not part of any running text column. */
  elsewhere: Set<Line>;
  figureBlocks: TextBlock[];
  calendarBlocks: TextBlock[];
  extras: { heading: Line; lines: Line[] }[];
  headings: Map<Section, Line>;
}

const sourceOf = (lines: readonly Line[]): FieldSource | undefined =>
  lines.length === 0 ? undefined : { page: lines[0]!.page, box: unionBoxes(lines.map((l) => l.box)) };

/** Reads every field of one card from its pages. */
export function readCard(card: CardPages, ctx: CardContext): CardDraft {
  const diagnostics: Diagnostic[] = [];
  const first = card.pages[0]!;
  const second = card.pages[1];
  const provenance: Partial<Record<CardField, FieldSource>> = {};
  const note = (code: string, message: string, page: number, severity: Diagnostic['severity'] = 'warning') =>
    diagnostics.push(makeDiagnostic(code, severity, message, { page }));

  const titleLines = findLargestTypeLines(first.lines);
  const titleOnCard = joinLines(titleLines.map((l) => l.text), ctx.lexicon);
  const regionLine = first.lines.find((l) => canonicalRegion(l.text) !== null);
  const header = parseRunningHeader(first);
  const entry = card.entry;

  const title = entry?.title ?? (second ? cleanInline(second.header[0]?.text ?? '') : '') ?? titleOnCard;
  const region = canonicalRegion(regionLine?.text ?? '') ?? entry?.region ?? null;
  const axis: Axis | null = entry?.axis ?? header.axis;
  const theme = entry?.theme ?? header.theme;
  if (entry) {
    provenance.title = { page: entry.pdfPage, box: entry.box };
    provenance.theme = { page: entry.pdfPage, box: entry.box };
    provenance.axis = { page: entry.pdfPage, box: entry.box };
  } else if (header.line) {
    provenance.axis = sourceOf([header.line]);
    provenance.theme = sourceOf([header.line]);
  }
  const titleSource = sourceOf(titleLines);
  if (titleSource) provenance.titleOnCard = titleSource;
  if (regionLine) provenance.region = sourceOf([regionLine]);

  const collected = collectSections(card.pages, titleLines, regionLine, ctx);
  const taglineLines = findTagline(first, titleLines, regionLine, collected);
  const tagline = taglineLines.length > 0 ? joinLines(taglineLines.map((l) => l.text), ctx.lexicon) : null;
  if (taglineLines.length > 0) provenance.tagline = sourceOf(taglineLines);

  const blocksOf = (section: Section) => {
    const lines = collected.lines.get(section) ?? [];
    const page = lines[0] ? pageHolding(card.pages, lines[0]) : first;
    const otherHeadings = [...collected.headings].filter(([s]) => s !== section).map(([, h]) => h);
    const left = columnLeft(page, lines, new Set([...collected.elsewhere, ...otherHeadings]));
    const src = sourceOf(lines);
    if (src && section !== 'calendar' && section !== 'extra') provenance[section] = src;
    return readBlocks(lines, left, ctx);
  };
  const objectives = blocksOf('objectives');
  const plusValues = blocksOf('plusValues');
  const presentation = blocksOf('presentation');
  const contactLines = collected.lines.get('contacts') ?? [];
  const contacts = readContacts(contactLines, ctx.lexicon);
  if (contactLines.length > 0) provenance.contacts = sourceOf(contactLines);

  const side = readSideBoxes(collected.figureBlocks, ctx.lexicon);
  const keyFigures = side.map((s) => s.figure);
  if (side.length > 0) provenance.keyFigures = { page: side[0]!.source.page, box: unionBoxes(side.map((s) => s.source.box)) };
  const pick = (kind: string) => side.find((s) => s.figure.kind === kind);
  const territory = pick('territory');
  const beneficiaries = pick('beneficiaries');
  const budget = pick('budget');
  if (territory) provenance.territory = territory.source;
  if (beneficiaries) provenance.beneficiaries = beneficiaries.source;
  if (budget) provenance.budget = budget.source;

  const { entries: calendar, unpaired, labelsInLines } = readCalendar(collected.calendarBlocks, ctx.lexicon);
  for (const { page, problem } of unpaired) note('fields/calendar-unpaired', problem, page);
  for (const { page, label, line } of labelsInLines) {
    note('fields/calendar-label-in-line', `the timeline label "${label}" was printed in one line with text ("${line.slice(0, 60)}"); read as a step's label`, page, 'info');
  }
  for (const entry of calendar.filter((e) => e.splitFrom !== undefined)) {
    note('fields/calendar-run-in', `the timeline step "${entry.label}" was printed inside the text of "${entry.splitFrom}"; read as a step of its own`, entry.source.page, 'info');
  }
  if (calendar.length > 0) {
    provenance.calendar = { page: calendar[0]!.source.page, box: unionBoxes(calendar.map((c) => c.source.box)) };
  }
  const extras = collected.extras.map((x) => ({
    heading: cleanInline(x.heading.text),
    text: joinLines(x.lines.map((l) => l.text), ctx.lexicon),
  }));
  if (collected.extras.length > 0) provenance.extras = sourceOf(collected.extras.flatMap((x) => [x.heading, ...x.lines]));

  const pdfPages: [number, number] = [first.pdfPage, (second ?? first).pdfPage];
  const printed = card.printedPages;
  const pages: [number, number] = [printed[0] ?? entry?.page ?? pdfPages[0], printed[1] ?? (printed[0] ?? entry?.page ?? pdfPages[0]) + 1];
  const footers = card.pages.flatMap((p) => p.footer);
  if (footers.length > 0) provenance.pages = sourceOf(footers);
  if (printed[0] === null) note('fields/no-page-number', 'no printed page number in the footer: taken from the table of contents or the PDF page', first.pdfPage);

  const finalTitle = title || titleOnCard;
  const finalRegion = region ?? '';
  if (!region) note('fields/unknown-region', 'no canonical region name found on the card or in its table-of-contents entry', first.pdfPage, 'error');
  if (!axis) note('fields/unknown-axis', 'no axis found in the table of contents or the running header', first.pdfPage, 'error');
  const checks: [string, boolean][] = [
    ['tagline', tagline !== null],
    ['objectives', objectives.length > 0],
    ['plus-values', plusValues.length > 0],
    ['contacts', contacts.length > 0],
    ['presentation', presentation.length > 0],
    ['calendar', calendar.length > 0],
  ];
  for (const [name, ok] of checks) if (!ok) note(`fields/missing-${name}`, `no ${name} section was found on the card`, first.pdfPage);
  if (contacts.length > 0 && !contacts.some((c) => c.email)) note('fields/contact-without-email', 'no e-mail address in the contact box', first.pdfPage, 'info');

  return {
    id: `${slugify(finalRegion) || 'unknown-region'}--${slugify(finalTitle) || 'untitled'}`,
    title: finalTitle,
    titleOnCard,
    region: finalRegion,
    axis: axis ?? '1',
    theme: theme ?? '',
    pages,
    pdfPages,
    tagline,
    objectives,
    plusValues,
    contacts,
    presentation,
    keyFigures,
    territory: territory?.figure.text ?? null,
    beneficiariesText: beneficiaries?.figure.text ?? null,
    budgetText: budget?.figure.text ?? null,
    calendar: calendar.map((c) => ({ label: c.label, text: c.text })),
    extras,
    provenance,
    diagnostics,
  };
}

/** The logical page a line is printed on (both halves of a spread share a PDF page). */
function pageHolding(pages: readonly LogicalPage[], line: Line): LogicalPage {
  return pages.find((p) => p.lines.includes(line) || p.furniture.includes(line)) ?? pages[0]!;
}

/** "AXE 1 · DES ACTIONS DE FORMATION …" in the running header: the fallback when there is no table of contents. */
function parseRunningHeader(page: LogicalPage): { axis: Axis | null; theme: string | null; line: Line | null } {
  const top = [...page.header].sort((a, b) => a.box[1] - b.box[1]);
  const text = cleanInline(top.map((l) => l.text).join(' '));
  const m = /^axe\s+(1|2|transverse)\s*[·•|:–—-]\s*(.+)$/i.exec(text.replace(/\s+/g, ' '));
  if (!m) return { axis: null, theme: null, line: top[0] ?? null };
  return { axis: m[1]!.toLowerCase() as Axis, theme: m[2]!.trim(), line: top[0] ?? null };
}

/** A section heading: a bold line in capitals or in larger type, whose words are a known label. */
function sectionOf(line: Line, bodySize: number): Section | null {
  // Without font names (weight unknown), larger type alone marks a heading.
  if ((!line.bold && line.fontSize < 1.1 * bodySize) || line.fontSize < 0.95 * bodySize) return null;
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase() && line.fontSize < 1.15 * bodySize) return null;
  return SECTION_LABELS[foldWords(line.text)] ?? null;
}

/**
 * A heading in capitals that is not a known label opens an extra framed box: in section-heading
 * type anywhere, or in bold text type at the top of a block of its own.
 */
function isExtraHeading(line: Line, bodySize: number, opensBlock: boolean): boolean {
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  if (!line.allBold || letters.length < 8 || letters !== letters.toUpperCase()) return false;
  return line.fontSize >= 1.15 * bodySize || (opensBlock && line.text.trim().includes(' '));
}

/** Walks the blocks in reading order and gives each line to the section whose heading it follows; key-figure boxes go apart. */
function collectSections(pages: readonly LogicalPage[], titleLines: readonly Line[], regionLine: Line | undefined, ctx: CardContext): Collected {
  const { bodySize } = ctx;
  const out: Collected = { lines: new Map(), elsewhere: new Set(), figureBlocks: [], calendarBlocks: [], extras: [], headings: new Map() };
  const skip = new Set<Line>([...titleLines, ...(regionLine ? [regionLine] : [])]);
  let current: Section | null = null;
  for (const page of pages) {
    const boxes = findFigureBoxes(page, unheadedBlocks(page, skip, bodySize), ctx.bodyLeading);
    for (const block of page.blocks) {
      if (boxes.has(block)) {
        out.figureBlocks.push(block);
        for (const line of block.lines) out.elsewhere.add(line);
        continue;
      }
      let calendarLines: Line[] = [];
      for (const line of block.lines) {
        if (skip.has(line)) continue;
        const section = sectionOf(line, bodySize);
        if (section) {
          current = section;
          out.headings.set(section, line);
          continue;
        }
        const opensBlock = line === block.lines[0];
        const last = out.extras[out.extras.length - 1];
        if (current === 'extra' && last && last.lines.length === 0 && isExtraHeading(line, bodySize, true)) {
          last.heading = { ...last.heading, text: `${last.heading.text} ${line.text}`, box: unionBoxes([last.heading.box, line.box]) };
          continue;
        }
        if (current !== 'calendar' && current !== null && isExtraHeading(line, bodySize, opensBlock)) {
          current = 'extra';
          out.extras.push({ heading: line, lines: [] });
          continue;
        }
        if (current === null) continue;
        if (current === 'calendar') calendarLines.push(line);
        else if (current === 'extra') out.extras[out.extras.length - 1]!.lines.push(line);
        else {
          const list = out.lines.get(current) ?? [];
          list.push(line);
          out.lines.set(current, list);
        }
      }
      if (calendarLines.length > 0) {
        out.calendarBlocks.push({ ...block, lines: calendarLines, box: unionBoxes(calendarLines.map((l) => l.box)) });
        for (const line of calendarLines) out.elsewhere.add(line);
      }
      calendarLines = [];
    }
    // A timeline ends with its page.
    if ((current as Section | null) === 'calendar') current = null;
  }
  return out;
}

/**
 * The blocks of a page no heading owns and no timeline holds: where boxes of key figures may stand.
 * A block that holds a heading is owned by it, and so is the block right under a heading set as a
 * block of its own (the section's first text, a contact box's lines).
 */
function unheadedBlocks(page: LogicalPage, skip: ReadonlySet<Line>, bodySize: number): TextBlock[] {
  const out: TextBlock[] = [];
  let inTimeline = false;
  let loneHeading: TextBlock | null = null;
  for (const block of page.blocks) {
    const headings = block.lines.map((l) => sectionOf(l, bodySize));
    if (headings.includes('calendar')) inTimeline = true;
    const headed = headings.some((h) => h !== null) || isExtraHeading(block.lines[0]!, bodySize, true);
    const underHeading = loneHeading !== null && block.box[1] >= loneHeading.box[3] && block.box[0] < loneHeading.box[2] && block.box[2] > loneHeading.box[0];
    if (!inTimeline && !headed && !underHeading && !block.lines.some((l) => skip.has(l))) out.push(block);
    loneHeading = block.lines.every((l, i) => headings[i] !== null || isExtraHeading(l, bodySize, true)) ? block : null;
  }
  return out;
}

/**
 * The left edge of the text column a section runs in, from which list items are indented: the
 * leftmost line of the page that runs in the same column (overlaps the section's width), leaving
 * out key-figure boxes, timelines and other sections' headings, which may stand in columns of their own.
 */
function columnLeft(page: LogicalPage, lines: readonly Line[], elsewhere: ReadonlySet<Line>): number {
  if (lines.length === 0) return Math.min(...page.lines.map((l) => l.box[0]));
  const x0 = Math.min(...lines.map((l) => l.box[0]));
  const x1 = Math.max(...lines.map((l) => l.box[2]));
  const column = page.lines.filter((l) => !elsewhere.has(l) && l.box[0] < x1 && l.box[2] > x0);
  return Math.min(...column.map((l) => l.box[0]));
}

/** The tagline: the lines between the region and the first section, on the first page, key-figure boxes left out. */
function findTagline(page: LogicalPage, titleLines: readonly Line[], regionLine: Line | undefined, collected: Collected): Line[] {
  const firstHeading = [...collected.headings.values()].filter((h) => pageHolding([page], h) === page && page.lines.includes(h)).sort((a, b) => a.box[1] - b.box[1])[0];
  const top = Math.max(...[...titleLines, ...(regionLine ? [regionLine] : [])].map((l) => l.box[3]));
  const bottom = firstHeading?.box[1] ?? page.region[3];
  const between = page.lines.filter((l) => l.box[1] >= top - 1 && l.box[3] <= bottom + 1 && !titleLines.includes(l) && l !== regionLine && !collected.elsewhere.has(l));
  const italic = between.filter((l) => l.italic);
  return (italic.length > 0 ? italic : between).sort((a, b) => a.box[1] - b.box[1]);
}
