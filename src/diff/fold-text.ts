/**
 * Folds a text for fuzzy comparison: compatibility-decomposed (ligatures split), accents
 * removed, lower case, every run of punctuation and spaces collapsed to one space.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
