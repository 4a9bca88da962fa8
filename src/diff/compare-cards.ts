// Field-by-field comparison of two versions of one card.
import type { Beneficiaries, Block, Budget, CalendarEntry, Card, Contact, KeyFigure } from '../validate/schema.ts';
import { compareList, compareNullable, compareText, compareValue } from './compare-fields.ts';
import type { DiffOptions, FieldChange } from './types.ts';

export interface CompareCardOptions extends DiffOptions {
  /** Leave out id and title (a renamed card reports them in its header). */
  skipIdentity?: boolean;
}

export function compareCards(oldCard: Card, newCard: Card, options: CompareCardOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  if (!options.skipIdentity) {
    compareValue('id', oldCard.id, newCard.id, out);
    compareText('title', oldCard.title, newCard.title, out);
  }
  compareText('titleOnCard', oldCard.titleOnCard, newCard.titleOnCard, out);
  compareValue('region', oldCard.region, newCard.region, out);
  compareValue('axis', oldCard.axis, newCard.axis, out);
  compareValue('theme', oldCard.theme, newCard.theme, out);
  compareValue('pages', oldCard.pages, newCard.pages, out);
  if (options.includeLayout) compareValue('pdfPages', oldCard.pdfPages, newCard.pdfPages, out);
  compareText('tagline', oldCard.tagline, newCard.tagline, out);
  compareBlocks('objectives', oldCard.objectives, newCard.objectives, out);
  compareBlocks('plusValues', oldCard.plusValues, newCard.plusValues, out);
  compareContacts(oldCard.contacts, newCard.contacts, out);
  compareBlocks('presentation', oldCard.presentation, newCard.presentation, out);
  compareKeyFigures(oldCard.keyFigures, newCard.keyFigures, out);
  compareText('territory', oldCard.territory, newCard.territory, out);
  compareNullable('beneficiaries', oldCard.beneficiaries, newCard.beneficiaries, out, (a, b) => compareBeneficiaries(a, b, out));
  compareNullable('budget', oldCard.budget, newCard.budget, out, (a, b) => compareBudget(a, b, out));
  compareCalendar(oldCard.calendar, newCard.calendar, out);
  compareList(
    'extras',
    oldCard.extras,
    newCard.extras,
    out,
    (e) => `${e.heading} ${e.text}`,
    (prefix, a, b) => {
      compareValue(`${prefix}.heading`, a.heading, b.heading, out);
      compareText(`${prefix}.text`, a.text, b.text, out);
    },
  );
  compareValue('language', oldCard.language, newCard.language, out);
  if (options.includeLayout) compareProvenance(oldCard.provenance, newCard.provenance, out);
  return out;
}

function compareBlocks(path: string, oldBlocks: readonly Block[], newBlocks: readonly Block[], out: FieldChange[]): void {
  compareList(path, oldBlocks, newBlocks, out, (b) => b.text, (prefix, a, b) => {
    compareValue(`${prefix}.kind`, a.kind, b.kind, out);
    compareText(`${prefix}.text`, a.text, b.text, out);
  });
}

function compareContacts(oldContacts: readonly Contact[], newContacts: readonly Contact[], out: FieldChange[]): void {
  const textOf = (c: Contact): string => [c.organisation, c.name, c.role, c.email, c.phone].filter((v) => v !== null).join(' ');
  compareList('contacts', oldContacts, newContacts, out, textOf, (prefix, a, b) => {
    compareText(`${prefix}.organisation`, a.organisation, b.organisation, out);
    compareValue(`${prefix}.name`, a.name, b.name, out);
    compareText(`${prefix}.role`, a.role, b.role, out);
    compareValue(`${prefix}.email`, a.email, b.email, out);
    compareValue(`${prefix}.phone`, a.phone, b.phone, out);
  });
}

function compareKeyFigures(oldFigures: readonly KeyFigure[], newFigures: readonly KeyFigure[], out: FieldChange[]): void {
  compareList('keyFigures', oldFigures, newFigures, out, (k) => `${k.label ?? ''} ${k.text}`, (prefix, a, b) => {
    compareValue(`${prefix}.kind`, a.kind, b.kind, out);
    compareValue(`${prefix}.label`, a.label, b.label, out);
    compareText(`${prefix}.text`, a.text, b.text, out);
  });
}

function compareBeneficiaries(a: Beneficiaries, b: Beneficiaries, out: FieldChange[]): void {
  compareText('beneficiaries.text', a.text, b.text, out);
  // The counts' contexts are cut from the text, whose change is already shown: compare the numbers.
  compareValue('beneficiaries.numbers', a.numbers.map((n) => n.value), b.numbers.map((n) => n.value), out);
}

function compareBudget(a: Budget, b: Budget, out: FieldChange[]): void {
  compareValue('budget.status', a.status, b.status, out);
  compareValue('budget.amountEur', a.amountEur, b.amountEur, out);
  compareValue('budget.minEur', a.minEur, b.minEur, out);
  compareValue('budget.maxEur', a.maxEur, b.maxEur, out);
  compareValue('budget.pacteEur', a.pacteEur, b.pacteEur, out);
  compareValue('budget.per', a.per, b.per, out);
  compareValue('budget.amounts', a.amounts.map((x) => x.eur), b.amounts.map((x) => x.eur), out);
  compareText('budget.text', a.text, b.text, out);
}

function compareCalendar(oldEntries: readonly CalendarEntry[], newEntries: readonly CalendarEntry[], out: FieldChange[]): void {
  compareList('calendar', oldEntries, newEntries, out, (e) => `${e.label} ${e.text}`, (prefix, a, b) => {
    compareValue(`${prefix}.label`, a.label, b.label, out);
    compareValue(`${prefix}.start`, a.start, b.start, out);
    compareValue(`${prefix}.end`, a.end, b.end, out);
    compareValue(`${prefix}.precision`, a.precision, b.precision, out);
    compareText(`${prefix}.text`, a.text, b.text, out);
  });
}

function compareProvenance(a: Card['provenance'], b: Card['provenance'], out: FieldChange[]): void {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof Card['provenance'])[];
  for (const field of fields) compareValue(`provenance.${field}`, a[field] ?? null, b[field] ?? null, out);
}
