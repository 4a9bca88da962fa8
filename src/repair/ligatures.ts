// The ligatures a damaged Unicode map can hide behind one wrong character.

/** What a damaged character can stand for, folded as the lexicon writes it ("oe" is "œ"). */
export const LIGATURES = ['fi', 'fl', 'ff', 'ffi', 'ffl', 'oe'] as const;
export type Ligature = (typeof LIGATURES)[number];
/** How a ligature is printed back into the text. */
export const PRINTED: Record<Ligature, string> = { fi: 'fi', fl: 'fl', ff: 'ff', ffi: 'ffi', ffl: 'ffl', oe: 'œ' };

/** Shortest word that counts as evidence: shorter ones ("en" / "fin") match a ligature by chance. */
export const MIN_EVIDENCE_LETTERS = 4;

/** The letters of the ligatures and the ligature letters themselves: never taken for damage. */
const LIGATURE_LETTERS = new Set([...new Set(LIGATURES.join('') + 'œæ')].flatMap((c) => [c, c.toUpperCase()]));
export const couldBeLigature = (char: string): boolean => LIGATURE_LETTERS.has(char);
