// Aligns two lists of elements (blocks, contacts, calendar entries…) so that an insertion
// does not show up as a change of every element after it.
import { foldText } from './fold-text.ts';
import { stableJson } from './stable-json.ts';

export type AlignedEntry =
  | { kind: 'same' | 'changed'; oldIndex: number; newIndex: number }
  | { kind: 'added'; newIndex: number }
  | { kind: 'removed'; oldIndex: number };

/** Elements between two unchanged ones are paired as "changed" when their texts share at least this share of words (Dice). */
export const PAIRING_SIMILARITY = 0.5;

/**
 * Unchanged elements are matched by a longest common subsequence of exact equality; the
 * leftovers between them are paired in order when `textOf` gives similar texts, and are
 * otherwise reported as added or removed. Entries come in list order.
 */
export function alignLists<T>(oldList: readonly T[], newList: readonly T[], textOf: (element: T) => string): AlignedEntry[] {
  const oldKeys = oldList.map(stableJson);
  const newKeys = newList.map(stableJson);
  const anchors = matchEqual(oldKeys, newKeys);
  const entries: AlignedEntry[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [oldList.length, newList.length] as const]) {
    entries.push(...pairGap(oldList, newList, i, ai, j, aj, textOf));
    if (ai < oldList.length) entries.push({ kind: 'same', oldIndex: ai, newIndex: aj });
    i = ai + 1;
    j = aj + 1;
  }
  return entries;
}

function matchEqual(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function pairGap<T>(
  oldList: readonly T[],
  newList: readonly T[],
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
  textOf: (element: T) => string,
): AlignedEntry[] {
  const entries: AlignedEntry[] = [];
  let j = newFrom;
  for (let i = oldFrom; i < oldTo; i++) {
    const oldText = textOf(oldList[i]!);
    let match = -1;
    for (let k = j; k < newTo; k++) {
      if (similarity(oldText, textOf(newList[k]!)) >= PAIRING_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      entries.push({ kind: 'removed', oldIndex: i });
      continue;
    }
    for (; j < match; j++) entries.push({ kind: 'added', newIndex: j });
    entries.push({ kind: 'changed', oldIndex: i, newIndex: match });
    j = match + 1;
  }
  for (; j < newTo; j++) entries.push({ kind: 'added', newIndex: j });
  return entries;
}

/** Dice coefficient of the two folded texts' word multisets (1 for two empty texts). */
export function similarity(a: string, b: string): number {
  const wordsA = foldText(a).split(' ').filter((w) => w !== '');
  const wordsB = foldText(b).split(' ').filter((w) => w !== '');
  if (wordsA.length === 0 && wordsB.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wordsA) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wordsB) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wordsA.length + wordsB.length);
}
