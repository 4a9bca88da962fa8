// cards.csv: one row per card, every single-valued field flattened into a column.
import { AxisSchema, BudgetStatusSchema, type Card, type Dataset, type Diagnostic } from '../../validate/schema.ts';
import { enumColumn, integerColumn, numberColumn, stringColumn } from '../columns.ts';
import { defineTable } from '../table-schema.ts';

interface CardRow {
  card: Card;
  warnings: number;
  errors: number;
}

function countBySeverity(diagnostics: readonly Diagnostic[], cardId: string, severity: Diagnostic['severity']): number {
  return diagnostics.filter((d) => d.cardId === cardId && d.severity === severity).length;
}

function toCardRows(dataset: Dataset): CardRow[] {
  return dataset.cards.map((card) => ({
    card,
    warnings: countBySeverity(dataset.diagnostics, card.id, 'warning'),
    errors: countBySeverity(dataset.diagnostics, card.id, 'error'),
  }));
}

const euros = (name: string, description: string, pick: (c: Card) => number | null) =>
  numberColumn<CardRow>({ name, description, value: (r) => pick(r.card), constraints: { minimum: 0 } });

export const cardsTable = defineTable<CardRow>({
  name: 'cards',
  title: 'Cards',
  description: 'One row per action card, in table-of-contents order.',
  primaryKey: ['id'],
  foreignKeys: [],
  rows: toCardRows,
  columns: [
    stringColumn({
      name: 'id',
      description: 'Stable identifier: <region-slug>--<title-slug>',
      value: (r) => r.card.id,
      constraints: { required: true, unique: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*' },
    }),
    stringColumn({ name: 'title', description: 'Title as written in the table of contents', value: (r) => r.card.title, constraints: { required: true } }),
    stringColumn({ name: 'title_on_card', description: 'Title as printed on the card (capitals)', value: (r) => r.card.titleOnCard }),
    stringColumn({ name: 'region', description: 'Canonical region name', value: (r) => r.card.region, constraints: { required: true } }),
    enumColumn({ name: 'axis', description: 'Axis of the Pacte: 1, 2 or transverse', values: AxisSchema.options, required: true, value: (r) => r.card.axis }),
    stringColumn({ name: 'theme', description: 'Theme heading the card is listed under', value: (r) => r.card.theme }),
    integerColumn({ name: 'page_first', description: 'Printed page number of the first page', value: (r) => r.card.pages[0] }),
    integerColumn({ name: 'page_last', description: 'Printed page number of the second page', value: (r) => r.card.pages[1] }),
    integerColumn({ name: 'pdf_page_first', description: '1-based PDF page index of the first page', value: (r) => r.card.pdfPages[0], constraints: { required: true, minimum: 1 } }),
    integerColumn({ name: 'pdf_page_last', description: '1-based PDF page index of the second page', value: (r) => r.card.pdfPages[1], constraints: { required: true, minimum: 1 } }),
    stringColumn({ name: 'tagline', description: 'The line under the title', value: (r) => r.card.tagline }),
    stringColumn({ name: 'territory', description: 'Text of the territory box', value: (r) => r.card.territory }),
    stringColumn({ name: 'beneficiaries', description: 'Text of the beneficiaries box (its counts are in beneficiary-numbers.csv)', value: (r) => r.card.beneficiaries?.text ?? null }),
    enumColumn({
      name: 'budget_status',
      description: 'amount, range, none, unknown or in-kind; empty when the card has no budget box',
      values: BudgetStatusSchema.options,
      value: (r) => r.card.budget?.status ?? null,
    }),
    euros('budget_amount_eur', 'Headline total of the budget, in euros', (c) => c.budget?.amountEur ?? null),
    euros('budget_min_eur', 'Lower bound of a budget range, in euros', (c) => c.budget?.minEur ?? null),
    euros('budget_max_eur', 'Upper bound of a budget range, in euros', (c) => c.budget?.maxEur ?? null),
    euros('budget_pacte_eur', 'Share of the budget funded by the Pacte, in euros', (c) => c.budget?.pacteEur ?? null),
    stringColumn({ name: 'budget_per', description: 'Unit the budget is given per ("an", "parcours", ...)', value: (r) => r.card.budget?.per ?? null }),
    stringColumn({ name: 'budget_text', description: 'Whole text of the budget box (its euro figures are in budget-amounts.csv)', value: (r) => r.card.budget?.text ?? null }),
    stringColumn({ name: 'language', description: 'ISO 639-3 code of the card text language', value: (r) => r.card.language, constraints: { pattern: '[a-z]{3}' } }),
    integerColumn({ name: 'warning_count', description: 'Number of warning diagnostics about this card (diagnostics.csv)', value: (r) => r.warnings, constraints: { required: true, minimum: 0 } }),
    integerColumn({ name: 'error_count', description: 'Number of error diagnostics about this card (diagnostics.csv)', value: (r) => r.errors, constraints: { required: true, minimum: 0 } }),
  ],
});
