// Calendar arithmetic: the first and last day a date spec covers, as YYYY-MM-DD.
import type { Precision } from '../validate/schema.ts';
import type { DateSpec } from '../model/date-grammar.ts';

export interface Interval {
  start: string;
  end: string;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function months(year: number, first: number, last: number, endYear = year): Interval {
  return { start: isoDate(year, first, 1), end: isoDate(endYear, last, daysInMonth(endYear, last)) };
}

const SEASON_MONTHS: Record<'printemps' | 'ete' | 'automne', [number, number]> = { printemps: [3, 5], ete: [6, 8], automne: [9, 11] };
const PART_MONTHS: Record<'debut' | 'mi' | 'fin', [number, number]> = { debut: [1, 3], mi: [5, 8], fin: [10, 12] };

/** The interval of a spec in a given year; null for an impossible day ("31 avril", "29 février 2019"). */
export function coverSpec(spec: DateSpec, year: number): Interval | null {
  switch (spec.unit) {
    case 'year':
      return months(year, 1, 12);
    case 'month':
      return months(year, spec.month!, spec.month!);
    case 'day': {
      const month = spec.month!;
      if (spec.day! < 1 || spec.day! > daysInMonth(year, month)) return null;
      const day = isoDate(year, month, spec.day!);
      return { start: day, end: day };
    }
    case 'season':
      // Meteorological seasons; winter Y runs from December Y to the end of February Y+1.
      if (spec.season === 'hiver') return months(year, 12, 2, year + 1);
      return months(year, SEASON_MONTHS[spec.season!][0], SEASON_MONTHS[spec.season!][1]);
    case 'semester':
      return spec.index === 1 ? months(year, 1, 6) : months(year, 7, 12);
    case 'quarter':
      return months(year, spec.index! * 3 - 2, spec.index! * 3);
    case 'part':
      return months(year, PART_MONTHS[spec.part!][0], PART_MONTHS[spec.part!][1]);
  }
}

/**
 * The precision of a spec. "Début/mi/fin Y" cover three or four months of a year: we call that
 * 'quarter', the enum's nearest unit.
 */
export function precisionOf(spec: DateSpec): Precision {
  return spec.unit === 'part' ? 'quarter' : spec.unit;
}

const COARSENESS: Record<Precision, number> = { day: 0, month: 1, season: 2, quarter: 2, semester: 3, year: 4 };

/** A range's precision is the coarser of its two ends' (the first's when they are equally coarse). */
export function coarserPrecision(a: Precision, b: Precision): Precision {
  return COARSENESS[b] > COARSENESS[a] ? b : a;
}
