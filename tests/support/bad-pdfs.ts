// Bad and hostile PDFs, built in code at test time (no committed binaries besides the edition).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const EDITION_PATH = path.resolve(import.meta.dirname, '../../input/pactes-regionaux-innovation-en-actions-2020-01.pdf');

export async function readEdition(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(EDITION_PATH));
}

/** Some pages of a PDF as a new PDF (1-based, inclusive), written with object streams or a classic table. */
export async function cutPages(source: Uint8Array, first: number, last: number, classicXref = false): Promise<Uint8Array> {
  const from = await PDFDocument.load(source);
  const to = await PDFDocument.create();
  const indexes = Array.from({ length: last - first + 1 }, (_, i) => first - 1 + i);
  for (const page of await to.copyPages(from, indexes)) to.addPage(page);
  return to.save({ useObjectStreams: !classicXref });
}

// --- Not a PDF at all ------------------------------------------------------------------------

export function makeNotPdf(): Uint8Array {
  return new TextEncoder().encode('Compte rendu de réunion\n\nCe fichier est un texte renommé en .pdf.\n'.repeat(20));
}

export function makeEmpty(): Uint8Array {
  return new Uint8Array(0);
}

// --- Damaged PDFs -------------------------------------------------------------------------------

/** The first `share` of the bytes, as an interrupted download or copy leaves it. */
export function truncate(pdf: Uint8Array, share: number): Uint8Array {
  return pdf.slice(0, Math.floor(pdf.length * share));
}

/** Every in-use offset of a classic cross-reference table moved, digit count kept. */
export function corruptXrefOffsets(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const start = text.lastIndexOf('\nxref');
  if (start < 0) throw new Error('corruptXrefOffsets needs a classic cross-reference table');
  const end = text.indexOf('trailer', start);
  const table = text.slice(start, end).replace(/(\d{10}) (\d{5}) n/g, (_, offset: string, gen: string) => {
    const moved = (Number(offset) + 137) % 10 ** 10;
    return `${String(moved).padStart(10, '0')} ${gen} n`;
  });
  return fromLatin1(text.slice(0, start) + table + text.slice(end));
}

/** The final startxref pointing into the middle of the file (works for tables and streams alike). */
export function misplaceStartxref(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const at = text.lastIndexOf('startxref');
  const m = /^startxref(\s+)(\d+)/.exec(text.slice(at));
  if (!m) throw new Error('no startxref');
  const wrong = String(Math.floor(Number(m[2]) / 2)).padStart(m[2]!.length, '0');
  return fromLatin1(text.slice(0, at) + `startxref${m[1]}${wrong}` + text.slice(at + m[0].length));
}

// --- Publications the pipeline cannot use ---------------------------------------------------------

/** Pages carrying only an image (grey noise) and a frame: what a scanner produces. */
export async function makeScannedLike(pageCount = 3): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(makeGreyPng(48, 64, 7));
  for (let i = 0; i < pageCount; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawImage(image, { x: 40, y: 40, width: 515, height: 762 });
    page.drawRectangle({ x: 30, y: 30, width: 535, height: 782, borderWidth: 1 });
  }
  return pdf.save();
}

/** A well-formed text PDF of another kind of publication (an annual report). */
export async function makeOtherPublication(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Rapport annuel 2019 — Association des amis du jardin botanique');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const sections = [
    ['Le mot du président', "L'année 2019 a vu l'ouverture de la nouvelle serre tropicale et l'accueil de plus de douze mille visiteurs."],
    ['Les activités', 'Visites guidées, ateliers de bouturage et conférences mensuelles ont rythmé la saison, avec le concours des bénévoles.'],
    ['Les comptes', "Les cotisations et les dons couvrent l'essentiel des dépenses ; le résultat de l'exercice est légèrement excédentaire."],
    ['Les projets', 'La rénovation du potager médiéval et la numérisation de l’herbier commenceront au printemps prochain.'],
  ] as const;
  for (const [heading, body] of sections) {
    const page = pdf.addPage([595, 842]);
    page.drawText(heading, { x: 60, y: 760, size: 20, font: bold });
    let y = 720;
    for (const line of wrap(`${body} `.repeat(6), 85)) {
      page.drawText(line, { x: 60, y, size: 11, font });
      y -= 15;
    }
  }
  return pdf.save();
}

/**
 * Text that pdfjs can only read with data of its own package: a non-embedded standard font
 * (Helvetica) and a non-embedded CJK font whose codes go through the predefined CMap 90ms-RKSJ-H.
 */
export function makePackageDataPdf(): Uint8Array {
  // "あい" in Shift-JIS, then plain Latin text.
  const content = 'BT /F2 20 Tf 40 200 Td <82a082a2> Tj ET BT /F1 20 Tf 40 120 Td (Standard font text) Tj ET';
  return writeRawPdf(
    [
      { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
      { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>' },
      { dict: '<< >>', stream: fromLatin1(content) },
      { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
      { dict: '<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-H /DescendantFonts [7 0 R] >>' },
      { dict: '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 >>' },
      { dict: '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>' },
    ],
    '/Root 1 0 R',
  );
}

/**
 * A page that points outside the file in every way a PDF can: a URI link, JavaScript that opens a
 * URL when the document opens, a remote go-to action, and an image whose data lives at a URL.
 */
export function makeRemoteReferencesPdf(): Uint8Array {
  const url = 'http://example.invalid/collect';
  const content = 'BT /F1 14 Tf 40 250 Td (Links to elsewhere) Tj ET q 100 0 0 50 40 150 cm /Im1 Do Q';
  return writeRawPdf(
    [
      { dict: `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.launchURL\("${url}", true\);) >> /URI << /Base (${url}/) >> >>` },
      { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R /Annots [7 0 R 8 0 R] >>' },
      { dict: '<< >>', stream: fromLatin1(content) },
      { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
      { dict: `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /F << /FS /URL /F (${url}/image) >> >>`, stream: new Uint8Array(0) },
      { dict: `<< /Type /Annot /Subtype /Link /Rect [40 240 200 270] /A << /S /URI /URI (${url}/link) >> >>` },
      { dict: `<< /Type /Annot /Subtype /Link /Rect [40 200 200 230] /A << /S /GoToR /F << /FS /URL /F (${url}/remote.pdf) >> /D [0 /Fit] >> >>` },
    ],
    '/Root 1 0 R',
  );
}

// --- Password-protected PDFs (Standard security handler, RC4) --------------------------------------

export interface EncryptionSpec {
  userPassword: string;
  ownerPassword: string;
  /** 2: RC4 40-bit; 3: RC4 128-bit. */
  revision: 2 | 3;
  text: string;
  title: string;
}

/**
 * A one-page PDF encrypted with the Standard security handler (PDF 1.7, 7.6.3): pdf-lib cannot
 * encrypt, so the file is written by hand and O, U and the object keys are computed here.
 */
export function makeEncrypted(spec: EncryptionSpec): Uint8Array {
  const keyLength = spec.revision === 2 ? 5 : 16;
  const permissions = spec.revision === 2 ? -44 : -3904;
  const id = createHash('md5').update(`${spec.title}/${spec.text}`).digest();
  const owner = computeOwnerEntry(spec.ownerPassword || spec.userPassword, spec.userPassword, spec.revision, keyLength);
  const fileKey = computeFileKey(spec.userPassword, owner, permissions, id, spec.revision, keyLength);
  const user = computeUserEntry(fileKey, id, spec.revision);
  const encrypt = (num: number, bytes: Uint8Array) => rc4(objectKey(fileKey, num, 0), bytes);
  const content = new TextEncoder().encode(`BT /F1 18 Tf 40 240 Td (${escapePdfString(spec.text)}) Tj ET`);
  return writeRawPdf(
    [
      { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
      { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>' },
      { dict: '<< >>', stream: encrypt(4, content) },
      { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
      { dict: `<< /Filter /Standard /V ${spec.revision === 2 ? 1 : 2} /R ${spec.revision} /Length ${keyLength * 8} /O <${hex(owner)}> /U <${hex(user)}> /P ${permissions} >>` },
      { dict: `<< /Title <${hex(encrypt(7, utf16Be(spec.title)))}> >>` },
    ],
    `/Root 1 0 R /Encrypt 6 0 R /Info 7 0 R /ID [<${hex(id)}> <${hex(id)}>]`,
  );
}

const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padPassword(password: string): Uint8Array {
  const bytes = fromLatin1(password).subarray(0, 32);
  const out = new Uint8Array(32);
  out.set(bytes);
  out.set(PASSWORD_PADDING.subarray(0, 32 - bytes.length), bytes.length);
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5');
  for (const p of parts) hash.update(p);
  return new Uint8Array(hash.digest());
};

/** Algorithm 3. */
function computeOwnerEntry(ownerPassword: string, userPassword: string, revision: 2 | 3, keyLength: number): Uint8Array {
  let hash = md5(padPassword(ownerPassword));
  if (revision === 3) for (let i = 0; i < 50; i++) hash = md5(hash);
  const key = hash.subarray(0, keyLength);
  let out = rc4(key, padPassword(userPassword));
  if (revision === 3) for (let i = 1; i <= 19; i++) out = rc4(xorKey(key, i), out);
  return out;
}

/** Algorithm 2. */
function computeFileKey(userPassword: string, owner: Uint8Array, permissions: number, id: Uint8Array, revision: 2 | 3, keyLength: number): Uint8Array {
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  let hash = md5(padPassword(userPassword), owner, p, id);
  if (revision === 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, keyLength));
  return hash.subarray(0, keyLength);
}

/** Algorithms 4 (R2) and 5 (R3). */
function computeUserEntry(fileKey: Uint8Array, id: Uint8Array, revision: 2 | 3): Uint8Array {
  if (revision === 2) return rc4(fileKey, PASSWORD_PADDING);
  let out = rc4(fileKey, md5(PASSWORD_PADDING, id));
  for (let i = 1; i <= 19; i++) out = rc4(xorKey(fileKey, i), out);
  const entry = new Uint8Array(32);
  entry.set(out);
  return entry;
}

/** Algorithm 1: the key of one object's strings and streams. */
function objectKey(fileKey: Uint8Array, num: number, gen: number): Uint8Array {
  const suffix = Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  return md5(fileKey, suffix).subarray(0, Math.min(fileKey.length + 5, 16));
}

const xorKey = (key: Uint8Array, n: number) => key.map((b) => b ^ n);

/** RC4, written out: OpenSSL 3 no longer offers it by default. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

// --- A hostile font of the CVE-2024-4367 kind --------------------------------------------------------

/** The global a successful payload sets. */
export const PWNED_GLOBAL = '__pdfjsPayloadRan';

/** What the vulnerable pdfjs (< 4.2.67) spliced into the glyph-drawing code it eval'ed. */
export const FONT_MATRIX_PAYLOAD = `0\\); globalThis.${PWNED_GLOBAL} = true; //`;

/**
 * Text drawn with a Type1 font whose /FontMatrix carries a JavaScript payload, and a Type3 font
 * with the same payload in its own /FontMatrix (the two places the CVE reached). The Type1 font
 * has a /FontFile stream that is not a valid font program, which sends pdfjs to its fallback font
 * while keeping the dictionary's matrix.
 */
export function makeHostileFontPdf(): Uint8Array {
  const matrix = `[0.001 0 0 0.001 0 (${FONT_MATRIX_PAYLOAD})]`;
  const content = 'BT /F1 24 Tf 40 200 Td (Hostile font sample) Tj ET BT /F2 24 Tf 40 120 Td (AB) Tj ET';
  const glyph = '1000 0 0 0 750 750 d1 0 0 750 750 re f';
  const fontProgram = '%!PS-AdobeFont-1.0: Payload 001.000\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\ncurrentfile eexec\n';
  return writeRawPdf(
    [
      { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
      { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>' },
      { dict: '<< >>', stream: fromLatin1(content) },
      { dict: `<< /Type /Font /Subtype /Type1 /BaseFont /PayloadFont /FirstChar 32 /LastChar 126 /Widths [${'600 '.repeat(95)}] /FontDescriptor 6 0 R /FontMatrix ${matrix} >>` },
      { dict: '<< /Type /FontDescriptor /FontName /PayloadFont /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>' },
      { dict: `<< /Length1 ${fontProgram.length} /Length2 0 /Length3 0 >>`, stream: fromLatin1(fontProgram) },
      { dict: `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix ${matrix} /CharProcs << /sq 9 0 R >> /Encoding << /Type /Encoding /Differences [65 /sq /sq] >> /FirstChar 65 /LastChar 66 /Widths [1000 1000] /Resources << >> >>` },
      { dict: '<< >>', stream: fromLatin1(glyph) },
    ],
    '/Root 1 0 R',
  );
}

// --- A resource bomb ------------------------------------------------------------------------------

/**
 * A one-page PDF of a few hundred bytes whose font has a ToUnicode CMap mapping a range of ~16.7
 * million codes, the most pdfjs accepts (MAX_MAP_RANGE): pdfjs fills a map entry by entry, which takes
 * seconds and well over a gigabyte. Found by the fuzz test (a truncated stream produced such a range).
 */
export function makeCMapBombPdf(): Uint8Array {
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Bomb def /CMapType 2 def',
    '1 begincodespacerange <000000> <FFFFFF> endcodespacerange',
    '1 beginbfrange <000000> <FFFFFD> <0041> endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return writeRawPdf(
    [
      { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
      { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>' },
      { dict: '<< >>', stream: fromLatin1('BT /F1 18 Tf 40 200 Td (ABC) Tj ET') },
      { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>' },
      { dict: '<< >>', stream: fromLatin1(cmap) },
    ],
    '/Root 1 0 R',
  );
}

// --- Small helpers ----------------------------------------------------------------------------------

interface RawObject {
  dict: string;
  stream?: Uint8Array;
}

/** A PDF from numbered objects (1…n) with a correct classic cross-reference table. */
export function writeRawPdf(objects: RawObject[], trailerEntries: string): Uint8Array {
  const chunks: Uint8Array[] = [fromLatin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let length = chunks[0]!.length;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    length += bytes.length;
  };
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    if (object.stream) {
      const dict = object.dict.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`);
      push(fromLatin1(`${i + 1} 0 obj\n${dict}\nstream\n`));
      push(object.stream);
      push(fromLatin1('\nendstream\nendobj\n'));
    } else {
      push(fromLatin1(`${i + 1} 0 obj\n${object.dict}\nendobj\n`));
    }
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f\r', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`)];
  push(fromLatin1(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} ${trailerEntries} >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A greyscale PNG of seeded noise. */
export function makeGreyPng(width: number, height: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = 128 + Math.floor(random() * 96);
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** mulberry32: a small PRNG, so generated inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function fromLatin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function utf16Be(text: string): Uint8Array {
  const out = Buffer.alloc(2 + text.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < text.length; i++) out.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
  return out;
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
