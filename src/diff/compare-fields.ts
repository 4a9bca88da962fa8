// Building blocks of a card comparison; each appends FieldChange records to `out`.
import { alignLists } from './align-lists.ts';
import { isSameValue } from './stable-json.ts';
import type { FieldChange } from './types.ts';
import { diffWords } from './word-diff.ts';

/** Values compared as a whole: amounts, dates, statuses, enums, page numbers, emails… */
export function compareValue(path: string, oldValue: unknown, newValue: unknown, out: FieldChange[]): void {
  if (!isSameValue(oldValue, newValue)) out.push({ path, kind: 'changed', old: oldValue, new: newValue });
}

/** Running text: reported with a short word diff. */
export function compareText(path: string, oldText: string | null, newText: string | null, out: FieldChange[]): void {
  if (oldText === newText) return;
  out.push({ path, kind: 'changed', old: oldText, new: newText, words: diffWords(oldText, newText) });
}

/** An object that may be null: a null on either side makes it one whole-value change. */
export function compareNullable<T>(
  path: string,
  oldValue: T | null,
  newValue: T | null,
  out: FieldChange[],
  compareInner: (oldInner: T, newInner: T) => void,
): void {
  if (oldValue === null || newValue === null) {
    if (oldValue !== newValue) out.push({ path, kind: 'changed', old: oldValue, new: newValue });
    return;
  }
  compareInner(oldValue, newValue);
}

/**
 * Lists compared element-wise: added and removed elements are reported whole, paired
 * elements through `compareElement` with their `path[index]` prefix (new index).
 */
export function compareList<T>(
  path: string,
  oldList: readonly T[],
  newList: readonly T[],
  out: FieldChange[],
  textOf: (element: T) => string,
  compareElement: (prefix: string, oldElement: T, newElement: T) => void,
): void {
  for (const entry of alignLists(oldList, newList, textOf)) {
    if (entry.kind === 'added') out.push({ path: `${path}[${entry.newIndex}]`, kind: 'added', new: newList[entry.newIndex] });
    else if (entry.kind === 'removed') out.push({ path: `${path}[${entry.oldIndex}]`, kind: 'removed', old: oldList[entry.oldIndex] });
    else if (entry.kind === 'changed') compareElement(`${path}[${entry.newIndex}]`, oldList[entry.oldIndex]!, newList[entry.newIndex]!);
  }
}
