import type { Box } from './geometry.ts';

/** One run of text as the PDF places it, in our own terms (no pdfjs types past the load stage). */
export interface TextItem {
  text: string;
  /** 1-based PDF page index. */
  page: number;
  box: Box;
  fontSize: number;
  /** The font: its name in the PDF (subset tag included), the same in every part of a file read in
   * parts; pdfjs's own id when the name cannot be read (then stable only within one load). */
  fontId: string;
  bold: boolean;
  italic: boolean;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

export interface LoadedDocument {
  pageCount: number;
  /** The PDF's Info title, if any. */
  title: string | null;
  pages: PageText[];
}
