import type { Box } from '../model/geometry.ts';
import type { Axis, Block, CardField, Contact, Diagnostic, KeyFigure } from '../validate/schema.ts';

export interface FieldSource {
  page: number;
  box: Box;
}

/** A card's fields as read from its pages, before numbers and dates are normalised. */
export interface CardDraft {
  id: string;
  title: string;
  titleOnCard: string;
  region: string;
  axis: Axis;
  theme: string;
  pages: [number, number];
  pdfPages: [number, number];
  tagline: string | null;
  objectives: Block[];
  plusValues: Block[];
  contacts: Contact[];
  presentation: Block[];
  keyFigures: KeyFigure[];
  territory: string | null;
  beneficiariesText: string | null;
  budgetText: string | null;
  calendar: { label: string; text: string }[];
  extras: { heading: string; text: string }[];
  provenance: Partial<Record<CardField, FieldSource>>;
  diagnostics: Diagnostic[];
}
