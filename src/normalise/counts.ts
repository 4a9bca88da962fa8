// Counts in the beneficiaries and other key-figure boxes: "Plus de 700 personnes formées par an".
import type { DiagnosticDraft } from '../model/diagnostics.ts';
import type { Beneficiaries, Count } from '../validate/schema.ts';
import { looksLikeYear, NUMBER_SOURCE, readFrenchNumber, roundToCents, unifySpaces } from './french-number.ts';
import { dropLabelAtEnd, readLabelBefore, readPhraseAfter, readPhraseBefore } from './phrase.ts';

interface NumberMatch {
  value: number;
  written: string;
  start: number;
  end: number;
}

const NUMBER = new RegExp(NUMBER_SOURCE, 'gu');

/** "1,5 million de visiteurs", "2 milliers d'entrées". */
const SCALE = /^\s+(millions?|milliards?|milliers?|mille)(?:\s+de\s+|\s+d['’]|(?![\p{L}]))/iu;
const SCALES: Record<string, number> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, millier: 1e3, milliers: 1e3, mille: 1e3 };

const MONTH_AFTER = /^\s*(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b/iu;
/** Not counts: percentages, money, ordinals ("1er", "2nd"), durations and ages ("sur 3 ans", "6 mois"). */
const NOT_A_COUNT_AFTER = /^(?:\s*(?:%|pour\s*cent|euros?(?![\p{L}])|€|k€|M€)|(?:er|re|ère|ere|nde?|e|ème|eme)(?![\p{L}])|\s+(?:ans?|mois)(?![\p{L}]))/iu;
/** What may follow a year: a separator, a clause end, a linking word, or nothing. */
const AFTER_YEAR = /^(?:\s*(?:[-–—/:,;.)]|$)|\s+(?:et|à|au|pour|dont|en|avec|sur|puis|ou|\d))/iu;
const BEFORE_YEAR = /(?:^|\s)(?:en|depuis|dès|des|pour|sur|d['’]ici|avant|après|objectifs?|année|ann[ée]es?|fin|début|mi|entre|et|à|de|du|au|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)[\s-]*$/iu;
/** "entre 3 000 et 3 500", "10 à 15", "3 500 / 4 000": both numbers count what follows the second. */
const PAIR_JOIN = /^\s*(?:à|et|ou|-|–|\/)\s*$/u;

/**
 * Every count of the box, in order. A count's context is what is counted: the phrase after it
 * up to the next count or clause boundary ("Plus de 700 personnes formées par an" → "personnes
 * formées par an"), else the phrase before it; a label before it is added in brackets
 * ("DECLIC : 1 100 personnes" → "personnes (DECLIC)"). Both numbers of a pair ("entre 3 000
 * et 3 500", "10 à 15 offres") are kept and share the context of the second. Years, percentages,
 * euro amounts, days of dates, ordinals and durations in years or months are not counts.
 */
export function parseCounts(text: string): Count[] {
  const clean = unifySpaces(text);
  const numbers = findCountNumbers(clean);
  const counts: Count[] = [];
  let previousEnd = 0;
  for (const [i, n] of numbers.entries()) {
    const next = numbers[i + 1];
    const gapAfter = clean.slice(n.end, next ? next.start : clean.length);
    const before = clean.slice(previousEnd, n.start);
    const label = readLabelBefore(before);
    const phrase = readPhraseAfter(dropLabelAtEnd(gapAfter)) || (i === 0 ? readPhraseBefore(before) : '');
    counts.push({ value: n.value, context: label ? (phrase ? `${phrase} (${label})` : label) : phrase });
    previousEnd = n.end;
  }
  for (let i = numbers.length - 2; i >= 0; i--) {
    const gap = clean.slice(numbers[i]!.end, numbers[i + 1]!.start);
    if (PAIR_JOIN.test(gap) && numbers[i]!.value <= numbers[i + 1]!.value) {
      const shared = counts[i + 1]!.context || counts[i]!.context;
      counts[i]!.context = shared;
      counts[i + 1]!.context = shared;
    }
  }
  return counts;
}

function findCountNumbers(clean: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const m of clean.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = clean.slice(end);
    const before = clean.slice(0, start);
    if (NOT_A_COUNT_AFTER.test(after) || MONTH_AFTER.test(after)) continue;
    if (isYear(m[0], before, after)) continue;
    const scale = SCALE.exec(after);
    if (scale && NOT_A_COUNT_AFTER.test(after.slice(scale[0].length))) continue;
    const factor = scale ? (SCALES[scale[1]!.toLowerCase()] ?? 1) : 1;
    found.push({ value: roundToCents(readFrenchNumber(m[0]) * factor), written: m[0], start, end: end + (scale ? scale[0].length : 0) });
  }
  return dropMoneyAndAgeRanges(clean, found);
}

/** "2019" is a year when a date word comes before it or nothing that is counted comes after it. */
function isYear(written: string, before: string, after: string): boolean {
  if (!looksLikeYear(written)) return false;
  return BEFORE_YEAR.test(before) || /\d{4}\s*[-–—/]\s*$/u.test(before) || AFTER_YEAR.test(after);
}

/** "de 24 à 59 ans", "entre 390 et 930 euros": the first number goes with the excluded second. */
function dropMoneyAndAgeRanges(clean: string, found: NumberMatch[]): NumberMatch[] {
  return found.filter((n) => {
    const pair = /^\s*(?:à|et|-|–)\s*(\S+(?: \d{3})*)/u.exec(clean.slice(n.end));
    if (!pair) return true;
    const rest = clean.slice(n.end + pair[0].length);
    return !NOT_A_COUNT_AFTER.test(rest);
  });
}

export function parseBeneficiaries(text: string): { beneficiaries: Beneficiaries; diagnostics: DiagnosticDraft[] } {
  const numbers = parseCounts(text);
  const diagnostics: DiagnosticDraft[] =
    numbers.length === 0
      ? [{ code: 'normalise/no-count', severity: 'info', message: `no count in the beneficiaries box: "${unifySpaces(text)}"` }]
      : [];
  return { beneficiaries: { text, numbers }, diagnostics };
}
