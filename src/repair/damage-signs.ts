// Signs of damaged text mappings, from the document's own words: cheap enough for every run.
import { foldWord } from './french-lexicon.ts';
import { couldBeLigature, LIGATURES, MIN_EVIDENCE_LETTERS } from './ligatures.ts';

/** Signs of damage: distinct words that the document also prints with a ligature in place of one character... */
export const MIN_SIGN_WORDS = 3;
/** ... and that share of the distinct words holding that character (a common letter matches by chance now and then). */
export const MIN_SIGN_SHARE = 0.05;
/**
 * Or "fi" is missing: French spells many words with it (-fication, -fier, financ-, afin,
 * bénéfic-, spécifique); 3.6 % of the 2020 edition's distinct words of 4 letters or more hold it,
 * 0.8 % once Ghostscript has damaged its map. Below this share the ligature is likely misread...
 */
export const MIN_FI_SHARE = 0.015;
/** ... when the document has this many distinct words at least (an edition has ~3,700, one card ~300). */
export const MIN_WORDS_FOR_FI_SHARE = 1000;

/**
 * Cheap signs, from the document alone: some character stands, in several words, where the
 * document prints those words elsewhere with a ligature ("qualiûcation" / "qualification").
 * Or too few words hold "fi" at all. Words shorter than MIN_EVIDENCE_LETTERS are not looked at.
 */
export function showsSignsOfDamage(allWords: Iterable<string>): boolean {
  const words = [...new Set(allWords)].filter((w) => w.length >= MIN_EVIDENCE_LETTERS);
  return isFiMissing(words) || hasWordsPrintedBothWays(words);
}

/** Too few of the document's words hold "fi" for a French text of its size. */
function isFiMissing(words: readonly string[]): boolean {
  const letterWords = words.filter((w) => /^\p{L}+$/u.test(w));
  if (letterWords.length < MIN_WORDS_FOR_FI_SHARE) return false;
  return letterWords.filter((w) => /fi/i.test(w)).length < MIN_FI_SHARE * letterWords.length;
}

function hasWordsPrintedBothWays(words: readonly string[]): boolean {
  // Words the document prints with a ligature, with the ligature's place blanked: "quali\0cation".
  const blanked = new Set<string>();
  for (const raw of words) {
    if (!/[fF][fFiIlL]|[oO][eE]|[œŒæÆ]/.test(raw)) continue;
    const w = foldWord(raw);
    for (const lig of LIGATURES)
      for (let at = w.indexOf(lig); at >= 0; at = w.indexOf(lig, at + 1)) blanked.add(`${w.slice(0, at)}\u0000${w.slice(at + lig.length)}`);
  }
  if (blanked.size === 0) return false;
  // Per character (case kept: "T" is not "t"): distinct words holding it, and those confirmed.
  const distinct = new Map<string, number>();
  const confirmed = new Map<string, number>();
  for (const text of words) {
    const lower = text.toLowerCase();
    if (lower.length !== text.length) continue;
    const fold = /[œæ]/.test(lower) ? foldWord : (w: string) => w;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (couldBeLigature(c)) continue;
      distinct.set(c, (distinct.get(c) ?? 0) + 1);
      if (blanked.has(fold(`${lower.slice(0, i)}\u0000${lower.slice(i + 1)}`))) confirmed.set(c, (confirmed.get(c) ?? 0) + 1);
    }
  }
  for (const [c, n] of confirmed) if (n >= MIN_SIGN_WORDS && n >= MIN_SIGN_SHARE * distinct.get(c)!) return true;
  return false;
}
