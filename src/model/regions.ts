/** The 18 French regions, as the dataset spells them. */
export const CANONICAL_REGIONS = [
  'Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté',
  'Bretagne',
  'Centre-Val de Loire',
  'Corse',
  'Grand Est',
  'Hauts-de-France',
  'Île-de-France',
  'Normandie',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Pays de la Loire',
  "Provence-Alpes-Côte d'Azur",
  'Guadeloupe',
  'Martinique',
  'Guyane',
  'La Réunion',
  'Mayotte',
] as const;

/** Lower case, no accents, no spaces or punctuation: "C E N T R E - VA L" and "Centre-Val" fold alike. */
export function foldCompact(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Letters that do not decompose into a base letter and accents: spelled out, so "cœur" folds to "coeur". */
const SPELLED_OUT: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Lower case, no accents, punctuation as single spaces. */
export function foldWords(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => SPELLED_OUT[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_FOLD = new Map<string, string>(CANONICAL_REGIONS.map((r) => [foldCompact(r), r]));
BY_FOLD.set('reunion', 'La Réunion');
BY_FOLD.set('paca', "Provence-Alpes-Côte d'Azur");

/** The canonical name of a region however it is printed (letter-spaced, capitals, curly apostrophe), or null. */
export function canonicalRegion(text: string): string | null {
  const folded = foldCompact(text);
  return BY_FOLD.get(folded) ?? BY_FOLD.get(folded.replace(/^region/, '')) ?? null;
}

/** ASCII lower-case slug for ids. */
export function slugify(text: string): string {
  return foldWords(text).replace(/ /g, '-');
}
