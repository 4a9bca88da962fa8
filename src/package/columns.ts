// Column builders: a Table Schema field and the function that reads its cell, declared together.
import type { Card } from '../validate/schema.ts';
import type { Cell } from './csv.ts';
import type { Column, FieldConstraints, FieldType, ForeignKeyDescriptor } from './table-schema.ts';

interface ColumnSpec<Row, V extends Cell> {
  name: string;
  description: string;
  value: (row: Row) => V | null;
  constraints?: FieldConstraints;
}

function makeColumn<Row>(type: FieldType, spec: ColumnSpec<Row, Cell>, format?: string): Column<Row> {
  return {
    field: {
      name: spec.name,
      type,
      ...(format ? { format } : {}),
      description: spec.description,
      ...(spec.constraints ? { constraints: spec.constraints } : {}),
    },
    value: spec.value,
  };
}

export const stringColumn = <Row>(spec: ColumnSpec<Row, string>) => makeColumn('string', spec);
export const integerColumn = <Row>(spec: ColumnSpec<Row, number>) => makeColumn('integer', spec);
export const numberColumn = <Row>(spec: ColumnSpec<Row, number>) => makeColumn('number', spec);
export const dateColumn = <Row>(spec: ColumnSpec<Row, string>) => makeColumn('date', spec, 'default');

export function enumColumn<Row>(spec: ColumnSpec<Row, string> & { values: readonly string[]; required?: boolean }): Column<Row> {
  return makeColumn('string', {
    ...spec,
    constraints: { ...(spec.required ? { required: true } : {}), enum: [...spec.values] },
  });
}

/** A row of a table that lists one item of a card per row, in the card's order. */
export interface CardItemRow<T> {
  cardId: string;
  position: number;
  item: T;
}

export function listCardItems<T>(cards: readonly Card[], pick: (card: Card) => readonly T[]): CardItemRow<T>[] {
  return cards.flatMap((card) => pick(card).map((item, i) => ({ cardId: card.id, position: i + 1, item })));
}

export function cardIdColumn<Row extends { cardId: string }>(): Column<Row> {
  return stringColumn<Row>({
    name: 'card_id',
    description: 'The card this row belongs to (cards.id)',
    value: (r) => r.cardId,
    constraints: { required: true },
  });
}

export function positionColumn<Row extends { position: number }>(what: string): Column<Row> {
  return integerColumn<Row>({
    name: 'position',
    description: `Order of the ${what} within its card, from 1`,
    value: (r) => r.position,
    constraints: { required: true, minimum: 1 },
  });
}

export const CARD_FOREIGN_KEY: ForeignKeyDescriptor = { fields: 'card_id', reference: { resource: 'cards', fields: 'id' } };
