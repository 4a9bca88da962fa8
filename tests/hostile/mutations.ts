// Mutations of a valid PDF for the fuzz test: each takes the bytes and a seeded random source.
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { fromLatin1, latin1 } from '../support/bad-pdfs.ts';

export type Random = () => number;

export interface Mutation {
  name: string;
  apply: (pdf: Uint8Array, random: Random) => Uint8Array;
}

const pick = (random: Random, n: number) => Math.floor(random() * n);

function positions(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'flip-bytes',
    apply: (pdf, random) => {
      const out = pdf.slice();
      const count = 1 + pick(random, 32);
      for (let i = 0; i < count; i++) out[pick(random, out.length)]! ^= 1 + pick(random, 255);
      return out;
    },
  },
  {
    // The object is blanked out; in a classic table its entry is marked free so that offsets stay
    // right and pdfjs meets a missing object rather than a broken table.
    name: 'drop-object',
    apply: (pdf, random) => {
      let text = latin1(pdf);
      const starts = [...text.matchAll(/(\d+) (\d+) obj\b/g)];
      const chosen = starts[pick(random, starts.length)];
      if (!chosen) return pdf;
      const endobj = text.indexOf('endobj', chosen.index);
      if (endobj < 0) return pdf;
      const end = endobj + 6;
      text = text.slice(0, chosen.index) + ' '.repeat(end - chosen.index) + text.slice(end);
      const entry = `${String(chosen.index).padStart(10, '0')} ${chosen[2]!.padStart(5, '0')} n`;
      return fromLatin1(text.replace(entry, entry.replace(/n$/, 'f')));
    },
  },
  {
    // An indirect reference sent to another object: type confusion (a font where a page is expected…).
    name: 'redirect-reference',
    apply: (pdf, random) => {
      const text = latin1(pdf);
      const objects = [...text.matchAll(/(\d+) \d+ obj\b/g)].map((m) => m[1]!);
      const refs = [...text.matchAll(/(?<=[\s[/<])(\d+)(?= 0 R\b)/g)];
      const out = pdf.slice();
      for (let i = 0; i < 1 + pick(random, 3) && refs.length > 0 && objects.length > 0; i++) {
        const ref = refs[pick(random, refs.length)]!;
        const target = objects[pick(random, objects.length)]!;
        if (target.length <= ref[0].length) out.set(fromLatin1(target.padStart(ref[0].length, ' ')), ref.index);
      }
      return out;
    },
  },
  {
    // The stream keeps its length; its tail becomes zeros (a torn write inside the file).
    name: 'truncate-stream',
    apply: (pdf, random) => {
      const text = latin1(pdf);
      const starts = positions(text, /stream\r?\n/g).filter((i) => text.slice(i - 3, i) !== 'end');
      const start = (starts[pick(random, starts.length)] ?? 0) + 7;
      const end = Math.max(start, text.indexOf('endstream', start));
      const cut = start + pick(random, Math.max(1, end - start));
      const out = pdf.slice();
      out.fill(0, cut, end);
      return out;
    },
  },
  {
    name: 'damage-xref',
    apply: (pdf, random) => {
      const text = latin1(pdf);
      const startxref = text.lastIndexOf('startxref');
      const xref = Number(/startxref\s+(\d+)/.exec(text.slice(startxref))?.[1] ?? 0);
      const from = xref > 0 && xref < startxref ? xref : Math.max(0, startxref - 200);
      const out = pdf.slice();
      const count = 1 + pick(random, 8);
      for (let i = 0; i < count; i++) out[from + pick(random, Math.max(1, startxref + 20 - from))] = 0x30 + pick(random, 10);
      return out;
    },
  },
  {
    name: 'truncate-file',
    apply: (pdf, random) => pdf.slice(0, Math.floor(pdf.length * (0.05 + random() * 0.949))),
  },
  {
    name: 'insert-garbage',
    apply: (pdf, random) => {
      const at = pick(random, pdf.length);
      const garbage = Uint8Array.from({ length: 1 + pick(random, 64) }, () => pick(random, 256));
      const out = new Uint8Array(pdf.length + garbage.length);
      out.set(pdf.subarray(0, at));
      out.set(garbage, at);
      out.set(pdf.subarray(at), at + garbage.length);
      return out;
    },
  },
  {
    // Same width, so offsets hold: /Count 9, /Length 0, a matrix entry 7…
    name: 'change-number',
    apply: (pdf, random) => {
      const text = latin1(pdf);
      const numbers = [...text.matchAll(/(?<=[\s[/(<])-?\d+(?:\.\d+)?(?=[\s\]/>)])/g)];
      const out = pdf.slice();
      const count = 1 + pick(random, 4);
      for (let i = 0; i < count && numbers.length > 0; i++) {
        const m = numbers[pick(random, numbers.length)]!;
        const replacement = ['0', '9', '-1', '1'][pick(random, 4)]!.slice(-m[0].length);
        out.set(fromLatin1(replacement.padStart(m[0].length, ' ')), m.index);
      }
      return out;
    },
  },
];

/** A copy whose Flate streams are stored decoded, so byte-level mutations reach content operators and font programs. */
export async function decompressStreams(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode') || object.dict.has(PDFName.of('DecodeParms'))) continue;
    const dict = object.dict.clone(doc.context);
    dict.delete(PDFName.of('Filter'));
    doc.context.assign(ref, PDFRawStream.of(dict, decodePDFRawStream(object).decode()));
  }
  return doc.save({ useObjectStreams: false });
}
