// The only module that touches pdfjs-dist: it turns a PDF into our own positioned text items.
import { getDocument, PasswordException, PasswordResponses, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../model/errors.ts';
import type { LoadedDocument, PageText, TextItem } from '../model/text.ts';
import { buildSafeOptions } from './pdfjs-options.ts';
import { describeFont, type FontStyle } from './font-style.ts';

export interface LoadOptions {
  fileName: string;
  password?: string;
  /** Called after each page is read. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

interface RawStyle {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

export async function loadDocument(data: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
  checkSignature(data, options.fileName);
  // pdfjs transfers (and so detaches) the buffer it is given: hand it a copy.
  const task = getDocument(buildSafeOptions(data.slice(), options.password));
  try {
    const doc = await openOrExplain(task.promise, options);
    const title = await readTitle(doc);
    const fonts = new Map<string, FontStyle>();
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.signal?.aborted) throw new InputError('timeout', `${options.fileName}: stopped (${String(options.signal.reason ?? 'aborted')})`);
      pages.push(await readPage(doc, n, fonts, options.fileName));
      options.onPage?.(n, doc.numPages);
    }
    return { pageCount: doc.numPages, title, pages };
  } finally {
    await task.destroy();
  }
}

function checkSignature(data: Uint8Array, fileName: string): void {
  if (data.length === 0) throw new InputError('empty', `${fileName}: the file is empty (0 bytes)`);
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new InputError('not-pdf', `${fileName}: not a PDF (no %PDF- header in the first 1024 bytes)`);
}

async function openOrExplain(promise: Promise<PDFDocumentProxy>, options: LoadOptions): Promise<PDFDocumentProxy> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof PasswordException) {
      const wrong = error.code === PasswordResponses.INCORRECT_PASSWORD;
      throw new InputError(
        'password',
        wrong
          ? `${options.fileName}: the password given with --password is wrong`
          : `${options.fileName}: the PDF is password-protected; give its password with --password`,
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError('damaged', `${options.fileName}: the PDF cannot be read (${reason})`, { cause: error });
  }
}

async function readTitle(doc: PDFDocumentProxy): Promise<string | null> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown };
    return typeof info.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
  } catch {
    return null;
  }
}

async function readPage(doc: PDFDocumentProxy, n: number, fonts: Map<string, FontStyle>, fileName: string): Promise<PageText> {
  let page: PDFPageProxy;
  try {
    page = await doc.getPage(n);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError('damaged', `${fileName}: page ${n} cannot be read (${reason})`, { cause: error });
  }
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const rawItems = content.items.filter((it): it is RawTextItem & typeof it => 'str' in it);
    await resolveFonts(page, rawItems, fonts);
    const styles = content.styles as Record<string, RawStyle>;
    const items: TextItem[] = [];
    for (const raw of rawItems) {
      const item = toTextItem(raw, styles[raw.fontName], viewport.transform, n, fonts.get(raw.fontName));
      if (item) items.push(item);
    }
    return { page: n, width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

/** Text content does not carry font names; an operator list of the page makes pdfjs export them, once per font. */
async function resolveFonts(page: PDFPageProxy, items: readonly RawTextItem[], fonts: Map<string, FontStyle>): Promise<void> {
  const unknown = [...new Set(items.map((i) => i.fontName))].filter((f) => !fonts.has(f));
  if (unknown.length === 0) return;
  try {
    await page.getOperatorList();
  } catch {
    // Fonts stay undescribed: they are then treated as regular, upright.
  }
  for (const id of unknown) {
    let name: string | null = null;
    try {
      if (page.commonObjs.has(id)) name = (page.commonObjs.get(id) as { name?: string }).name ?? null;
    } catch {
      name = null;
    }
    fonts.set(id, describeFont(name));
  }
}

function toTextItem(
  raw: RawTextItem,
  style: RawStyle | undefined,
  viewportTransform: number[],
  page: number,
  font: FontStyle | undefined,
): TextItem | null {
  if (raw.str === '') return null;
  const m = Util.transform(viewportTransform, raw.transform);
  const size = Math.hypot(m[2]!, m[3]!);
  if (!(size > 0)) return null;
  // Only horizontal text takes part in the layout; rotated runs are kept with their own extent.
  const ascent = style?.ascent && style.ascent > 0 ? Math.min(style.ascent, 1.2) : 0.8;
  const descent = style?.descent && style.descent < 0 ? Math.max(style.descent, -0.5) : -0.2;
  const x = m[4]!;
  const baseline = m[5]!;
  const scale = Math.hypot(viewportTransform[0]!, viewportTransform[1]!);
  const width = raw.width * scale;
  return {
    text: raw.str,
    page,
    box: [x, baseline - ascent * size, x + width, baseline - descent * size],
    fontSize: size,
    fontId: raw.fontName,
    bold: font?.bold ?? false,
    italic: font?.italic ?? false,
  };
}
