import type { LaidOutDocument } from '../model/layout.ts';
import { cleanInline, findLargestTypeLines } from '../layout/index.ts';
import { parseDateLabel } from '../normalise/dates.ts';
import type { Dataset } from '../validate/schema.ts';

const DEFAULT_TITLE = "L'innovation en actions à travers les Pactes régionaux";

/** The edition's title (PDF metadata, else the cover's largest text) and its month ("JANVIER 2020" on the cover). */
export function readEdition(doc: LaidOutDocument, metadataTitle: string | null): Dataset['edition'] {
  const cover = doc.pages[0];
  let date: string | null = null;
  for (const line of cover?.lines ?? []) {
    const value = parseDateLabel(cleanInline(line.text));
    if (value && value.precision === 'month' && value.start) {
      date = value.start.slice(0, 7);
      break;
    }
  }
  let title = metadataTitle;
  if (!title && cover) title = cleanInline(findLargestTypeLines(cover.lines).map((l) => l.text).join(' '));
  return { title: title || DEFAULT_TITLE, date };
}
