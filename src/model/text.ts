import type { Box } from './geometry.ts';

/** One run of text as the PDF places it, in our own terms (no pdfjs types past the load stage). */
export interface TextItem {
  text: string;
  /** 1-based PDF page index. */
  page: number;
  box: Box;
  fontSize: number;
  /** pdfjs's identifier of the font, stable across the pages one load read (a file read in parts by
   * several processes has one set of ids per part: nothing past the load stage may compare them). */
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
