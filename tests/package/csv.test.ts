import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, UTF8_BOM } from '../../src/package/csv.ts';

describe('formatCsv', () => {
  it('writes RFC 4180: header, CRLF after every record, quotes only where needed', () => {
    const csv = formatCsv(['a', 'b', 'c'], [['plain', 'with, comma', 'say "hi"'], ['line\nbreak', 'cr\rhere', null]], { bom: false });
    expect(csv).toBe('a,b,c\r\nplain,"with, comma","say ""hi"""\r\n"line\nbreak","cr\rhere",\r\n');
  });

  it('starts with a UTF-8 byte order mark unless asked not to, and keeps accents as UTF-8', () => {
    const csv = formatCsv(['région'], [['Auvergne-Rhône-Alpes']]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from([0xc3, 0xb4]))).toBe(true); // ô
    expect(formatCsv(['x'], [], { bom: false })).toBe('x\r\n');
  });

  it('writes numbers and booleans in Table Schema lexical form and refuses non-finite numbers', () => {
    expect(formatCsv(['n', 'b'], [[1800000, true], [0.5, false]], { bom: false })).toBe('n,b\r\n1800000,true\r\n0.5,false\r\n');
    expect(() => formatCsv(['n'], [[Number.NaN]])).toThrow(RangeError);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => formatCsv(['a', 'b'], [['only one']])).toThrow(RangeError);
  });
});

describe('parseCsv', () => {
  it('reads back what formatCsv writes, BOM included', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'a, "b"\r\nc'],
      ['2', ''],
      ['3', '« guillemets » et œ'],
    ];
    const parsed = parseCsv(formatCsv(rows[0]!, rows.slice(1)));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual(rows);
  });

  it('reports deviations from RFC 4180', () => {
    expect(parseCsv('a,b\nc,d\r\n').problems).toEqual(['record 1: bare LF (records must end with CRLF)']);
    expect(parseCsv('a,b\r\nc"d,e\r\n').problems).toEqual(['record 2: quote inside an unquoted field']);
    expect(parseCsv('a\r\n"open\r\n').problems).toEqual(['record 2: quoted field is never closed']);
    expect(parseCsv('a,b\r\n"x"y,z\r\n').problems).toEqual(['record 2: text after a closing quote']);
    expect(parseCsv('a,b\r\nc,d').problems).toEqual(['record 2: last record does not end with CRLF']);
  });
});
