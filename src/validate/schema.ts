// The dataset contract as a zod schema: the single source of truth for the output types.
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const BBoxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF points, origin top-left');

export const ProvenanceEntrySchema = z.object({
  page: z.number().int().min(1).describe('1-based PDF page index'),
  bbox: BBoxSchema,
});

export const DiagnosticSchema = z.object({
  code: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'expected stage/rule-id'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  page: z.number().int().min(1).nullable(),
  cardId: z.string().nullable(),
});

export const BlockSchema = z.object({
  kind: z.enum(['paragraph', 'item', 'heading']),
  text: z.string().min(1),
});

export const ContactSchema = z.object({
  organisation: z.string().nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const KeyFigureSchema = z.object({
  kind: z.enum(['territory', 'beneficiaries', 'budget', 'other']),
  label: z.string().nullable(),
  text: z.string(),
});

export const CountSchema = z.object({
  value: z.number(),
  context: z.string(),
});

export const BeneficiariesSchema = z.object({
  text: z.string(),
  numbers: z.array(CountSchema),
});

export const BudgetStatusSchema = z.enum(['amount', 'range', 'none', 'unknown', 'in-kind']);

export const BudgetSchema = z.object({
  text: z.string(),
  status: BudgetStatusSchema,
  amountEur: z.number().nonnegative().nullable(),
  minEur: z.number().nonnegative().nullable(),
  maxEur: z.number().nonnegative().nullable(),
  pacteEur: z.number().nonnegative().nullable(),
  per: z.string().nullable(),
  amounts: z.array(z.object({ eur: z.number().nonnegative(), context: z.string() })),
});

export const PrecisionSchema = z.enum(['day', 'month', 'season', 'quarter', 'semester', 'year']);

export const CalendarEntrySchema = z.object({
  label: z.string(),
  text: z.string(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  precision: PrecisionSchema.nullable().describe('null when the label could not be read (a diagnostic says why)'),
});

export const AxisSchema = z.enum(['1', '2', 'transverse']);

export const CARD_FIELDS_WITH_PROVENANCE = [
  'title',
  'titleOnCard',
  'region',
  'axis',
  'theme',
  'pages',
  'tagline',
  'objectives',
  'plusValues',
  'contacts',
  'presentation',
  'keyFigures',
  'territory',
  'beneficiaries',
  'budget',
  'calendar',
  'extras',
] as const;

export const ProvenanceSchema = z.partialRecord(z.enum(CARD_FIELDS_WITH_PROVENANCE), ProvenanceEntrySchema);

export const CardSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected <region-slug>--<title-slug>'),
  title: z.string().min(1),
  titleOnCard: z.string(),
  region: z.string().min(1),
  axis: AxisSchema,
  theme: z.string(),
  pages: z.tuple([z.number().int(), z.number().int()]),
  pdfPages: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  tagline: z.string().nullable(),
  objectives: z.array(BlockSchema),
  plusValues: z.array(BlockSchema),
  contacts: z.array(ContactSchema),
  presentation: z.array(BlockSchema),
  keyFigures: z.array(KeyFigureSchema),
  territory: z.string().nullable(),
  beneficiaries: BeneficiariesSchema.nullable(),
  budget: BudgetSchema.nullable(),
  calendar: z.array(CalendarEntrySchema),
  extras: z.array(z.object({ heading: z.string(), text: z.string() })),
  language: z.string().regex(/^[a-z]{3}$/, 'expected an ISO 639-3 code'),
  provenance: ProvenanceSchema,
});

export const DatasetSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pageCount: z.number().int().min(1),
    title: z.string().nullable(),
  }),
  edition: z.object({
    title: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  }),
  cards: z.array(CardSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type BBox = z.infer<typeof BBoxSchema>;
export type ProvenanceEntry = z.infer<typeof ProvenanceEntrySchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type KeyFigure = z.infer<typeof KeyFigureSchema>;
export type Count = z.infer<typeof CountSchema>;
export type Beneficiaries = z.infer<typeof BeneficiariesSchema>;
export type Budget = z.infer<typeof BudgetSchema>;
export type BudgetStatus = z.infer<typeof BudgetStatusSchema>;
export type Precision = z.infer<typeof PrecisionSchema>;
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;
export type Axis = z.infer<typeof AxisSchema>;
export type Card = z.infer<typeof CardSchema>;
export type CardField = (typeof CARD_FIELDS_WITH_PROVENANCE)[number];
export type Dataset = z.infer<typeof DatasetSchema>;
