// French number writing: spaces (plain, no-break, narrow no-break, thin) or dots as thousands
// separators, a comma as decimal separator. Shared by the money and counts grammars.

/** Every Unicode space becomes U+0020 and runs collapse; soft hyphens go (contract "Text" rules). */
export function unifySpaces(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/**
 * One number as written. A leading group has at most three digits, so a year followed by a
 * grouped number ("en 2019 3 100 000") never merges with it; letters or digits right before
 * ("S1", "CO2") are not numbers.
 */
export const NUMBER_SOURCE = String.raw`(?<![\p{L}\d.,])(?:\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?!\d)`;

/** The value of a string matched by NUMBER_SOURCE. A dot followed by three digits groups thousands. */
export function readFrenchNumber(written: string): number {
  const compact = written.replace(/ /g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(compact)) return Number(compact.replace(/\./g, ''));
  return Number(compact.replace(',', '.'));
}

/** Multiplications can leave binary noise (1,15 × 10⁶ = 1149999.9999999998): keep cents. */
export function roundToCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A four-digit number written like a year (no separator, 1900–2100). */
export function looksLikeYear(written: string): boolean {
  if (!/^\d{4}$/.test(written)) return false;
  const n = Number(written);
  return n >= 1900 && n <= 2100;
}
