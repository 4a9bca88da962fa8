import type { Box } from './geometry.ts';

/** A run of items on one baseline, within one column. */
export interface Line {
  /** 1-based PDF page. */
  page: number;
  box: Box;
  /** Raw text of the line: items joined, spaces as printed (not yet cleaned). */
  text: string;
  /** Dominant font size (by characters). */
  fontSize: number;
  /** True when most characters are bold / italic. */
  bold: boolean;
  italic: boolean;
  /** True when every character is bold. */
  allBold: boolean;
  /** Set when the line mixes weights: its runs of one weight, left to right; their texts joined are `text`. */
  runs?: WeightRun[];
}

/** A stretch of a line in one weight. */
export interface WeightRun {
  /** As in the line's text, with the space printed before it (if any). */
  text: string;
  /** Left and right edges of its ink. */
  x0: number;
  x1: number;
  bold: boolean;
}

/** Lines that belong together in reading order (a paragraph, a box, a list). */
export interface TextBlock {
  page: number;
  box: Box;
  lines: Line[];
}

/** A page as a person reads it: a whole PDF page, or one half of a spread. */
export interface LogicalPage {
  /** 1-based PDF page. */
  pdfPage: number;
  /** Position on the PDF page: a single page, or the left/right half of a spread. */
  side: 'single' | 'left' | 'right';
  /** The part of the PDF page this logical page covers. */
  region: Box;
  lines: Line[];
  /** Blocks in reading order. */
  blocks: TextBlock[];
  /** Running header lines (recurring at the top of the pages), outermost first. */
  header: Line[];
  /** Running footer lines (recurring at the bottom of the pages), outermost first. */
  footer: Line[];
  /** The header and footer lines together. */
  furniture: Line[];
}

/** Words seen in the document, used to tell a typeset hyphen from a real one. */
export interface Lexicon {
  words: ReadonlySet<string>;
  hyphenated: ReadonlySet<string>;
  /** True when the document breaks words at line ends (its own line ends say so). */
  breaksWords?: boolean;
}

export interface LaidOutDocument {
  pages: LogicalPage[];
  /** Typical body text size in points (most characters). */
  bodySize: number;
  /** Typical distance between the tops of two lines of body text in one paragraph. */
  bodyLeading: number;
  lexicon: Lexicon;
}
