// Calendar labels to intervals, following the contract's CalendarEntry rules.
import type { DiagnosticDraft } from '../model/diagnostics.ts';
import type { CalendarEntry, Precision } from '../validate/schema.ts';
import { readDateLabel, type DateSpec, type ReadLabel, type UnreadReason } from '../model/date-grammar.ts';
import { coarserPrecision, coverSpec, precisionOf, type Interval } from './date-intervals.ts';

export interface DateLabelValue {
  start: string | null;
  end: string | null;
  precision: Precision;
  /** False when no part of the label names a year: start and end are then null. */
  hasYear: boolean;
}

export type CalendarDiagnostic = DiagnosticDraft & { index: number };

/** The interval a label covers, or null when the label cannot be read. */
export function parseDateLabel(label: string): DateLabelValue | null {
  const read = readDateLabel(label);
  if ('reason' in read) return null;
  const resolved = resolveRead(read, null);
  if (resolved === 'invalid') return null;
  if (resolved === 'no-year') return { start: null, end: null, precision: precisionOfRead(read), hasYear: false };
  return { ...resolved, precision: precisionOfRead(read), hasYear: true };
}

export function resolveCalendar(entries: { label: string; text: string }[]): {
  entries: CalendarEntry[];
  diagnostics: CalendarDiagnostic[];
} {
  const diagnostics: CalendarDiagnostic[] = [];
  const reads = entries.map((e) => readDateLabel(e.label));
  const out: CalendarEntry[] = entries.map((entry, index) => {
    const read = reads[index]!;
    const base = { label: entry.label, text: entry.text, start: null, end: null };
    if ('reason' in read) {
      diagnostics.push({ index, ...describeUnread(entry.label, read) });
      return { ...base, precision: null };
    }
    const resolved = resolveRead(read, null);
    if (resolved === 'invalid') {
      diagnostics.push({ index, code: 'normalise/invalid-date', severity: 'warning', message: `the date "${entry.label}" does not exist` });
      return { ...base, precision: null };
    }
    const precision = precisionOfRead(read);
    return resolved === 'no-year' ? { ...base, precision } : { ...base, ...resolved, precision };
  });
  fillYearsFromNeighbours(out, reads, diagnostics);
  for (const [index, entry] of out.entries()) {
    if (entry.start !== null && entry.end !== null && entry.start > entry.end) {
      diagnostics.push({
        index,
        code: 'normalise/reversed-range',
        severity: 'warning',
        message: `the date range "${entry.label}" ends (${entry.end}) before it starts (${entry.start})`,
      });
    }
  }
  diagnostics.sort((a, b) => a.index - b.index);
  return { entries: out, diagnostics };
}

interface ResolvedDates {
  start: string | null;
  end: string | null;
}

/** Start and end of a read label; `year` stands in for a missing year when given. */
function resolveRead(read: ReadLabel, year: number | null): ResolvedDates | 'no-year' | 'invalid' {
  if (read.shape === 'range') return resolveRange(read.first, read.second!, year);
  const specYear = read.first.year ?? year;
  if (specYear === null) return 'no-year';
  const cover = coverSpec(read.first, specYear);
  if (!cover) return 'invalid';
  if (read.shape === 'from') return { start: cover.start, end: null };
  if (read.shape === 'until') return { start: null, end: cover.end };
  return cover;
}

/**
 * "A à B": an end without a year takes the year that keeps A ≤ B ("décembre à février 2020"
 * starts 2019-12-01; "décembre 2019 à février" ends 2020-02-29).
 */
function resolveRange(first: DateSpec, second: DateSpec, year: number | null): ResolvedDates | 'no-year' | 'invalid' {
  let a: Interval | null;
  let b: Interval | null;
  if (first.year !== null && second.year !== null) {
    a = coverSpec(first, first.year);
    b = coverSpec(second, second.year);
  } else if (second.year !== null) {
    b = coverSpec(second, second.year);
    a = coverInOrder(first, second.year, b, 'before');
  } else if (first.year !== null) {
    a = coverSpec(first, first.year);
    b = coverInOrder(second, first.year, a, 'after');
  } else if (year !== null) {
    a = coverSpec(first, year);
    b = coverInOrder(second, year, a, 'after');
  } else {
    return 'no-year';
  }
  if (!a || !b) return 'invalid';
  return { start: a.start, end: b.end };
}

function coverInOrder(spec: DateSpec, year: number, other: Interval | null, side: 'before' | 'after'): Interval | null {
  if (!other) return null;
  const same = coverSpec(spec, year);
  if (side === 'before') return same && same.start <= other.start ? same : coverSpec(spec, year - 1);
  return same && same.start >= other.start ? same : coverSpec(spec, year + 1);
}

function precisionOfRead(read: ReadLabel): Precision {
  const first = precisionOf(read.first);
  return read.second ? coarserPrecision(first, precisionOf(read.second)) : first;
}

function describeUnread(label: string, why: UnreadReason): DiagnosticDraft {
  if (why.reason === 'unknown-month') {
    return { code: 'normalise/unknown-month', severity: 'warning', message: `"${why.word}" in the date "${label}" is not a month or season` };
  }
  return { code: 'normalise/unread-date', severity: 'warning', message: `the date "${label}" could not be read` };
}

/**
 * A label with no year ("Janvier") follows the entry before it: the first year that does not put
 * it earlier than that entry. With no dated entry before, it precedes the next dated entry.
 */
function fillYearsFromNeighbours(out: CalendarEntry[], reads: (ReadLabel | UnreadReason)[], diagnostics: CalendarDiagnostic[]): void {
  for (const [index, entry] of out.entries()) {
    const read = reads[index]!;
    if ('reason' in read || entry.precision === null || entry.start !== null || entry.end !== null) continue;
    const previous = findDated(out, index, -1);
    const next = previous ? null : findDated(out, index, +1);
    const anchor = previous ?? next;
    if (!anchor) {
      diagnostics.push({ index, code: 'normalise/no-year', severity: 'warning', message: `the date "${entry.label}" has no year and no neighbouring entry gives one` });
      continue;
    }
    const reference = (previous ? (anchor.start ?? anchor.end) : (anchor.end ?? anchor.start))!;
    const resolved = placeNear(read, reference, previous ? 'after' : 'before');
    if (!resolved) {
      diagnostics.push({ index, code: 'normalise/invalid-date', severity: 'warning', message: `the date "${entry.label}" does not exist` });
      continue;
    }
    Object.assign(entry, resolved);
    diagnostics.push({
      index,
      code: 'normalise/year-from-neighbours',
      severity: 'warning',
      message: `the date "${entry.label}" has no year: ${resolved.start!.slice(0, 4)} taken from the neighbouring entry "${anchor.label}"`,
    });
  }
}

function findDated(out: CalendarEntry[], index: number, step: 1 | -1): CalendarEntry | null {
  for (let i = index + step; i >= 0 && i < out.length; i += step) {
    const e = out[i]!;
    if (e.start !== null || e.end !== null) return e;
  }
  return null;
}

function placeNear(read: ReadLabel, reference: string, side: 'after' | 'before'): ResolvedDates | null {
  const year = Number(reference.slice(0, 4));
  for (const candidate of side === 'after' ? [year, year + 1] : [year, year - 1]) {
    const r = resolveRead(read, candidate);
    if (typeof r === 'string') return null;
    const point = r.start ?? r.end!;
    if (side === 'after' ? point >= reference : point <= reference) return r;
  }
  return null;
}
