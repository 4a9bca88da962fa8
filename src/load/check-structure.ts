// Checks made before pdfjs sees the bytes. pdfjs silently rebuilds a broken cross-reference table by
// scanning the whole file, which can yield a truncated or mixed-up document without a word: such
// files are rejected here with the reason instead.
import { inflateSync, constants as zlibConstants } from 'node:zlib';

/** Why the bytes are not a PDF at all, or null. */
export function findSignatureProblem(data: Uint8Array): { kind: 'empty' | 'not-pdf'; reason: string } | null {
  if (data.length === 0) return { kind: 'empty', reason: 'the file is empty (0 bytes)' };
  if (headerOffset(data) < 0) return { kind: 'not-pdf', reason: 'not a PDF (no %PDF- header in the first 1024 bytes)' };
  return null;
}

/** Why the file's skeleton (end marker, cross-reference sections) is broken, or null. */
export function findStructureProblem(data: Uint8Array): string | null {
  // A file past what one string can hold is left to pdfjs rather than refused.
  if (data.byteLength > MAX_CHECKED_BYTES) return null;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const end = text.lastIndexOf('%%EOF');
  if (end < 0) return 'the file is truncated (it has no %%EOF end marker)';
  // Junk after the end marker is tolerated; objects after it are the start of an update cut short.
  if (/\d+\s+\d+\s+obj\b|\bendobj\b|\bstartxref\b/.test(text.slice(end + 5))) return 'the file is truncated (it ends in the middle of an update)';
  const at = text.lastIndexOf('startxref', end);
  const start = at < 0 ? null : /^startxref\s+(\d+)\s*$/.exec(text.slice(at, end));
  if (!start) return 'the file has no startxref pointer to its cross-reference table';
  const checker = new XrefChecker(text, data, headerOffset(data));
  return checker.check(Number(start[1]));
}

const MAX_CHECKED_BYTES = 256 * 1024 * 1024;
const MAX_SECTIONS = 256;
/** How far an object may sit from the offset the table gives (off-by-a-few writers are common). */
const SLACK = 8;

function headerOffset(data: Uint8Array): number {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).toString('latin1');
  return head.indexOf('%PDF-');
}

interface XrefEntry {
  num: number;
  gen: number;
  offset: number;
}

interface XrefSection {
  entries: XrefEntry[];
  /** Offsets of further sections: /Prev and /XRefStm. */
  next: number[];
}

class XrefChecker {
  readonly text: string;
  readonly data: Uint8Array;
  readonly base: number;
  constructor(text: string, data: Uint8Array, base: number) {
    this.text = text;
    this.data = data;
    this.base = base;
  }

  check(first: number): string | null {
    const seen = new Set<number>();
    const queue = [first];
    while (queue.length > 0) {
      const offset = queue.shift()!;
      if (seen.has(offset)) continue;
      if (seen.size >= MAX_SECTIONS) return `the cross-reference chain has more than ${MAX_SECTIONS} sections`;
      seen.add(offset);
      if (offset >= this.text.length) return `the cross-reference table is corrupted (it is said to start at byte ${offset}, past the end of the file)`;
      let section = this.readSection(offset);
      // Offsets count from the %PDF- header when junk precedes it.
      if (typeof section === 'string' && this.base > 0 && offset + this.base < this.text.length) {
        const shifted = this.readSection(offset + this.base);
        if (typeof shifted !== 'string') section = shifted;
      }
      if (typeof section === 'string') return `the cross-reference table is corrupted (${section})`;
      for (const entry of section.entries) {
        if (!this.objectIsAt(entry)) {
          return `the cross-reference table is corrupted (object ${entry.num} ${entry.gen} is not at byte ${entry.offset} where the table puts it)`;
        }
      }
      queue.push(...section.next);
    }
    return null;
  }

  private readSection(offset: number): XrefSection | string {
    const table = /\s*xref\b/y;
    table.lastIndex = offset;
    if (table.test(this.text)) return this.readTable(table.lastIndex);
    const object = /\s*(\d+)\s+(\d+)\s+obj\b/y;
    object.lastIndex = offset;
    if (object.test(this.text)) return this.readStream(object.lastIndex);
    return `byte ${offset} holds neither a table nor a cross-reference stream`;
  }

  private readTable(pos: number): XrefSection | string {
    const entries: XrefEntry[] = [];
    const subsection = /\s*(\d+)\s+(\d+)[ \t]*[\r\n]/y;
    const entry = /\s*(\d{1,10})\s+(\d{1,5})\s+([nf])/y;
    const trailer = /\s*trailer\b/y;
    for (;;) {
      trailer.lastIndex = pos;
      if (trailer.test(this.text)) break;
      subsection.lastIndex = pos;
      const head = subsection.exec(this.text);
      if (!head) return `unreadable table at byte ${pos}`;
      const firstNum = Number(head[1]);
      const count = Number(head[2]);
      if (count > (this.text.length - subsection.lastIndex) / 18) return `a subsection at byte ${pos} claims ${count} entries`;
      pos = subsection.lastIndex;
      for (let i = 0; i < count; i++) {
        entry.lastIndex = pos;
        const row = entry.exec(this.text);
        if (!row) return `unreadable entry at byte ${pos}`;
        pos = entry.lastIndex;
        if (row[3] === 'n' && Number(row[1]) > 0) entries.push({ num: firstNum + i, gen: Number(row[2]), offset: Number(row[1]) });
      }
    }
    const dict = readDictionary(this.text, trailer.lastIndex);
    if (dict === null) return `unreadable trailer at byte ${trailer.lastIndex}`;
    return { entries, next: [intKey(dict, 'Prev'), intKey(dict, 'XRefStm')].filter((n) => n !== null) };
  }

  private readStream(pos: number): XrefSection | string {
    const dict = readDictionary(this.text, pos);
    if (dict === null || !/\/Type\s*\/XRef\b/.test(dict.body)) return `the object at byte ${pos} is not a cross-reference stream`;
    const next = [intKey(dict, 'Prev')].filter((n) => n !== null);
    const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict.body)?.slice(1).map(Number);
    const size = intKey(dict, 'Size');
    if (!widths || size === null) return `the cross-reference stream at byte ${pos} has no /W or /Size`;
    const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict.body)?.[1] ?? '').matchAll(/\/(\w+)/g)].map((m) => m[1]);
    const predictor = intKey(dict, 'Predictor') ?? 1;
    // Entries are only checked in the forms writers actually use; others are left to pdfjs.
    if (filters.some((f) => f !== 'FlateDecode') || filters.length > 1 || (predictor > 1 && predictor < 10)) return { entries: [], next };
    const raw = this.readStreamData(dict);
    if (raw === null) return `the cross-reference stream at byte ${pos} has no readable data`;
    let decoded: Uint8Array;
    try {
      decoded = filters.length === 0 ? raw : inflateSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: Math.min(64 + 32 * size, 1024 * 1024 + 16 * this.data.length) });
    } catch {
      return `the cross-reference stream at byte ${pos} cannot be decompressed`;
    }
    const rowWidth = widths[0]! + widths[1]! + widths[2]!;
    const rows = predictor >= 10 ? undoPngPredictor(decoded, intKey(dict, 'Columns') ?? 1) : decoded;
    const index = (/\/Index\s*\[([\d\s]*)\]/.exec(dict.body)?.[1] ?? `0 ${size}`).trim().split(/\s+/).map(Number);
    const entries: XrefEntry[] = [];
    let row = 0;
    for (let i = 0; i + 1 < index.length; i += 2) {
      for (let k = 0; k < index[i + 1]!; k++, row++) {
        if ((row + 1) * rowWidth > rows.length) return `the cross-reference stream at byte ${pos} is shorter than its /Index says`;
        const at = row * rowWidth;
        const type = widths[0] === 0 ? 1 : readInt(rows, at, widths[0]!);
        const offset = readInt(rows, at + widths[0]!, widths[1]!);
        const gen = readInt(rows, at + widths[0]! + widths[1]!, widths[2]!);
        if (type === 1 && offset > 0) entries.push({ num: index[i]! + k, gen, offset });
      }
    }
    return { entries, next };
  }

  private readStreamData(dict: { end: number; body: string }): Uint8Array | null {
    const keyword = /\s*stream(?:\r\n|\n|\r)/y;
    keyword.lastIndex = dict.end;
    if (!keyword.test(this.text)) return null;
    const start = keyword.lastIndex;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict.body);
    let end = length ? start + Number(length[1]) : -1;
    if (end < 0 || end > this.text.length || !/^\s*endstream/.test(this.text.slice(end, end + 20))) {
      end = this.text.indexOf('endstream', start);
      if (end < 0) return null;
    }
    return this.data.subarray(start, end);
  }

  private objectIsAt(entry: XrefEntry): boolean {
    return [entry.offset, entry.offset + this.base].some((offset) => {
      const from = Math.max(0, offset - SLACK);
      const window = this.text.slice(from, offset + SLACK + 32);
      for (const m of window.matchAll(/(\d+)\s+(\d+)\s+obj\b/g)) {
        const start = from + m.index;
        if (Math.abs(start - offset) > SLACK) continue;
        if (Number(m[1]) === entry.num && Number(m[2]) === entry.gen) return true;
      }
      return false;
    });
  }
}

/** The `<< … >>` dictionary starting at pos (after white space), nested dictionaries included. */
function readDictionary(text: string, pos: number): { body: string; end: number } | null {
  const open = text.indexOf('<<', pos);
  if (open < 0 || text.slice(pos, open).trim() !== '') return null;
  let depth = 0;
  for (let i = open; i < text.length - 1; i++) {
    if (text[i] === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return { body: text.slice(open, i + 1), end: i + 1 };
    }
  }
  return null;
}

function intKey(dict: { body: string }, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?![\\d.])`).exec(dict.body);
  return m ? Number(m[1]) : null;
}

function readInt(bytes: Uint8Array, at: number, width: number): number {
  let n = 0;
  for (let i = 0; i < width; i++) n = n * 256 + bytes[at + i]!;
  return n;
}

/** PNG predictors (PDF /Predictor 10-15), one byte per pixel as cross-reference streams use. */
function undoPngPredictor(data: Uint8Array, columns: number): Uint8Array {
  const rowCount = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rowCount * columns);
  for (let r = 0; r < rowCount; r++) {
    const filter = data[r * (columns + 1)]!;
    for (let c = 0; c < columns; c++) {
      const x = data[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      out[r * columns + c] = (x + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
