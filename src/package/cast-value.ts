// Reading a CSV cell as the Table Schema (v1) type its field declares.
import type { FieldDescriptor } from './table-schema.ts';

export type Value = string | number | boolean;

export type CastResult = { ok: true; value: Value } | { ok: false; reason: string };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const STRING_FORMATS: Record<string, RegExp> = {
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  binary: /^[A-Za-z0-9+/]*={0,2}$/,
};
const TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
const FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

const ok = (value: Value): CastResult => ({ ok: true, value });
const fail = (reason: string): CastResult => ({ ok: false, reason });

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Casts a non-missing cell; field types this checker does not read are reported, never passed silently. */
export function castValue(text: string, field: FieldDescriptor): CastResult {
  const format = field.format ?? 'default';
  switch (field.type) {
    case 'string': {
      if (format === 'default') return ok(text);
      const re = STRING_FORMATS[format];
      if (!re) return fail(`unknown string format "${format}"`);
      return re.test(text) ? ok(text) : fail(`not a valid ${format}`);
    }
    case 'integer':
      return INTEGER.test(text) ? ok(Number(text)) : fail('not an integer');
    case 'number':
      if (text === 'NaN') return ok(Number.NaN);
      if (text === 'INF' || text === '-INF') return ok(text === 'INF' ? Infinity : -Infinity);
      return NUMBER.test(text) ? ok(Number(text)) : fail('not a number');
    case 'boolean':
      if (TRUE_VALUES.includes(text)) return ok(true);
      if (FALSE_VALUES.includes(text)) return ok(false);
      return fail('not a boolean');
    case 'date':
      if (format !== 'default') return fail(`date format "${format}" is not checked`);
      return isCalendarDate(text) ? ok(text) : fail('not a YYYY-MM-DD calendar date');
    case 'time':
      return format === 'default' && TIME.test(text) ? ok(text) : fail('not an hh:mm:ss time');
    case 'datetime': {
      const m = DATETIME.exec(text);
      return format === 'default' && m && isCalendarDate(m[1]!) ? ok(text) : fail('not an ISO 8601 date-time');
    }
    case 'year':
      return /^\d{4}$/.test(text) ? ok(Number(text)) : fail('not a year');
    case 'yearmonth':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? ok(text) : fail('not a YYYY-MM year-month');
    case 'any':
      return ok(text);
    default:
      return fail(`type "${field.type}" is not checked`);
  }
}
