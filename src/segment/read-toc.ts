import { unionBoxes } from '../model/geometry.ts';
import type { Line, LogicalPage } from '../model/layout.ts';
import { canonicalRegion } from '../model/regions.ts';
import { cleanInline } from '../layout/index.ts';
import type { Axis } from '../validate/schema.ts';
import { findPageRefs, PAGE_REF, parseAxisHeading, splitLeaderLines } from './page-features.ts';
import type { TocEntry } from './types.ts';

const sameRow = (a: Line, b: Line) => Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]) > 0.3 * Math.min(a.fontSize, b.fontSize);

/** Reads the entries of table-of-contents pages, with the axis and theme headings they stand under. */
export function readToc(pages: readonly LogicalPage[]): TocEntry[] {
  const entries: TocEntry[] = [];
  let axis: Axis | null = null;
  let theme: string | null = null;
  for (const page of pages) {
    const lines = splitLeaderLines(page.lines);
    const refs = findPageRefs(lines, page);
    const used = new Set<Line>(refs);
    const rows = new Map<Line, Line>();
    for (const ref of refs) {
      const text = lines.filter((l) => l !== ref && sameRow(l, ref) && l.box[2] <= ref.box[0]).sort((a, b) => a.box[0] - b.box[0]);
      for (const t of text) {
        rows.set(t, ref);
        used.add(t);
      }
    }
    const entrySize = Math.max(0, ...[...rows.keys()].map((l) => l.fontSize));
    const ordered = [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    for (let i = 0; i < ordered.length; i++) {
      const line = ordered[i]!;
      const ref = rows.get(line);
      if (ref) {
        if (rows.get(ordered[i - 1]!) === ref) continue; // second run of the same row, already taken
        const parts = ordered.filter((l) => rows.get(l) === ref);
        // An entry wrapped over lines: the following lines at the same indent, with no page reference.
        for (let j = i + 1; j < ordered.length; j++) {
          const next = ordered[j]!;
          if (used.has(next) && sameRow(next, line)) continue; // the rest of the entry's own row
          if (!isContinuation(next, parts[parts.length - 1]!, used)) break;
          parts.push(next);
          used.add(next);
        }
        entries.push(makeEntry(parts, ref, axis, theme, page.pdfPage));
        continue;
      }
      if (used.has(line)) continue;
      const lineAxis = parseAxisHeading(line);
      if (lineAxis) {
        axis = lineAxis;
        theme = null;
      } else if (isThemeHeading(line, entrySize)) {
        theme = joinThemeLines(ordered, i, used);
      }
    }
  }
  return entries;
}

function isContinuation(next: Line, first: Line, used: ReadonlySet<Line>): boolean {
  return (
    !used.has(next) &&
    Math.abs(next.box[0] - first.box[0]) < first.fontSize &&
    next.box[1] - first.box[3] < 1.2 * first.fontSize &&
    Math.abs(next.fontSize - first.fontSize) < 0.5 &&
    !isThemeHeading(next)
  );
}

/** Theme headings carry no page reference and are set in capitals, or in bold type larger than the entries'. */
function isThemeHeading(line: Line, entrySize = Infinity): boolean {
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  const stands = letters === letters.toUpperCase() || (line.allBold && line.fontSize > entrySize + 0.5);
  return letters.length >= 8 && stands && !PAGE_REF.test(line.text.trim()) && parseAxisHeading(line) === null;
}

/** A theme heading may wrap: take the capitals lines that follow it closely. */
function joinThemeLines(ordered: readonly Line[], start: number, used: Set<Line>): string {
  const parts = [ordered[start]!];
  for (let k = start + 1; k < ordered.length; k++) {
    const next = ordered[k]!;
    const prev = parts[parts.length - 1]!;
    if (used.has(next) || !isThemeHeading(next) || next.box[1] - prev.box[3] > prev.fontSize) break;
    parts.push(next);
    used.add(next);
  }
  return cleanInline(parts.map((p) => p.text).join(' '));
}

function makeEntry(parts: Line[], ref: Line, axis: Axis | null, theme: string | null, pdfPage: number): TocEntry {
  const text = cleanInline(parts.map((p) => p.text).join(' '));
  const { title, region } = splitRegion(text);
  const page = Number(PAGE_REF.exec(ref.text.trim())?.[1]);
  return { title, region, page, axis, theme, pdfPage, box: unionBoxes([...parts, ref].map((l) => l.box)) };
}

/** "Parcours TPE (Guadeloupe)" → title and canonical region; the last parenthesis naming a region. */
export function splitRegion(text: string): { title: string; region: string | null } {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(text);
  if (m) {
    const region = canonicalRegion(m[2]!);
    if (region) return { title: m[1]!.trim(), region };
  }
  return { title: text, region: null };
}
