import type { Card, Dataset } from '../../src/validate/schema.ts';

/** What a fixture case pins down: its cards, field by field, and which diagnostics it raises. */
export interface FixtureExpectation {
  cards: Card[];
  diagnosticCodes: string[];
}

export function buildExpectation(dataset: Dataset): FixtureExpectation {
  return { cards: dataset.cards, diagnosticCodes: [...new Set(dataset.diagnostics.map((d) => d.code))].sort() };
}

export function serialiseExpectation(expectation: FixtureExpectation): string {
  return JSON.stringify(expectation, null, 2) + '\n';
}
