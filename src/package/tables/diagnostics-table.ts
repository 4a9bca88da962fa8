// diagnostics.csv: every diagnostic of the dataset, so problems can be filtered next to the cards.
import { DiagnosticSchema, type Diagnostic } from '../../validate/schema.ts';
import { enumColumn, integerColumn, stringColumn } from '../columns.ts';
import { defineTable } from '../table-schema.ts';

interface DiagnosticRow {
  position: number;
  diagnostic: Diagnostic;
}

export const diagnosticsTable = defineTable<DiagnosticRow>({
  name: 'diagnostics',
  title: 'Diagnostics',
  description: 'What the extraction could not read or found doubtful, in dataset order.',
  primaryKey: ['position'],
  foreignKeys: [{ fields: 'card_id', reference: { resource: 'cards', fields: 'id' } }],
  rows: (dataset) => dataset.diagnostics.map((diagnostic, i) => ({ position: i + 1, diagnostic })),
  columns: [
    integerColumn({ name: 'position', description: 'Order of the diagnostic in the dataset, from 1', value: (r) => r.position, constraints: { required: true, unique: true, minimum: 1 } }),
    stringColumn({ name: 'code', description: 'stage/rule-id', value: (r) => r.diagnostic.code, constraints: { required: true } }),
    enumColumn({ name: 'severity', description: 'error, warning or info', values: DiagnosticSchema.shape.severity.options, required: true, value: (r) => r.diagnostic.severity }),
    stringColumn({ name: 'message', description: 'What was found', value: (r) => r.diagnostic.message }),
    integerColumn({ name: 'page', description: '1-based PDF page, if the diagnostic is about one', value: (r) => r.diagnostic.page, constraints: { minimum: 1 } }),
    stringColumn({ name: 'card_id', description: 'The card concerned (cards.id), if any', value: (r) => r.diagnostic.cardId }),
  ],
});
