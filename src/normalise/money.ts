// Budget boxes: every euro figure, the headline, a range, the Pacte share and the "par …" unit.
import type { DiagnosticDraft } from '../model/diagnostics.ts';
import type { Budget, BudgetStatus } from '../validate/schema.ts';
import { looksLikeYear, NUMBER_SOURCE, readFrenchNumber, roundToCents, unifySpaces } from './french-number.ts';
import { dropLabelAtEnd, readLabelBefore, readPhraseAfter, readPhraseBefore } from './phrase.ts';

export interface AmountMention {
  eur: number;
  /**
   * What the figure is about, in this order of preference:
   * 1. the label introducing it ("2018 : 29 097 800 euros" → "2018", "DECLIC : …" → "DECLIC");
   * 2. the phrase after it, up to the next figure, a clause boundary or an opening parenthesis
   *    (text inside a parenthesis right after the figure is used), without linking words
   *    ("1 800 000 euros par an dont …" → "par an");
   * 3. else the phrase before it ("Un budget global de 2 000 000 euros" → "Un budget global");
   * else "". Both ends of a range carry the same context.
   */
  context: string;
}

type FigureKind = 'single' | 'range' | 'min' | 'max';

interface Figure {
  kind: FigureKind;
  /** Single value, or the known bound(s). */
  low: number | null;
  high: number | null;
  start: number;
  end: number;
  /** Text between the previous figure (or the start) and this one. */
  before: string;
  label: string | null;
  context: string;
  /** Written without its own currency word before another figure ("200 000 et 30 000 euros"). */
  sharesContext?: boolean;
}

const MULTIPLIER_SOURCE = String.raw`milliards?|millions?|mille|mios?|mds?|md|m|k`;
const CURRENCY_SOURCE = String.raw`(?:(?:d['’]|de)\s*)?(?:euros?|€|eur)(?![\p{L}])`;
const AMOUNT = new RegExp(
  String.raw`(${NUMBER_SOURCE})\s*(?:(${MULTIPLIER_SOURCE})\.?\s*)?(?:\/\s*)?${CURRENCY_SOURCE}`,
  'giu',
);
/** A bare first number of a range, right before the figure: "entre 200 000 et", "12 000 à". */
const RANGE_LOW = new RegExp(
  String.raw`(?:(entre|de|du)\s+)?(${NUMBER_SOURCE})\s*(?:(${MULTIPLIER_SOURCE})\.?\s*)?(?:${CURRENCY_SOURCE}\s*)?(à|au|et|ou|-|–|—)\s*$`,
  'iu',
);
const UPPER_BOUND = /(?:inf[ée]rieur(?:e|s|es)? à|moins de|jusqu['’]à|au plus|au maximum|maximum|plafonn[ée]e?s? à)\s*$/iu;
const LOWER_BOUND = /(?:sup[ée]rieur(?:e|s|es)? à|plus de|au moins|au minimum|minimum|à partir de)\s*$/iu;
const SHARE = /(?:^|\s)dont(?:\s+\S+){0,3}\s*$/iu;
const TOTAL = /(?:total|totalit[ée])\s*(?:de|:)?\s*$|(?:^|\s)soit\s*$/iu;
const PACTE = /\bpacte\b/iu;
const NOT_PACTE = /\b(?:hors|sans|en dehors d[ue])\b[^,;]*\bpacte\b/iu;

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  mille: 1e3,
  m: 1e6,
  mio: 1e6,
  mios: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  mds: 1e9,
  milliard: 1e9,
  milliards: 1e9,
};

// Boxes without an amount, checked in this order (a box saying "Pas de budget spécifique
// (temps d'animation …)" is 'none' even though it also names staff time).
const NO_AMOUNT_PHRASES: { status: BudgetStatus; pattern: RegExp }[] = [
  {
    status: 'none',
    pattern: /\b(?:pas|aucun|sans)\s+(?:de\s+|d['’])?(?:budget|co[uû]t|financement|surco[uû]t|d[ée]pense)|\bn[ée]ant\b|\bgratuit/iu,
  },
  {
    status: 'unknown',
    pattern:
      /\bnon\s+(?:connu|d[ée]fini|d[ée]termin[ée]|chiffr[ée]|communiqu[ée]|disponible|estim[ée])|\ben cours\s+(?:d['’]estimation|de chiffrage|de d[ée]finition|d['’][ée]valuation|d['’][ée]tude)|(?<![\p{L}])(?:à|a)\s+(?:d[ée]finir|d[ée]terminer|pr[ée]ciser|chiffrer|estimer|venir)\b|\binconnu|^\s*n\.?\s*c\.?\s*$/iu,
  },
  {
    status: 'in-kind',
    pattern:
      /\bpris(?:e|es)?\s+sur\b|\bco[uû]ts?\s+int[ée]gr[ée]|\bint[ée]gr[ée]e?s?\s+(?:au|à|dans)\b|\binscrite?s?\s+(?:au|dans)\s+(?:le\s+)?budget|\bETP\b|\bjours?[\s/-]*(?:homme|agent)|\btemps\s+(?:d['’]animation|de travail|agent|de personnel)|\bmise à disposition|\bmoyens?\s+(?:internes?|humains|existants)|\bvalorisation\b|\bfonds propres\b|\bsur le budget\b/iu,
  },
];

export function parseBudget(text: string): { budget: Budget; diagnostics: DiagnosticDraft[] } {
  const clean = unifySpaces(text);
  const figures = findFigures(clean);
  const diagnostics: DiagnosticDraft[] = [...findUnreadEuros(clean, figures)];
  const budget: Budget = {
    text,
    status: 'unknown',
    amountEur: null,
    minEur: null,
    maxEur: null,
    pacteEur: null,
    per: null,
    amounts: listAmounts(figures),
  };

  if (figures.length === 0) {
    const phrase = NO_AMOUNT_PHRASES.find((p) => p.pattern.test(clean));
    if (phrase) {
      budget.status = phrase.status;
    } else {
      diagnostics.push({
        code: 'normalise/unread-budget',
        severity: 'warning',
        message: clean === '' ? 'the budget box is empty' : `no amount and no known wording in the budget box: "${clean}"`,
      });
    }
    return { budget, diagnostics };
  }

  const lead = figures.find((f) => !SHARE.test(f.before)) ?? figures[0]!;
  const headline = chooseHeadline(figures);
  if (lead.kind === 'single') {
    budget.status = 'amount';
  } else {
    budget.status = 'range';
    budget.minEur = lead.low;
    budget.maxEur = lead.high;
  }
  if (headline?.kind === 'single') budget.amountEur = headline.low;
  if (headline === null) {
    diagnostics.push({
      code: 'normalise/budget-without-total',
      severity: 'info',
      message: `the budget box gives ${budget.amounts.length} amounts for different parts and states no total: "${clean}"`,
    });
  }
  const unitOf = headline ?? (lead.kind === 'single' ? null : lead);
  if (unitOf) budget.per = readPer(unitOf, clean, figures);
  budget.pacteEur = findPacteShare(figures, clean);
  return { budget, diagnostics };
}

/** Every euro figure of the text, in order (both ends of a range). */
export function parseAmounts(text: string): AmountMention[] {
  return listAmounts(findFigures(unifySpaces(text)));
}

function listAmounts(figures: Figure[]): AmountMention[] {
  const out: AmountMention[] = [];
  for (const f of figures) {
    if (f.low !== null) out.push({ eur: f.low, context: f.context });
    if (f.high !== null && f.high !== f.low) out.push({ eur: f.high, context: f.context });
  }
  return out;
}

function findFigures(clean: string): Figure[] {
  const figures: Figure[] = [];
  let previousEnd = 0;
  for (const match of clean.matchAll(AMOUNT)) {
    const multiplier = match[2] ? (MULTIPLIERS[match[2].toLowerCase()] ?? 1) : 1;
    const value = roundToCents(readFrenchNumber(match[1]!) * multiplier);
    let start = match.index;
    let before = clean.slice(previousEnd, start);
    let figure: Figure = { kind: 'single', low: value, high: null, start, end: start + match[0].length, before, label: null, context: '' };

    const previous = figures.at(-1);
    const low = RANGE_LOW.exec(before);
    if (previous && previous.kind === 'single' && isRangeJoin(before, previous)) {
      // "12 000 euros à 15 000 euros": the previous figure becomes the low end.
      figures.pop();
      figure = { ...figure, kind: 'range', low: previous.low, high: value, start: previous.start, before: previous.before };
    } else if (low && isListJoin(low)) {
      // "200 000 et 30 000 euros": two figures sharing one currency word.
      const lowStart = previousEnd + low.index + (low[1] ? low[1].length + 1 : 0);
      const lowEnd = lowStart + low[2]!.length;
      figures.push({
        kind: 'single',
        low: roundToCents(readFrenchNumber(low[2]!) * (low[3] ? (MULTIPLIERS[low[3].toLowerCase()] ?? 1) : multiplier)),
        high: null,
        start: lowStart,
        end: lowEnd,
        before: clean.slice(previousEnd, lowStart),
        label: readLabelBefore(clean.slice(previousEnd, lowStart)),
        context: '',
        sharesContext: true,
      });
      previousEnd = lowEnd;
      before = clean.slice(previousEnd, start);
      figure = { ...figure, before };
    } else if (low && isRangeLow(low, multiplier, value)) {
      const lowMultiplier = low[3] ? (MULTIPLIERS[low[3].toLowerCase()] ?? 1) : multiplier;
      const lowValue = roundToCents(readFrenchNumber(low[2]!) * lowMultiplier);
      start = previousEnd + low.index;
      before = clean.slice(previousEnd, start);
      figure = { ...figure, kind: 'range', low: lowValue, high: value, start, before };
    } else if (UPPER_BOUND.test(before)) {
      figure = { ...figure, kind: 'max', low: null, high: value };
    } else if (LOWER_BOUND.test(before)) {
      figure = { ...figure, kind: 'min', low: value, high: null };
    }
    figure.label = readLabelBefore(figure.before);
    figures.push(figure);
    previousEnd = figure.end;
  }
  for (const [i, f] of figures.entries()) {
    const next = figures[i + 1];
    const after = dropLabelAtEnd(clean.slice(f.end, next ? next.start : clean.length));
    f.context = f.label ?? (readPhraseAfter(after) || fallbackContext(f, i));
  }
  for (let i = figures.length - 2; i >= 0; i--) if (figures[i]!.sharesContext) figures[i]!.context = figures[i + 1]!.context;
  return figures;
}

/** A figure with nothing after it: "total" for a stated total, else the phrase opening the box. */
function fallbackContext(figure: Figure, index: number): string {
  if (TOTAL.test(figure.before)) return 'total';
  return index === 0 ? readPhraseBefore(figure.before) : '';
}

function isListJoin(low: RegExpExecArray): boolean {
  return (low[4] === 'et' && low[1]?.toLowerCase() !== 'entre') || low[4] === 'ou';
}

/** "12 000 à", "entre 200 000 et": the low end must be below the high one and not a year ("2019 - 500 000 euros"). */
function isRangeLow(low: RegExpExecArray, multiplier: number, high: number): boolean {
  const lowValue = readFrenchNumber(low[2]!) * (low[3] ? (MULTIPLIERS[low[3].toLowerCase()] ?? 1) : multiplier);
  if (lowValue > high) return false;
  return !(looksLikeYear(low[2]!) && !low[3] && high >= 10 * lowValue);
}

function isRangeJoin(gap: string, previous: Figure): boolean {
  if (/^\s*(?:à|au|-|–|—)\s*$/u.test(gap)) return true;
  return /^\s*et\s*$/u.test(gap) && /\bentre\s*$/iu.test(previous.before);
}

/**
 * The headline, in this order: an explicit total ("soit un total de 18 000 euros"); the only
 * figure that is not a share ("dont …"); a first figure that equals the sum of the others; a
 * first figure standing alone that the next ones only qualify ("10 100 000 euros 13 847 000 euros
 * avec la rémunération des stagiaires"). None when every figure is a qualified part ("2018 : …
 * 2019 : …", "120 000 euros pour le développement 100 000 euros de fonctionnement"): we never
 * add parts up ourselves.
 */
function chooseHeadline(figures: Figure[]): Figure | null {
  const total = figures.find((f) => TOTAL.test(f.before));
  if (total) return total;
  const candidates = figures.filter((f) => !SHARE.test(f.before));
  const [first, ...others] = candidates;
  if (!first) return figures[0] ?? null;
  if (others.length === 0) return first;
  if (first.kind === 'single' && others.every((f) => f.kind === 'single')) {
    const sum = others.reduce((total, f) => total + f.low!, 0);
    if (Math.abs(sum - first.low!) < 1) return first;
  }
  return first.context === '' ? first : null;
}

const PER_WORDS: [RegExp, string][] = [
  [/\bannuel(?:le)?s?\b/iu, 'an'],
  [/\bmensuel(?:le)?s?\b/iu, 'mois'],
  [/\bhebdomadaires?\b/iu, 'semaine'],
  [/\b(?:journali[eè]re?s?|quotidien(?:ne)?s?)\b/iu, 'jour'],
];

/** The unit of the headline: "par an", "/an", "par parcours"; or "annuel", "journalier" before it. */
function readPer(headline: Figure, clean: string, figures: Figure[]): string | null {
  const next = figures.find((f) => f.start >= headline.end);
  const after = clean.slice(headline.end, next ? next.start : clean.length).split(/[(;]/)[0] ?? '';
  const par = /^(?:[^.]*?\s)?(?:par\s+|\/\s*)(?!(?:le|la|les|un|une|des|du|de|d['’]|l['’])\s)(\p{Ll}[\p{L}-]*)/u.exec(after);
  if (par) return par[1] === 'année' ? 'an' : par[1]!;
  const lead = headline.before.split(/[.;:]/).at(-1) ?? '';
  for (const [pattern, unit] of PER_WORDS) if (pattern.test(lead)) return unit;
  return null;
}

/** The first single figure whose own phrase says it is (part of) the Pacte's money. */
function findPacteShare(figures: Figure[], clean: string): number | null {
  for (const [i, f] of figures.entries()) {
    if (f.kind !== 'single') continue;
    const next = figures[i + 1];
    const after = dropLabelAtEnd(clean.slice(f.end, next ? next.start : clean.length)).split(/[(;]/)[0] ?? '';
    if (PACTE.test(after) && !NOT_PACTE.test(after)) return f.low;
  }
  return null;
}

/** Any "euro" or "€" left outside the figures read means a figure we could not read. */
function findUnreadEuros(clean: string, figures: Figure[]): DiagnosticDraft[] {
  let rest = clean;
  for (const f of [...figures].reverse()) rest = rest.slice(0, f.start) + ' '.repeat(f.end - f.start) + rest.slice(f.end);
  const out: DiagnosticDraft[] = [];
  for (const m of rest.matchAll(/euros?(?![\p{L}])|€|\bEUR\b/giu)) {
    const fragment = clean.slice(Math.max(0, m.index - 30), m.index + m[0].length).trim();
    out.push({ code: 'normalise/unread-amount', severity: 'warning', message: `an amount could not be read: "…${fragment}"` });
  }
  return out;
}
