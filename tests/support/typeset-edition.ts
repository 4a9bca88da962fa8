// Typesets a small synthetic edition of the catalogue that the pipeline has never seen: US Letter,
// Times (pdf-lib's standard fonts), other margins, hyphenated justified text, its own page order.
// By default the card structure follows the 2020 edition: objectives / plus-values / contact box on
// the first page, presentation, side boxes and calendar on the second. A card's `design` moves them
// (side column on the left, key figures in a band, contact box under the tagline, timelines as a
// vertical list with each date beside its text, in one or two columns).
import { PDFDocument, StandardFonts, rgb, setWordSpacing, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export interface EditionSpec {
  /** Publication title: cover (largest type) and running footers. */
  title: string;
  /** Cover date line, e.g. "MARS 2021". */
  date: string;
  /** Printed number of PDF page 1 (the cover does not show it). */
  firstPageNumber: number;
  axes: AxisSpec[];
  /** The PDF's pages in order; every card of `axes` must appear exactly once. */
  pageOrder: PageSpec[];
  /** Design choices of the whole edition (defaults: roomy gutters and margins). */
  design?: EditionDesign;
}

export interface EditionDesign {
  /** White between two timeline columns, in points (default 18). */
  calendarGutter?: number;
  /** White between the timeline's last line and the running footer, in points (default: the timeline ends 70 pt above the page's foot). */
  calendarToFooter?: number;
}

export interface AxisSpec {
  /** "AXE 1", "AXE 2". */
  label: string;
  /** The divider page's statement, in capitals. */
  statement: string;
  themes: ThemeSpec[];
}

export interface ThemeSpec {
  /** Theme heading in capitals, as in the table of contents and the running header. */
  heading: string;
  cards: CardSpec[];
}

export type PageSpec = { kind: 'cover' } | { kind: 'toc' } | { kind: 'divider'; axis: string } | { kind: 'blank' } | { kind: 'card'; key: string };

export interface CardSpec {
  key: string;
  /** Mixed case, as in the table of contents; the card prints it in capitals. */
  title: string;
  /** As printed (the card prints it in capitals). */
  region: string;
  tagline: string;
  objectives: BlockSpec[];
  plusValues: BlockSpec[];
  contact: ContactSpec;
  presentation: BlockSpec[];
  territory: string;
  beneficiaries: { before?: string; figure: string; after: string };
  budget: { figure: string; lines: string[] };
  calendar: { label: string; text: string }[];
  design?: CardDesign;
}

export type FigureKind = 'territory' | 'beneficiaries' | 'budget';

/** Where a card puts its parts; by default the 2020 design. */
export interface CardDesign {
  /**
   * The key figures on page 2: a column right (default) or left of the presentation, or a band of
   * boxes across the page under it. On page 1: 'first-page', a column right of OBJECTIFS and
   * PLUS-VALUES; 'first-page-band', a band across the page under the tagline.
   */
  figures?: 'right' | 'left' | 'band' | 'first-page' | 'first-page-band';
  /** The order of the boxes of key figures; by default territory, beneficiaries, budget. */
  figureOrder?: FigureKind[];
  /** The contact box: at the foot of page 1 (default) or under the tagline, before OBJECTIFS. */
  contact?: 'foot' | 'under-tagline';
  /** The timeline: a row of columns with the date above each text (default); a vertical list with each date beside its text, in one or two columns; 'stacked', a vertical list with each date above its text. */
  timeline?: 'row' | 'list' | 'two-columns' | 'stacked';
}

/** `text` may hold **bold** spans (whole words); U+00A0 is a no-break space. */
export interface BlockSpec {
  kind: 'paragraph' | 'item';
  text: string;
}

export interface ContactSpec {
  organisation: string;
  people: { name: string; role: string; email: string; phone: string }[];
}

/** The text a reader sees: bold markers dropped, no-break spaces as plain spaces. */
export function plainText(text: string): string {
  return text.replaceAll('**', '').replaceAll('\u00A0', ' ');
}

const PAGE_W = 612;
const PAGE_H = 792;
const LEFT = 72;
const RIGHT = 540;
const TEXT_W = RIGHT - LEFT;
const BODY = 10.5;
const LEADING = 13.5;
const SIDE = 9.5;
const SIDE_LEADING = 12;
const INDENT = 14;
const ACCENT = rgb(0.08, 0.32, 0.45);
const GREY = rgb(0.35, 0.35, 0.35);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Placed {
  card: CardSpec;
  axis: AxisSpec;
  theme: ThemeSpec;
  pdfPage: number;
}

/** Lays out the edition described by `spec` and returns the PDF bytes (deterministic). */
export async function typesetEdition(spec: EditionSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
  };
  const placed = placeCards(spec);
  const printed = (pdfPage: number) => spec.firstPageNumber + pdfPage - 1;
  spec.pageOrder.forEach((entry, k) => {
    const pdfPage = pageIndex(spec, k);
    if (entry.kind === 'card') {
      const at = placed.get(entry.key)!;
      drawCardFirstPage(doc.addPage([PAGE_W, PAGE_H]), fonts, at, printed(pdfPage), spec.title);
      drawCardSecondPage(doc.addPage([PAGE_W, PAGE_H]), fonts, at.card, printed(pdfPage + 1), spec.title, spec.design ?? {});
      return;
    }
    const page = doc.addPage([PAGE_W, PAGE_H]);
    if (entry.kind === 'cover') drawCover(page, fonts, spec);
    if (entry.kind === 'toc') drawToc(page, fonts, spec, placed, printed(pdfPage));
    if (entry.kind === 'divider') drawDivider(page, fonts, findAxis(spec, entry.axis));
  });
  return doc.save();
}

/** 1-based PDF page of each card's first page (a card entry of pageOrder takes two PDF pages). */
function placeCards(spec: EditionSpec): Map<string, Placed> {
  const byKey = new Map<string, Omit<Placed, 'pdfPage'>>();
  for (const axis of spec.axes) for (const theme of axis.themes) for (const card of theme.cards) byKey.set(card.key, { card, axis, theme });
  const placed = new Map<string, Placed>();
  spec.pageOrder.forEach((entry, k) => {
    if (entry.kind !== 'card') return;
    const found = byKey.get(entry.key);
    if (!found) throw new Error(`pageOrder names an unknown card ${entry.key}`);
    if (placed.has(entry.key)) throw new Error(`card ${entry.key} is placed twice`);
    placed.set(entry.key, { ...found, pdfPage: pageIndex(spec, k) });
  });
  for (const key of byKey.keys()) if (!placed.has(key)) throw new Error(`card ${key} has no place in pageOrder`);
  return placed;
}

/** The 1-based PDF page of pageOrder[k]. */
function pageIndex(spec: EditionSpec, k: number): number {
  return 1 + spec.pageOrder.slice(0, k).reduce((n, e) => n + (e.kind === 'card' ? 2 : 1), 0);
}

function findAxis(spec: EditionSpec, label: string): AxisSpec {
  const axis = spec.axes.find((a) => a.label === label);
  if (!axis) throw new Error(`no axis ${label}`);
  return axis;
}

// ---------------------------------------------------------------- pages

function drawCover(page: PDFPage, fonts: Fonts, spec: EditionSpec): void {
  text(page, 'RÉPUBLIQUE FRANÇAISE', LEFT, 80, fonts.bold, 9);
  text(page, 'MINISTÈRE DU TRAVAIL, DE L’EMPLOI ET DE L’INSERTION', LEFT, 94, fonts.regular, 9);
  page.drawRectangle({ x: LEFT, y: PAGE_H - 300, width: TEXT_W, height: 3, color: ACCENT });
  const lines = wrapRagged(spec.title, fonts.bold, 30, 380);
  lines.forEach((line, i) => text(page, line, LEFT, 350 + i * 36, fonts.bold, 30, ACCENT));
  text(page, spec.date, LEFT, 350 + lines.length * 36 + 30, fonts.regular, 14);
  text(page, 'PLAN D’INVESTISSEMENT DANS LES COMPÉTENCES', LEFT, 730, fonts.bold, 10, GREY);
}

function drawToc(page: PDFPage, fonts: Fonts, spec: EditionSpec, placed: Map<string, Placed>, printed: number): void {
  text(page, 'SOMMAIRE', LEFT, 84, fonts.bold, 24, ACCENT);
  let y = 124;
  for (const axis of spec.axes) {
    text(page, axis.label, LEFT, y, fonts.bold, 15, ACCENT);
    y += 22;
    for (const theme of axis.themes) {
      for (const line of wrapRagged(theme.heading, fonts.bold, 8.5, TEXT_W)) {
        text(page, line, LEFT, y, fonts.bold, 8.5, ACCENT);
        y += 11;
      }
      y += 4;
      for (const card of theme.cards) {
        const entry = `${card.title} (${card.region})`;
        const number = String(spec.firstPageNumber + placed.get(card.key)!.pdfPage - 1);
        if (fonts.regular.widthOfTextAtSize(entry, 10) > TEXT_W - 30) throw new Error(`table-of-contents entry too long: ${entry}`);
        text(page, entry, LEFT, y, fonts.regular, 10);
        text(page, number, RIGHT - fonts.bold.widthOfTextAtSize(number, 10), y, fonts.bold, 10);
        y += 17;
      }
      y += 8;
    }
    y += 10;
  }
  drawFooter(page, fonts, printed, spec.title, 'right');
}

function drawDivider(page: PDFPage, fonts: Fonts, axis: AxisSpec): void {
  page.drawRectangle({ x: 0, y: 0, width: PAGE_W, height: PAGE_H, color: rgb(0.9, 0.94, 0.96) });
  text(page, axis.label, LEFT, 300, fonts.bold, 44, ACCENT);
  wrapRagged(axis.statement, fonts.bold, 16, 400).forEach((line, i) => text(page, line, LEFT, 350 + i * 21, fonts.bold, 16));
}

function drawCardFirstPage(page: PDFPage, fonts: Fonts, at: Placed, printed: number, publication: string): void {
  const { card } = at;
  text(page, `${at.axis.label} · ${at.theme.heading}`, LEFT, 42, fonts.regular, 7, GREY);
  let y = 92;
  for (const line of wrapRagged(card.title.toLocaleUpperCase('fr'), fonts.bold, 21, TEXT_W)) {
    text(page, line, LEFT, y, fonts.bold, 21, ACCENT);
    y += 24;
  }
  const region = card.region.toLocaleUpperCase('fr');
  page.drawRectangle({ x: LEFT, y: PAGE_H - (y + 1), width: fonts.bold.widthOfTextAtSize(region, 9.5) + 16, height: 15, color: ACCENT });
  text(page, region, LEFT + 8, y - 3, fonts.bold, 9.5, rgb(1, 1, 1));
  y += 26;
  for (const line of wrapRagged(card.tagline, fonts.italic, 11.5, TEXT_W)) {
    text(page, line, LEFT, y, fonts.italic, 11.5);
    y += 14.5;
  }
  y += 16;
  const underTagline = card.design?.contact === 'under-tagline';
  if (underTagline) y = drawContactBox(page, fonts, card.contact, y - 12).bottom + 30;
  if (card.design?.figures === 'first-page-band') y = drawBand(page, fonts, card, y - 8) + 24;
  const beside = card.design?.figures === 'first-page';
  const columnW = beside ? Math.round(TEXT_W * 0.6) : TEXT_W;
  const sectionsTop = y;
  y = drawSection(page, fonts, 'OBJECTIFS', card.objectives, LEFT, y, columnW);
  y = drawSection(page, fonts, 'PLUS-VALUES', card.plusValues, LEFT, y + 14, columnW);
  if (beside) y = Math.max(y, drawFigureBoxes(page, fonts, card, sectionsTop - 12, () => ({ x: LEFT + columnW + 24, width: TEXT_W - columnW - 24, restart: false })));
  if (!underTagline) {
    const boxTop = drawContactBox(page, fonts, card.contact, null).top;
    if (y > boxTop - 12) throw new Error(`card ${card.key}: page 1 overflows into the contact box (${y} > ${boxTop})`);
  } else if (y > PAGE_H - 64) throw new Error(`card ${card.key}: page 1 overflows into the footer`);
  drawFooter(page, fonts, printed, publication, 'left');
}

function drawCardSecondPage(page: PDFPage, fonts: Fonts, card: CardSpec, printed: number, publication: string, edition: EditionDesign): void {
  text(page, card.title, RIGHT - fonts.italic.widthOfTextAtSize(card.title, 7.5), 42, fonts.italic, 7.5, GREY);
  const figures = card.design?.figures ?? 'right';
  const calendarTop = drawCalendar(page, fonts, card.calendar, card.design?.timeline ?? 'row', edition);
  if (figures === 'first-page' || figures === 'first-page-band') {
    const bottom = drawSection(page, fonts, 'PRÉSENTATION DU PROJET', card.presentation, LEFT, 86, TEXT_W);
    if (bottom > calendarTop - 12) throw new Error(`card ${card.key}: presentation overflows into the calendar (${bottom} > ${calendarTop})`);
  } else if (figures === 'band') {
    const bottom = drawSection(page, fonts, 'PRÉSENTATION DU PROJET', card.presentation, LEFT, 86, TEXT_W);
    const y = drawBand(page, fonts, card, bottom + 20);
    if (y > calendarTop - 12) throw new Error(`card ${card.key}: the band of key figures overflows into the calendar`);
  } else {
    const columnW = Math.round(TEXT_W * 0.6);
    const sideW = TEXT_W - columnW - 24;
    const textX = figures === 'left' ? LEFT + sideW + 24 : LEFT;
    const sideX = figures === 'left' ? LEFT : LEFT + columnW + 24;
    const bottom = drawSection(page, fonts, 'PRÉSENTATION DU PROJET', card.presentation, textX, 86, columnW);
    if (bottom > calendarTop - 12) throw new Error(`card ${card.key}: presentation overflows into the calendar (${bottom} > ${calendarTop})`);
    const y = drawFigureBoxes(page, fonts, card, 74, () => ({ x: sideX, width: sideW, restart: false }));
    if (y > calendarTop - 12) throw new Error(`card ${card.key}: side column overflows into the calendar`);
  }
  drawFooter(page, fonts, printed, publication, 'right');
}

/** The boxes of key figures side by side, in a band across the page from `top`; returns the lowest baseline. */
function drawBand(page: PDFPage, fonts: Fonts, card: CardSpec, top: number): number {
  const gutter = 18;
  const boxW = (TEXT_W - 2 * gutter) / 3;
  return drawFigureBoxes(page, fonts, card, top, (i) => ({ x: LEFT + i * (boxW + gutter), width: boxW, restart: true }));
}

/**
 * The three boxes of key figures (territory, beneficiaries, budget), each under a rule: stacked in
 * one column, or side by side (`restart`: every box starts at `top`). Returns the lowest baseline.
 */
function drawFigureBoxes(page: PDFPage, fonts: Fonts, card: CardSpec, top: number, place: (i: number) => { x: number; width: number; restart: boolean }): number {
  let y = top;
  let lowest = top;
  const draws: Record<FigureKind, (x: number, width: number) => void> = {
    territory: (x, w) => {
      y = drawRagged(page, card.territory, fonts.regular, SIDE, SIDE_LEADING, x, y, w) + 14;
    },
    beneficiaries: (x, w) => {
      text(page, 'Nombre prévu de bénéficiaires', x, y, fonts.bold, SIDE, ACCENT);
      y += SIDE_LEADING + 2;
      if (card.beneficiaries.before) y = drawRagged(page, card.beneficiaries.before, fonts.regular, SIDE, SIDE_LEADING, x, y, w);
      text(page, card.beneficiaries.figure, x, y + 6, fonts.bold, 17, ACCENT);
      y = drawRagged(page, card.beneficiaries.after, fonts.regular, SIDE, SIDE_LEADING, x, y + 6 + 15, w) + 14;
    },
    budget: (x, w) => {
      text(page, 'Budget', x, y, fonts.bold, SIDE, ACCENT);
      text(page, card.budget.figure, x, y + 20, fonts.bold, 17, ACCENT);
      y += 20 + 15;
      for (const line of card.budget.lines) y = drawRagged(page, line, fonts.regular, SIDE, SIDE_LEADING, x, y, w);
      y += 14;
    },
  };
  const order = card.design?.figureOrder ?? ['territory', 'beneficiaries', 'budget'];
  order.forEach((kind, i) => {
    const draw = draws[kind];
    const { x, width, restart } = place(i);
    if (restart) y = top;
    page.drawLine({ start: { x, y: PAGE_H - y }, end: { x: x + width, y: PAGE_H - y }, thickness: 0.8, color: ACCENT });
    y += 18;
    draw(x, width);
    lowest = Math.max(lowest, y);
  });
  return lowest;
}

/** A heading and its blocks; returns the baseline below the last line. */
function drawSection(page: PDFPage, fonts: Fonts, heading: string, blocks: BlockSpec[], x: number, y: number, width: number): number {
  text(page, heading, x, y, fonts.bold, 12.5, ACCENT);
  y += 19;
  for (const block of blocks) {
    const indent = block.kind === 'item' ? INDENT : 0;
    if (block.kind === 'item') page.drawCircle({ x: x + 4.5, y: PAGE_H - (y - BODY * 0.32), size: 1.7, color: ACCENT });
    const lines = breakLines(toWords(block.text), fonts, BODY, width - indent);
    y = drawJustified(page, lines, fonts, BODY, LEADING, x + indent, y, width - indent);
    y += 4;
  }
  return y;
}

/** The grey contact box, at the foot of page 1 or from `top` down; returns its top and bottom. */
function drawContactBox(page: PDFPage, fonts: Fonts, contact: ContactSpec, at: number | null): { top: number; bottom: number } {
  const rows: { text: string; font: PDFFont; icon?: 'mail' | 'phone' }[] = [
    { text: contact.organisation, font: fonts.bold },
    ...contact.people.map((p) => ({ text: `${p.name}, ${p.role}`, font: fonts.regular })),
    ...contact.people.map((p) => ({ text: p.email, font: fonts.regular, icon: 'mail' as const })),
    ...contact.people.map((p) => ({ text: p.phone, font: fonts.regular, icon: 'phone' as const })),
  ];
  const height = 14 + 16 + rows.length * 12.5 + 8;
  const top = at ?? PAGE_H - 64 - height;
  const bottom = top + height;
  page.drawRectangle({ x: LEFT, y: PAGE_H - bottom, width: TEXT_W, height, color: rgb(0.93, 0.93, 0.93) });
  page.drawRectangle({ x: LEFT, y: PAGE_H - bottom, width: 3, height, color: ACCENT });
  text(page, contact.people.length > 1 ? 'CONTACTS' : 'CONTACT', LEFT + 16, top + 20, fonts.bold, 10, ACCENT);
  let y = top + 20 + 16;
  for (const row of rows) {
    let x = LEFT + 16;
    if (row.icon === 'mail') {
      page.drawRectangle({ x, y: PAGE_H - y - 0.5, width: 8, height: 6, borderColor: ACCENT, borderWidth: 0.7 });
      page.drawLine({ start: { x, y: PAGE_H - y + 5.5 }, end: { x: x + 4, y: PAGE_H - y + 2.5 }, thickness: 0.6, color: ACCENT });
      page.drawLine({ start: { x: x + 4, y: PAGE_H - y + 2.5 }, end: { x: x + 8, y: PAGE_H - y + 5.5 }, thickness: 0.6, color: ACCENT });
      x += 13;
    } else if (row.icon === 'phone') {
      page.drawRectangle({ x: x + 1.5, y: PAGE_H - y - 0.5, width: 5, height: 7, color: ACCENT });
      x += 13;
    }
    text(page, row.text, x, y, row.font, 9.5);
    y += 12.5;
  }
  return { top, bottom };
}

/**
 * The calendar section at the foot of page 2; returns its top. 'row': the steps side by side, each
 * date above its text; 'list' and 'two-columns': a vertical list (in one or two columns), each date
 * in a column of its own beside the first line of its text (a long date wraps within that column,
 * and the step takes the taller of date and text); 'stacked': a vertical list, each date
 * above its text.
 */
function drawCalendar(page: PDFPage, fonts: Fonts, entries: CardSpec['calendar'], layout: NonNullable<CardDesign['timeline']>, edition: EditionDesign): number {
  const gutter = edition.calendarGutter ?? 18;
  if (layout === 'row') {
    const columnW = (TEXT_W - gutter * (entries.length - 1)) / entries.length;
    // A label wider than its column wraps within it; the texts start together under the tallest label.
    const labels = entries.map((e) => wrapRagged(e.label, fonts.bold, SIDE, columnW));
    const labelLines = Math.max(...labels.map((l) => l.length));
    const laid = entries.map((e) => breakLines(toWords(e.text), fonts, SIDE, columnW));
    const height = 22 + 20 + labelLines * SIDE_LEADING + Math.max(...laid.map((l) => l.length)) * SIDE_LEADING;
    const top = drawCalendarHeading(page, fonts, height, edition);
    entries.forEach((entry, i) => {
      const x = LEFT + i * (columnW + gutter);
      labels[i]!.forEach((line, n) => text(page, line, x, top + 42 + n * SIDE_LEADING, fonts.bold, SIDE, ACCENT));
      drawJustified(page, laid[i]!, fonts, SIDE, SIDE_LEADING, x, top + 42 + labelLines * SIDE_LEADING, columnW);
    });
    return top;
  }
  if (layout === 'stacked') {
    const laid = entries.map((e) => breakLines(toWords(e.text), fonts, SIDE, TEXT_W));
    const stepGap = 8;
    const height = 22 + 20 + laid.reduce((h, l) => h + (l.length + 1) * SIDE_LEADING + stepGap, -stepGap);
    const top = drawCalendarHeading(page, fonts, height, edition);
    let y = top + 42;
    entries.forEach((entry, i) => {
      page.drawCircle({ x: LEFT - 6, y: PAGE_H - (y - SIDE * 0.32), size: 2, color: ACCENT });
      text(page, entry.label, LEFT, y, fonts.bold, SIDE, ACCENT);
      y = drawJustified(page, laid[i]!, fonts, SIDE, SIDE_LEADING, LEFT, y + SIDE_LEADING, TEXT_W) + stepGap;
    });
    return top;
  }
  const columns = layout === 'two-columns' ? 2 : 1;
  const columnW = (TEXT_W - gutter * (columns - 1)) / columns;
  const dateW = layout === 'two-columns' ? 78 : 110;
  const perColumn = Math.ceil(entries.length / columns);
  const stepGap = 8;
  // A label wider than its date column (less a gap before the text) wraps within it, ragged right.
  const labelGap = 6;
  const labels = entries.map((e) => wrapRagged(e.label, fonts.bold, SIDE, dateW - labelGap));
  const laid = entries.map((e) => breakLines(toWords(e.text), fonts, SIDE, columnW - dateW));
  const stepLines = (i: number) => Math.max(labels[i]!.length, laid[i]!.length);
  // The steps of a column with a gap between them (not after the last, so the footer gap is as asked).
  const columnHeight = (c: number) => laid.slice(c * perColumn, (c + 1) * perColumn).reduce((h, _, i) => h + stepLines(c * perColumn + i) * SIDE_LEADING + stepGap, -stepGap);
  const height = 22 + 20 + Math.max(...[...Array(columns).keys()].map(columnHeight));
  const top = drawCalendarHeading(page, fonts, height, edition);
  for (let c = 0; c < columns; c++) {
    const x = LEFT + c * (columnW + gutter);
    let y = top + 42;
    entries.slice(c * perColumn, (c + 1) * perColumn).forEach((entry, i) => {
      page.drawCircle({ x: x - 6, y: PAGE_H - (y - SIDE * 0.32), size: 2, color: ACCENT });
      const k = c * perColumn + i;
      labels[k]!.forEach((line, n) => text(page, line, x, y + n * SIDE_LEADING, fonts.bold, SIDE, ACCENT));
      drawJustified(page, laid[k]!, fonts, SIDE, SIDE_LEADING, x + dateW, y, columnW - dateW);
      y += stepLines(k) * SIDE_LEADING + stepGap;
    });
  }
  return top;
}

/** The rule and heading of the calendar section, whose content takes `height`; returns its top. */
function drawCalendarHeading(page: PDFPage, fonts: Fonts, height: number, edition: EditionDesign): number {
  // With `calendarToFooter`, the last baseline (one leading above the content's end) sits the gap,
  // the footer's cap height and the text's descent above the footer's baseline.
  const end = edition.calendarToFooter === undefined
    ? PAGE_H - 70
    : FOOTER_BASELINE - 0.7 * FOOTER_SIZE - 0.25 * SIDE - edition.calendarToFooter + SIDE_LEADING;
  const top = end - height;
  page.drawLine({ start: { x: LEFT, y: PAGE_H - top }, end: { x: RIGHT, y: PAGE_H - top }, thickness: 0.8, color: ACCENT });
  text(page, 'MÉTHODE ET CALENDRIER DE DÉPLOIEMENT', LEFT, top + 22, fonts.bold, 12.5, ACCENT);
  return top;
}

const FOOTER_BASELINE = PAGE_H - 36;
const FOOTER_SIZE = 8;

function drawFooter(page: PDFPage, fonts: Fonts, printed: number, publication: string, side: 'left' | 'right'): void {
  const y = FOOTER_BASELINE;
  const number = String(printed);
  const gap = 10;
  if (side === 'left') {
    text(page, number, LEFT, y, fonts.bold, 8);
    text(page, publication, LEFT + fonts.bold.widthOfTextAtSize(number, 8) + gap, y, fonts.regular, 7.5, GREY);
  } else {
    const numberX = RIGHT - fonts.bold.widthOfTextAtSize(number, 8);
    text(page, number, numberX, y, fonts.bold, 8);
    text(page, publication, numberX - gap - fonts.regular.widthOfTextAtSize(publication, 7.5), y, fonts.regular, 7.5, GREY);
  }
}

/** One text run; `y` is the baseline measured from the top of the page. */
function text(page: PDFPage, s: string, x: number, y: number, font: PDFFont, size: number, color: RGB = rgb(0.1, 0.1, 0.1)): void {
  page.drawText(s, { x, y: PAGE_H - y, font, size, color });
}

// ---------------------------------------------------------------- line breaking

interface Word {
  text: string;
  bold: boolean;
}

interface SetLine {
  words: Word[];
  /** The paragraph's last line: set flush left, not justified. */
  last: boolean;
}

/** Splits on plain spaces (a no-break space stays inside its word); **…** marks bold words. */
function toWords(source: string): Word[] {
  const words: Word[] = [];
  let bold = false;
  for (const token of source.split(' ')) {
    if (token === '') continue;
    let t = token;
    const opens = t.startsWith('**');
    if (opens) t = t.slice(2);
    const closes = t.endsWith('**');
    if (closes) t = t.slice(0, -2);
    if (opens) bold = true;
    words.push({ text: t, bold });
    if (closes) bold = false;
  }
  return words;
}

const fontOf = (w: Word, fonts: Fonts) => (w.bold ? fonts.bold : fonts.regular);

/** Greedy line breaking with hyphenation: a word that does not fit is split at its last fitting break point. */
function breakLines(words: Word[], fonts: Fonts, size: number, width: number): SetLine[] {
  const lines: SetLine[] = [];
  let current: Word[] = [];
  let used = 0;
  const space = fonts.regular.widthOfTextAtSize(' ', size);
  const queue = [...words];
  while (queue.length > 0) {
    const word = queue.shift()!;
    const font = fontOf(word, fonts);
    const w = font.widthOfTextAtSize(word.text, size);
    if (current.length === 0 || used + space + w <= width) {
      used += (current.length === 0 ? 0 : space) + w;
      current.push(word);
      continue;
    }
    const room = width - used - space;
    const split = breakPoints(word.text)
      .reverse()
      .map((at) => ({ at, head: word.text.slice(0, at) + (word.text[at - 1] === '-' ? '' : '-') }))
      .find((s) => font.widthOfTextAtSize(s.head, size) <= room);
    if (split) {
      current.push({ text: split.head, bold: word.bold });
      queue.unshift({ text: word.text.slice(split.at), bold: word.bold });
    } else {
      queue.unshift(word);
    }
    lines.push({ words: current, last: false });
    current = [];
    used = 0;
  }
  if (current.length > 0) lines.push({ words: current, last: true });
  return lines;
}

const VOWELS = 'aeiouyàâäéèêëîïôöùûüœæ';
const INSEPARABLE = new Set(['bl', 'cl', 'fl', 'gl', 'pl', 'br', 'cr', 'dr', 'fr', 'gr', 'pr', 'tr', 'vr', 'ch', 'ph', 'th', 'gn', 'gu', 'qu']);

/**
 * Offsets where a word may be broken at a line end: after a real hyphen, or between syllables
 * (French rules of thumb: V-CV, C-C except inseparable pairs), at least 3 letters each side.
 * Proper nouns, figures, addresses and elided articles are not split by syllable.
 */
function breakPoints(word: string): number[] {
  const m = /^([«(\u00A0]*)(.*?)([,;.:)»\u00A0]*)$/u.exec(word);
  if (!m) return [];
  const start = m[1]!.length;
  const core = m[2]!;
  if (core.includes('-')) {
    const out: number[] = [];
    for (let i = 0; i < core.length - 1; i++) if (core[i] === '-' && i > 0) out.push(start + i + 1);
    return out;
  }
  if (!/^[\p{Ll}’']+$/u.test(core)) return [];
  const apostrophe = Math.max(core.lastIndexOf('’'), core.lastIndexOf("'"));
  const from = apostrophe + 1;
  const letters = core.slice(from);
  const vowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
  const out: number[] = [];
  for (let i = 3; i <= letters.length - 3; i++) {
    const a = letters[i - 1]!;
    const b = letters[i]!;
    const next = letters[i + 1];
    const hasVowelBefore = [...letters.slice(0, i)].some((c) => vowel(c));
    const hasVowelAfter = [...letters.slice(i)].some((c) => vowel(c));
    if (!hasVowelBefore || !hasVowelAfter) continue;
    const vcv = vowel(a) && !vowel(b) && vowel(next);
    const cc = !vowel(a) && !vowel(b) && !INSEPARABLE.has(a + b) && (vowel(next) || INSEPARABLE.has(b + (next ?? '')));
    if (vcv || cc) out.push(start + from + i);
  }
  return out;
}

/** Draws set lines, justified with word spacing except the last; returns the baseline below. */
function drawJustified(page: PDFPage, lines: SetLine[], fonts: Fonts, size: number, leading: number, x: number, y: number, width: number): number {
  const space = fonts.regular.widthOfTextAtSize(' ', size);
  for (const line of lines) {
    const natural = line.words.reduce((n, w) => n + fontOf(w, fonts).widthOfTextAtSize(w.text, size), 0) + space * (line.words.length - 1);
    const gaps = line.words.length - 1;
    const extra = !line.last && gaps > 0 ? (width - natural) / gaps : 0;
    // Runs of one font, each with the space that follows it, drawn with the justification as word spacing.
    let cursor = x;
    let i = 0;
    while (i < line.words.length) {
      let j = i;
      while (j + 1 < line.words.length && line.words[j + 1]!.bold === line.words[i]!.bold) j++;
      const font = fontOf(line.words[i]!, fonts);
      const run = line.words.slice(i, j + 1).map((w) => w.text).join(' ') + (j + 1 < line.words.length ? ' ' : '');
      const spaces = run.split(' ').length - 1;
      page.pushOperators(setWordSpacing(extra));
      page.drawText(run, { x: cursor, y: PAGE_H - y, font, size, color: rgb(0.1, 0.1, 0.1) });
      page.pushOperators(setWordSpacing(0));
      cursor += font.widthOfTextAtSize(run, size) + spaces * extra;
      i = j + 1;
    }
    y += leading;
  }
  return y;
}

/** Ragged-right lines (titles, boxes): no hyphenation. */
function wrapRagged(source: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of source.split(' ').filter(Boolean)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function drawRagged(page: PDFPage, source: string, font: PDFFont, size: number, leading: number, x: number, y: number, width: number): number {
  for (const line of wrapRaggedHyphenated(source, font, size, width)) {
    text(page, line, x, y, font, size);
    y += leading;
  }
  return y;
}

/** Ragged-right, but a compound that does not fit may break after one of its hyphens ("Bourgogne-" / "Franche-Comté"). */
function wrapRaggedHyphenated(source: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  const queue = source.split(' ').filter(Boolean);
  while (queue.length > 0) {
    const word = queue.shift()!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || font.widthOfTextAtSize(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    const cut = [...word.matchAll(/-/g)].map((m) => m.index + 1).reverse().find((at) => font.widthOfTextAtSize(`${current} ${word.slice(0, at)}`, size) <= width);
    if (cut !== undefined) {
      lines.push(`${current} ${word.slice(0, cut)}`);
      queue.unshift(word.slice(cut));
    } else {
      lines.push(current);
      queue.unshift(word);
    }
    current = '';
  }
  if (current !== '') lines.push(current);
  return lines;
}
