// Compares two editions' datasets: cards added, removed, renamed and changed.
import type { Card, Dataset } from '../validate/schema.ts';
import { compareCards } from './compare-cards.ts';
import { compareText, compareValue } from './compare-fields.ts';
import { matchCards } from './match-cards.ts';
import type { CardRef, ChangedCard, DatasetDiff, DatasetSummary, DiffOptions, FieldChange, MovedCard, RenamedCard } from './types.ts';

export function diffDatasets(oldDs: Dataset, newDs: Dataset, options: DiffOptions = {}): DatasetDiff {
  const edition: FieldChange[] = [];
  compareText('edition.title', oldDs.edition.title, newDs.edition.title, edition);
  compareValue('edition.date', oldDs.edition.date, newDs.edition.date, edition);

  const matching = matchCards(oldDs.cards, newDs.cards);
  const renamed: RenamedCard[] = [];
  const changed: ChangedCard[] = [];
  const moved: MovedCard[] = [];
  for (const pair of matching.pairs) {
    if (pair.renamed) {
      renamed.push({
        old: toCardRef(pair.old),
        new: toCardRef(pair.new),
        titleDistance: Math.round(pair.titleDistance * 1000) / 1000,
        changes: compareCards(pair.old, pair.new, { ...options, skipIdentity: true }),
      });
      continue;
    }
    const changes = compareCards(pair.old, pair.new, options);
    if (changes.length === 0) continue;
    if (changes.every(isPageChange)) moved.push({ card: toCardRef(pair.new), oldPages: pair.old.pages, newPages: pair.new.pages, changes });
    else changed.push({ card: toCardRef(pair.new), changes });
  }
  const added = matching.added.map(toCardRef);
  const removed = matching.removed.map(toCardRef);
  return {
    old: summarise(oldDs),
    new: summarise(newDs),
    identical: edition.length + added.length + removed.length + renamed.length + moved.length + changed.length === 0,
    edition,
    added,
    removed,
    renamed,
    moved,
    changed,
  };
}

/** A change of where the card is printed only: its page numbers, or a provenance that only changed page. */
function isPageChange(change: FieldChange): boolean {
  if (change.path === 'pages' || change.path === 'pdfPages') return true;
  if (!change.path.startsWith('provenance.') || change.kind !== 'changed') return false;
  const [a, b] = [change.old, change.new] as [{ page?: unknown; bbox?: unknown } | null, { page?: unknown; bbox?: unknown } | null];
  return a !== null && b !== null && JSON.stringify(a.bbox) === JSON.stringify(b.bbox);
}

function toCardRef(card: Card): CardRef {
  return { id: card.id, title: card.title, region: card.region, pages: card.pages };
}

function summarise(ds: Dataset): DatasetSummary {
  return { file: ds.source.file, sha256: ds.source.sha256, editionDate: ds.edition.date, cardCount: ds.cards.length };
}
