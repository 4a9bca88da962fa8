// The shape of an edition diff; docs/diff.md documents it as the `--json` output contract.

/** One difference inside a card (or in the edition metadata). */
export interface FieldChange {
  /**
   * Where: a dotted path with array indexes, e.g. `budget.amountEur`, `calendar[2].start`,
   * `objectives[0]`. Indexes are positions in the new card, except for `removed`, which
   * uses the position in the old card.
   */
  path: string;
  kind: 'changed' | 'added' | 'removed';
  /** The old value; absent when kind is `added`. */
  old?: unknown;
  /** The new value; absent when kind is `removed`. */
  new?: unknown;
  /** For text values that changed: a short word diff, `… [-old words-] {+new words+} …`. */
  words?: string;
}

export interface CardRef {
  id: string;
  title: string;
  region: string;
  /** Printed page numbers in its edition. */
  pages: [number, number];
}

export interface ChangedCard {
  card: CardRef;
  changes: FieldChange[];
}

/** A card whose only difference is where it is printed: its page numbers (and, with --layout, its PDF pages and the pages of its provenance). */
export interface MovedCard {
  card: CardRef;
  oldPages: [number, number];
  newPages: [number, number];
  /** The page changes themselves (`pages`, and with --layout `pdfPages` and `provenance.*`). */
  changes: FieldChange[];
}

export interface RenamedCard {
  old: CardRef;
  new: CardRef;
  /** Levenshtein distance of the folded titles divided by the longer folded title's length. */
  titleDistance: number;
  /** Changes besides id and title (which the two refs already show). */
  changes: FieldChange[];
}

export interface DatasetSummary {
  file: string;
  sha256: string;
  editionDate: string | null;
  cardCount: number;
}

export interface DatasetDiff {
  old: DatasetSummary;
  new: DatasetSummary;
  /** True when no card and no edition field differs (sources and diagnostics are not compared). */
  identical: boolean;
  /** Changes of `edition.title` and `edition.date`. */
  edition: FieldChange[];
  /** In new-dataset order. */
  added: CardRef[];
  /** In old-dataset order. */
  removed: CardRef[];
  /** In new-dataset order. */
  renamed: RenamedCard[];
  /** In new-dataset order; cards matched by id whose only difference is their page numbers. */
  moved: MovedCard[];
  /** In new-dataset order; cards matched by id whose content differs (not only their pages). */
  changed: ChangedCard[];
}

export interface DiffOptions {
  /** Also compare pdfPages and provenance (layout-only fields, ignored by default). */
  includeLayout?: boolean;
}
