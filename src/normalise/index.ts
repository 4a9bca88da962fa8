// Normalise stage: budget, calendar and count boxes as structured values.
export { parseAmounts, parseBudget, type AmountMention } from './money.ts';
export { parseDateLabel, resolveCalendar, type CalendarDiagnostic, type DateLabelValue } from './dates.ts';
export { parseBeneficiaries, parseCounts } from './counts.ts';
