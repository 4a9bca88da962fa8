// Human-readable rendering of a DatasetDiff, grouped as added, removed, renamed, moved, changed.
import type { CardRef, DatasetDiff, DatasetSummary, FieldChange, MovedCard } from './types.ts';

const MAX_VALUE_CHARS = 160;

export interface FormatOptions {
  /** How to name the two inputs (e.g. their JSON file paths); defaults to their source PDF names. */
  oldLabel?: string;
  newLabel?: string;
}

export function formatDiff(diff: DatasetDiff, options: FormatOptions = {}): string {
  const lines = [
    `old: ${describeSide(options.oldLabel, diff.old)}`,
    `new: ${describeSide(options.newLabel, diff.new)}`,
  ];
  if (diff.identical) {
    lines.push('No differences.');
    return lines.join('\n') + '\n';
  }
  if (diff.edition.length > 0) {
    lines.push('', 'Edition:');
    for (const change of diff.edition) lines.push(`  ${formatChange(change)}`);
  }
  if (diff.added.length > 0) {
    lines.push('', `Added (${diff.added.length}):`);
    for (const card of diff.added) lines.push(`  + ${describeCard(card)}`);
  }
  if (diff.removed.length > 0) {
    lines.push('', `Removed (${diff.removed.length}):`);
    for (const card of diff.removed) lines.push(`  - ${describeCard(card)}`);
  }
  if (diff.renamed.length > 0) {
    lines.push('', `Renamed (${diff.renamed.length}):`);
    for (const r of diff.renamed) {
      lines.push(`  ~ ${r.old.id} → ${r.new.id} (${r.new.region}, p. ${formatPages(r.new)})`);
      lines.push(`      title: ${JSON.stringify(r.old.title)} → ${JSON.stringify(r.new.title)}`);
      for (const change of r.changes) lines.push(`      ${formatChange(change)}`);
    }
  }
  if (diff.moved.length > 0) {
    lines.push('', `Moved (${diff.moved.length}):`);
    for (const m of diff.moved) lines.push(`  > ${m.card.id}  ${JSON.stringify(m.card.title)} (${m.card.region}): ${describeMove(m)}`);
  }
  if (diff.changed.length > 0) {
    lines.push('', `Changed (${diff.changed.length}):`);
    for (const c of diff.changed) {
      lines.push(`  * ${describeCard(c.card)}`);
      for (const change of c.changes) lines.push(`      ${formatChange(change)}`);
    }
  }
  lines.push(
    '',
    `Summary: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.renamed.length} renamed, ` +
      `${diff.moved.length} moved, ${diff.changed.length} changed (${diff.old.cardCount} → ${diff.new.cardCount} cards)`,
  );
  return lines.join('\n') + '\n';
}

/** "p. 12-13 → p. 38-39", or the PDF pages when only they moved (--layout). */
function describeMove(m: MovedCard): string {
  const samePages = m.oldPages[0] === m.newPages[0] && m.oldPages[1] === m.newPages[1];
  const pdf = m.changes.find((c) => c.path === 'pdfPages');
  if (samePages && pdf) return `PDF p. ${formatRange(pdf.old)} → PDF p. ${formatRange(pdf.new)} (printed p. ${formatRange(m.newPages)})`;
  return `p. ${formatRange(m.oldPages)} → p. ${formatRange(m.newPages)}`;
}

function formatRange(pages: unknown): string {
  return Array.isArray(pages) ? pages.join('-') : String(pages);
}

function describeSide(label: string | undefined, side: DatasetSummary): string {
  const edition = side.editionDate ?? 'undated';
  return `${label ?? side.file} (${label ? `${side.file}, ` : ''}edition ${edition}, ${side.cardCount} cards)`;
}

function describeCard(card: CardRef): string {
  return `${card.id}  ${JSON.stringify(card.title)} (${card.region}, p. ${formatPages(card)})`;
}

function formatPages(card: CardRef): string {
  return `${card.pages[0]}-${card.pages[1]}`;
}

export function formatChange(change: FieldChange): string {
  if (change.kind === 'added') return `${change.path}: added ${formatValue(change.new)}`;
  if (change.kind === 'removed') return `${change.path}: removed ${formatValue(change.old)}`;
  if (change.words !== undefined) return `${change.path}: ${change.words}`;
  return `${change.path}: ${formatValue(change.old)} → ${formatValue(change.new)}`;
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
