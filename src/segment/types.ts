import type { Box } from '../model/geometry.ts';
import type { LogicalPage } from '../model/layout.ts';
import type { Axis, Diagnostic } from '../validate/schema.ts';
import type { PageRole } from '../pipeline/types.ts';

export interface TocEntry {
  title: string;
  region: string | null;
  /** Printed page number of the card's first page. */
  page: number;
  axis: Axis | null;
  theme: string | null;
  /** Where the entry is printed. */
  pdfPage: number;
  box: Box;
}

/** The pages of one card, matched to its table-of-contents entry when there is one. */
export interface CardPages {
  pages: LogicalPage[];
  /** Printed page numbers, when the footers carry them. */
  printedPages: (number | null)[];
  entry: TocEntry | null;
}

export interface SegmentedDocument {
  toc: TocEntry[];
  cards: CardPages[];
  roles: { page: number; role: PageRole }[];
  diagnostics: Diagnostic[];
}
