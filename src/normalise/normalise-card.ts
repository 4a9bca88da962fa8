import { franc } from 'franc';
import { placeDiagnostics } from '../model/diagnostics.ts';
import type { CardDraft } from '../fields/index.ts';
import type { Card, Diagnostic } from '../validate/schema.ts';
import { parseBeneficiaries } from './counts.ts';
import { resolveCalendar } from './dates.ts';
import { parseBudget } from './money.ts';

/** Turns a card's raw box texts into numbers and dates, and tells its language. */
export function normaliseCard(draft: CardDraft): { card: Card; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...draft.diagnostics.map((d) => ({ ...d, cardId: draft.id }))];
  const at = (field: 'budget' | 'beneficiaries' | 'calendar') => ({ page: draft.provenance[field]?.page ?? draft.pdfPages[0], cardId: draft.id });

  let budget: Card['budget'] = null;
  if (draft.budgetText !== null) {
    const read = parseBudget(draft.budgetText);
    budget = read.budget;
    diagnostics.push(...placeDiagnostics(read.diagnostics, at('budget')));
  }
  let beneficiaries: Card['beneficiaries'] = null;
  if (draft.beneficiariesText !== null) {
    const read = parseBeneficiaries(draft.beneficiariesText);
    beneficiaries = read.beneficiaries;
    diagnostics.push(...placeDiagnostics(read.diagnostics, at('beneficiaries')));
  }
  const calendar = resolveCalendar(draft.calendar);
  diagnostics.push(...placeDiagnostics(calendar.diagnostics, at('calendar')));

  const { budgetText: _b, beneficiariesText: _n, diagnostics: _d, ...rest } = draft;
  const card: Card = {
    id: rest.id,
    title: rest.title,
    titleOnCard: rest.titleOnCard,
    region: rest.region,
    axis: rest.axis,
    theme: rest.theme,
    pages: rest.pages,
    pdfPages: rest.pdfPages,
    tagline: rest.tagline,
    objectives: rest.objectives,
    plusValues: rest.plusValues,
    contacts: rest.contacts,
    presentation: rest.presentation,
    keyFigures: rest.keyFigures,
    territory: rest.territory,
    beneficiaries,
    budget,
    calendar: calendar.entries,
    extras: rest.extras,
    language: detectLanguage(draft),
    provenance: roundProvenance(rest.provenance),
  };
  return { card, diagnostics };
}

/**
 * Languages a card of this catalogue could be written in: French, the languages of France's regions
 * and neighbours. Asking franc about these only keeps it from scoring 400 languages on every card.
 */
const CANDIDATE_LANGUAGES = ['fra', 'eng', 'deu', 'spa', 'ita', 'por', 'nld', 'cat', 'oci', 'bre', 'cos', 'eus', 'ltz', 'hat', 'rcf', 'gcf', 'acf'];

function detectLanguage(draft: CardDraft): string {
  const text = [draft.tagline ?? '', ...draft.objectives, ...draft.plusValues, ...draft.presentation]
    .map((b) => (typeof b === 'string' ? b : b.text))
    .join(' ');
  // A thousand characters settle the language; franc's cost grows with the text.
  const code = franc(text.slice(0, 1000), { minLength: 20, only: CANDIDATE_LANGUAGES });
  return /^[a-z]{3}$/.test(code) ? code : 'und';
}

function roundProvenance(p: CardDraft['provenance']): Card['provenance'] {
  const out: Card['provenance'] = {};
  const r = (n: number) => Math.round(n * 10) / 10;
  for (const [field, src] of Object.entries(p) as [keyof Card['provenance'], { page: number; box: number[] }][]) {
    out[field] = { page: src.page, bbox: [r(src.box[0]!), r(src.box[1]!), r(src.box[2]!), r(src.box[3]!)] };
  }
  return out;
}
