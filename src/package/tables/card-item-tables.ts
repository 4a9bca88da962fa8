// The tables that list a card's repeated items, one row per item, keyed by card id and position.
import {
  BlockSchema,
  KeyFigureSchema,
  PrecisionSchema,
  type Block,
  type Card,
  type CalendarEntry,
  type Contact,
  type Count,
  type KeyFigure,
} from '../../validate/schema.ts';
import {
  CARD_FOREIGN_KEY,
  cardIdColumn,
  dateColumn,
  enumColumn,
  listCardItems,
  numberColumn,
  positionColumn,
  stringColumn,
  type CardItemRow,
} from '../columns.ts';
import { defineTable } from '../table-schema.ts';

const BLOCK_SECTIONS: readonly { section: string; pick: (card: Card) => Block[] }[] = [
  { section: 'objectives', pick: (c) => c.objectives },
  { section: 'plus-values', pick: (c) => c.plusValues },
  { section: 'presentation', pick: (c) => c.presentation },
];

type BlockRow = CardItemRow<Block> & { section: string };

export const blocksTable = defineTable<BlockRow>({
  name: 'blocks',
  title: 'Text blocks',
  description: 'The paragraphs, list items and headings of the sections OBJECTIFS, PLUS-VALUES and PRÉSENTATION DU PROJET.',
  primaryKey: ['card_id', 'section', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) =>
    dataset.cards.flatMap((card) =>
      BLOCK_SECTIONS.flatMap(({ section, pick }) => listCardItems([card], pick).map((row) => ({ ...row, section }))),
    ),
  columns: [
    cardIdColumn(),
    enumColumn({ name: 'section', description: 'objectives, plus-values or presentation', values: BLOCK_SECTIONS.map((s) => s.section), required: true, value: (r) => r.section }),
    positionColumn('block in its section'),
    enumColumn({ name: 'kind', description: 'paragraph, item (a list item, without its bullet) or heading', values: BlockSchema.shape.kind.options, required: true, value: (r) => r.item.kind }),
    stringColumn({ name: 'text', description: 'Text of the block', value: (r) => r.item.text, constraints: { required: true } }),
  ],
});

export const contactsTable = defineTable<CardItemRow<Contact>>({
  name: 'contacts',
  title: 'Contacts',
  description: 'One row per person of a card\'s CONTACT box.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.contacts),
  columns: [
    cardIdColumn(),
    positionColumn('contact'),
    stringColumn({ name: 'organisation', description: 'Body the person belongs to', value: (r) => r.item.organisation }),
    stringColumn({ name: 'name', description: 'Name of the person', value: (r) => r.item.name }),
    stringColumn({ name: 'role', description: 'Role of the person', value: (r) => r.item.role }),
    stringColumn({ name: 'email', description: 'E-mail address as printed', value: (r) => r.item.email }),
    stringColumn({ name: 'phone', description: 'Telephone number as printed', value: (r) => r.item.phone }),
  ],
});

export const calendarTable = defineTable<CardItemRow<CalendarEntry>>({
  name: 'calendar',
  title: 'Calendar',
  description: 'The steps of MÉTHODE ET CALENDRIER DE DÉPLOIEMENT, with the interval each label covers.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.calendar),
  columns: [
    cardIdColumn(),
    positionColumn('step'),
    stringColumn({ name: 'label', description: 'Date label as printed, e.g. "Décembre 2019 à février 2020"', value: (r) => r.item.label }),
    dateColumn({ name: 'start', description: 'First day the label covers; empty when open or unreadable', value: (r) => r.item.start }),
    dateColumn({ name: 'end', description: 'Last day the label covers; empty when open or unreadable', value: (r) => r.item.end }),
    enumColumn({ name: 'precision', description: 'day, month, season, quarter, semester or year; empty when the label could not be read', values: PrecisionSchema.options, value: (r) => r.item.precision }),
    stringColumn({ name: 'text', description: 'What happens then', value: (r) => r.item.text }),
  ],
});

export const keyFiguresTable = defineTable<CardItemRow<KeyFigure>>({
  name: 'key-figures',
  title: 'Key figures',
  description: 'Every box of a card\'s side column, in reading order.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.keyFigures),
  columns: [
    cardIdColumn(),
    positionColumn('box'),
    enumColumn({ name: 'kind', description: 'territory, beneficiaries, budget or other', values: KeyFigureSchema.shape.kind.options, required: true, value: (r) => r.item.kind }),
    stringColumn({ name: 'label', description: 'Heading of the box, if any', value: (r) => r.item.label }),
    stringColumn({ name: 'text', description: 'Text of the box', value: (r) => r.item.text }),
  ],
});

export const budgetAmountsTable = defineTable<CardItemRow<{ eur: number; context: string }>>({
  name: 'budget-amounts',
  title: 'Budget amounts',
  description: 'Every euro figure of a card\'s budget box, in order.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.budget?.amounts ?? []),
  columns: [
    cardIdColumn(),
    positionColumn('amount'),
    numberColumn({ name: 'eur', description: 'Amount in euros', value: (r) => r.item.eur, constraints: { required: true, minimum: 0 } }),
    stringColumn({ name: 'context', description: 'The words around the amount', value: (r) => r.item.context }),
  ],
});

export const beneficiaryNumbersTable = defineTable<CardItemRow<Count>>({
  name: 'beneficiary-numbers',
  title: 'Beneficiary numbers',
  description: 'Every count of a card\'s beneficiaries box, in order.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.beneficiaries?.numbers ?? []),
  columns: [
    cardIdColumn(),
    positionColumn('count'),
    numberColumn({ name: 'value', description: 'The count', value: (r) => r.item.value, constraints: { required: true } }),
    stringColumn({ name: 'context', description: 'What is counted', value: (r) => r.item.context }),
  ],
});

export const extrasTable = defineTable<CardItemRow<{ heading: string; text: string }>>({
  name: 'extras',
  title: 'Other boxes',
  description: 'Any other framed box of a card.',
  primaryKey: ['card_id', 'position'],
  foreignKeys: [CARD_FOREIGN_KEY],
  rows: (dataset) => listCardItems(dataset.cards, (c) => c.extras),
  columns: [
    cardIdColumn(),
    positionColumn('box'),
    stringColumn({ name: 'heading', description: 'Heading of the box', value: (r) => r.item.heading }),
    stringColumn({ name: 'text', description: 'Text of the box', value: (r) => r.item.text }),
  ],
});
