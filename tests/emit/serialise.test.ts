import { describe, expect, it } from 'vitest';
import { serialiseDataset } from '../../src/emit/serialise.ts';
import type { Dataset } from '../../src/validate/schema.ts';
import { makeDataset } from './sample-dataset.ts';

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe('serialiseDataset', () => {
  it('is byte-identical whatever order the keys were built in', () => {
    const dataset = makeDataset();
    const text = serialiseDataset(dataset);
    expect(serialiseDataset(reverseKeys(dataset) as Dataset)).toBe(text);
    expect(serialiseDataset(structuredClone(dataset))).toBe(text);
  });

  it('puts keys in schema order, with 2-space indentation and a trailing newline', () => {
    const text = serialiseDataset(reverseKeys(makeDataset(1)) as Dataset);
    expect(text.startsWith('{\n  "schemaVersion": "1.0.0",\n  "source": {\n    "file": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    const topKeys = Object.keys(JSON.parse(text) as object);
    expect(topKeys).toEqual(['schemaVersion', 'source', 'edition', 'cards', 'diagnostics']);
    const card = (JSON.parse(text) as Dataset).cards[0]!;
    expect(Object.keys(card).slice(0, 4)).toEqual(['id', 'title', 'titleOnCard', 'region']);
    expect(Object.keys(card.budget!)).toEqual(['text', 'status', 'amountEur', 'minEur', 'maxEur', 'pacteEur', 'per', 'amounts']);
  });

  it('orders provenance entries by card field order, not insertion order', () => {
    const dataset = makeDataset(1);
    const card = dataset.cards[0]!;
    card.provenance = { budget: card.provenance.budget!, title: card.provenance.title! };
    const parsed = JSON.parse(serialiseDataset(dataset)) as Dataset;
    expect(Object.keys(parsed.cards[0]!.provenance)).toEqual(['title', 'budget']);
  });

  it('keeps French text as UTF-8 characters, not escapes', () => {
    const text = serialiseDataset(makeDataset(1));
    expect(text).toContain('MÉTIERS');
    expect(text).toContain('« remise à niveau »');
    expect(text).not.toMatch(/\\u00/);
  });

  it('round-trips to the same data', () => {
    const dataset = makeDataset(3);
    expect(JSON.parse(serialiseDataset(dataset))).toEqual(dataset);
  });
});
