// Pairs the cards of two editions: by id, then renamed cards by a close title in the same region.
import levenshtein from 'fast-levenshtein';
import type { Card } from '../validate/schema.ts';
import { foldText } from './fold-text.ts';

/**
 * Largest normalised title distance (Levenshtein distance of the folded titles divided by
 * the longer one's length) at which two cards of the same region count as one renamed card.
 */
export const RENAME_MAX_DISTANCE = 0.25;

export interface CardPair {
  old: Card;
  new: Card;
  /** Matched by title rather than id. */
  renamed: boolean;
  titleDistance: number;
}

export interface CardMatching {
  /** In new-dataset order. */
  pairs: CardPair[];
  /** In new-dataset order. */
  added: Card[];
  /** In old-dataset order. */
  removed: Card[];
}

export function matchCards(oldCards: readonly Card[], newCards: readonly Card[]): CardMatching {
  const oldTaken = new Array<boolean>(oldCards.length).fill(false);
  const partnerOfNew = new Array<number>(newCards.length).fill(-1);
  const distanceOfNew = new Array<number>(newCards.length).fill(0);

  const oldById = new Map<string, number[]>();
  oldCards.forEach((card, i) => oldById.set(card.id, [...(oldById.get(card.id) ?? []), i]));
  newCards.forEach((card, j) => {
    const i = oldById.get(card.id)?.shift();
    if (i === undefined) return;
    oldTaken[i] = true;
    partnerOfNew[j] = i;
    distanceOfNew[j] = titleDistance(oldCards[i]!.title, card.title);
  });

  const renamedNew = new Set<number>();
  for (const candidate of findRenameCandidates(oldCards, newCards, oldTaken, partnerOfNew)) {
    if (oldTaken[candidate.oldIndex] || partnerOfNew[candidate.newIndex] !== -1) continue;
    oldTaken[candidate.oldIndex] = true;
    partnerOfNew[candidate.newIndex] = candidate.oldIndex;
    distanceOfNew[candidate.newIndex] = candidate.distance;
    renamedNew.add(candidate.newIndex);
  }

  const pairs: CardPair[] = [];
  const added: Card[] = [];
  newCards.forEach((card, j) => {
    const i = partnerOfNew[j]!;
    if (i < 0) added.push(card);
    else pairs.push({ old: oldCards[i]!, new: card, renamed: renamedNew.has(j), titleDistance: distanceOfNew[j]! });
  });
  const removed = oldCards.filter((_card, i) => !oldTaken[i]);
  return { pairs, added, removed };
}

interface RenameCandidate {
  oldIndex: number;
  newIndex: number;
  distance: number;
}

/** Every unmatched old/new pair of one region with close titles, closest first (ties in list order). */
function findRenameCandidates(
  oldCards: readonly Card[],
  newCards: readonly Card[],
  oldTaken: readonly boolean[],
  partnerOfNew: readonly number[],
): RenameCandidate[] {
  const candidates: RenameCandidate[] = [];
  oldCards.forEach((oldCard, oldIndex) => {
    if (oldTaken[oldIndex]) return;
    const region = foldText(oldCard.region);
    newCards.forEach((newCard, newIndex) => {
      if (partnerOfNew[newIndex] !== -1 || foldText(newCard.region) !== region) return;
      const distance = titleDistance(oldCard.title, newCard.title);
      if (distance <= RENAME_MAX_DISTANCE) candidates.push({ oldIndex, newIndex, distance });
    });
  });
  return candidates.sort((a, b) => a.distance - b.distance || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
}

export function titleDistance(a: string, b: string): number {
  const foldedA = foldText(a);
  const foldedB = foldText(b);
  const longest = Math.max(foldedA.length, foldedB.length);
  return longest === 0 ? 0 : levenshtein.get(foldedA, foldedB) / longest;
}
