// The only module that touches pdfjs-dist: it turns a PDF into our own positioned text items.
// First import: pdfjs-dist must find its canvas stubbed when it loads (see without-canvas.ts).
import './without-canvas.ts';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { LoadedDocument, PageText, TextItem } from '../model/text.ts';
import { buildSafeOptions } from './pdfjs-options.ts';
import { describeFont, type FontStyle } from './font-style.ts';
import { findSignatureProblem, findStructureProblem } from './check-structure.ts';
import { explainLoadFailure, makeInputError, type FailureContext } from './load-failure.ts';
import { claimWholeDocument, type PageClaim, type PageSpan } from './page-range.ts';
import { FONT_NAME_STYLE_KEY } from './worker-patches.ts';

export interface LoadOptions {
  fileName: string;
  password?: string;
  /** Called after each page is read: pages read so far (in this part), pages in the document, and the page. */
  onPage?: (done: number, total: number, page: PageText) => void;
  /** Read only the pages this gives, span after span (the document's page count and title are still given). */
  claimPages?: PageClaim;
  /** Aborting stops the work in progress (pdfjs is torn down) and rejects with an InputError of kind 'timeout'. */
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
  /** Only from the patched worker module (worker-patches.ts). */
  [FONT_NAME_STYLE_KEY]?: unknown;
}

/** Rejects only with an InputError (kinds: empty, not-pdf, damaged, password, timeout, memory). */
export async function loadDocument(data: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
  const context: FailureContext = { fileName: options.fileName, passwordGiven: options.password !== undefined, signal: options.signal, what: 'the PDF' };
  const notPdf = findSignatureProblem(data);
  if (notPdf) throw makeInputError(notPdf.kind, options.fileName, notPdf.reason);
  let damage: string | null;
  try {
    damage = findStructureProblem(data);
  } catch (error) {
    throw explainLoadFailure(error, context);
  }
  if (damage) throw makeInputError('damaged', options.fileName, `the PDF is damaged: ${damage}`);
  if (options.signal?.aborted) throw explainLoadFailure(options.signal.reason, context);

  let task: PDFDocumentLoadingTask;
  try {
    // pdfjs transfers (and so detaches) the buffer it is given: hand it a copy.
    task = getDocument(buildSafeOptions(data.slice(), options.password));
  } catch (error) {
    throw explainLoadFailure(error, context);
  }
  // pdfjs runs in this thread under Node. Tearing the task down stops its work, but a call pending
  // at that moment may never settle (a document still opening, for one), so callers are released
  // by the abort itself rather than by pdfjs.
  const stop = () => void task.destroy().catch(() => {});
  options.signal?.addEventListener('abort', stop, { once: true });
  const abort = rejectOnAbort(options.signal);
  try {
    return await Promise.race([readDocument(task, options, context), abort.promise]);
  } catch (error) {
    if (error instanceof OwnFailure) throw error.error;
    throw explainLoadFailure(error, context);
  } finally {
    abort.dispose();
    options.signal?.removeEventListener('abort', stop);
    const destroyed = task.destroy().catch(() => {});
    if (!options.signal?.aborted) await destroyed;
  }
}

async function readDocument(task: PDFDocumentLoadingTask, options: LoadOptions, context: FailureContext): Promise<LoadedDocument> {
  const doc = await task.promise;
  if (doc.numPages === 0) throw makeInputError('damaged', options.fileName, 'the PDF is damaged: it has no pages');
  const title = await readTitle(doc);
  const fonts = new Map<string, KnownFont>();
  const pages: PageText[] = [];
  const claim = options.claimPages ?? claimWholeDocument();
  for (let span = await claimNext(claim, doc.numPages); span; span = await claimNext(claim, doc.numPages)) {
    for (let n = span.first; n <= span.last; n++) {
      context.what = `page ${n}`;
      if (options.signal?.aborted) throw explainLoadFailure(options.signal.reason, context);
      const page = await readPage(doc, n, fonts);
      pages.push(page);
      options.onPage?.(pages.length, doc.numPages, page);
    }
  }
  return { pageCount: doc.numPages, title, pages };
}

/** A failure of ours, not of the PDF: passed on as it is instead of being explained as damage. */
class OwnFailure {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

async function claimNext(claim: PageClaim, pageCount: number): Promise<PageSpan | null> {
  let span: PageSpan | null;
  try {
    span = await claim(pageCount);
  } catch (error) {
    throw new OwnFailure(error);
  }
  if (span && !(Number.isInteger(span.first) && Number.isInteger(span.last) && span.first >= 1 && span.first <= span.last && span.last <= pageCount)) {
    throw new OwnFailure(new Error(`pages ${span.first}–${span.last} claimed of a ${pageCount}-page document`));
  }
  return span;
}

/** A promise that rejects when the signal aborts (and never settles otherwise). */
function rejectOnAbort(signal: AbortSignal | undefined): { promise: Promise<never>; dispose: () => void } {
  if (!signal) return { promise: new Promise<never>(() => {}), dispose: () => {} };
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
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

async function readPage(doc: PDFDocumentProxy, n: number, fonts: Map<string, KnownFont>): Promise<PageText> {
  const page: PDFPageProxy = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const rawItems = content.items.filter((it): it is RawTextItem & typeof it => 'str' in it);
    const styles = content.styles as Record<string, RawStyle>;
    await resolveFonts(page, rawItems, styles, fonts);
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

/**
 * A font as this load knows it. `key` is its name in the PDF (subset tag included): pdfjs's own ids
 * follow the order fonts are met, so a file read in parts would get other ids in each part.
 */
interface KnownFont {
  style: FontStyle;
  key: string | null;
}

/**
 * Names the fonts met for the first time on this page. The patched worker module puts each font's name
 * in the text content's styles; pdfjs as installed exports it only with an operator list of the page.
 */
async function resolveFonts(page: PDFPageProxy, items: readonly RawTextItem[], styles: Record<string, RawStyle>, fonts: Map<string, KnownFont>): Promise<void> {
  const unknown: string[] = [];
  for (const id of new Set(items.map((i) => i.fontName))) {
    if (fonts.has(id)) continue;
    const name = styles[id]?.[FONT_NAME_STYLE_KEY];
    if (typeof name === 'string') fonts.set(id, { style: describeFont(name), key: name });
    else unknown.push(id);
  }
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
    fonts.set(id, { style: describeFont(name), key: name });
  }
}

function toTextItem(
  raw: RawTextItem,
  style: RawStyle | undefined,
  viewportTransform: number[],
  page: number,
  known: KnownFont | undefined,
): TextItem | null {
  const font = known?.style;
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
  const box: TextItem['box'] = [x, baseline - ascent * size, x + width, baseline - descent * size];
  // Damaged font data can leave a run without a usable position; it cannot be placed, so it is left out.
  if (!box.every(Number.isFinite) || !Number.isFinite(size)) return null;
  return {
    text: raw.str,
    page,
    box,
    fontSize: size,
    fontId: known?.key ?? raw.fontName,
    bold: font?.bold ?? false,
    italic: font?.italic ?? false,
  };
}
