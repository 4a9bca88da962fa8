// The grammar of calendar labels ("Décembre à février 2020", "1er semestre 2020", "Depuis mars
// 2018"): it reads a label into one or two date specs, each possibly without its year.

export type SpecUnit = 'day' | 'month' | 'season' | 'quarter' | 'semester' | 'year' | 'part';
export type Season = 'printemps' | 'ete' | 'automne' | 'hiver';
export type YearPart = 'debut' | 'mi' | 'fin';

export interface DateSpec {
  unit: SpecUnit;
  year: number | null;
  /** 1–12, for 'day' and 'month' (a bare day "4" in "du 4 au 16 décembre" has none yet). */
  month?: number | null;
  day?: number;
  season?: Season;
  /** 1–2 for semesters, 1–4 for quarters. */
  index?: number;
  part?: YearPart;
}

export type LabelShape = 'point' | 'range' | 'from' | 'until';

export interface ReadLabel {
  shape: LabelShape;
  /** The point, the range's first end, the open interval's known end. */
  first: DateSpec;
  /** The range's second end. */
  second?: DateSpec;
}

export type UnreadReason = { reason: 'unread' } | { reason: 'unknown-month'; word: string };

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2,
  mars: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};
const SEASONS: Record<string, Season> = { printemps: 'printemps', ete: 'ete', automne: 'automne', hiver: 'hiver' };
const FIRST = /^(?:1|1er|1ere|1re|premier|premiere)$/;
const ORDINALS: Record<string, number> = {
  '1': 1, '1er': 1, '1ere': 1, '1re': 1, premier: 1, premiere: 1,
  '2': 2, '2e': 2, '2eme': 2, '2nd': 2, '2nde': 2, '2d': 2, second: 2, seconde: 2, deuxieme: 2,
  '3': 3, '3e': 3, '3eme': 3, troisieme: 3,
  '4': 4, '4e': 4, '4eme': 4, quatrieme: 4, dernier: 4,
};

const MONTH_WORD = Object.keys(MONTHS).join('|');
const YEAR = String.raw`(\d{4})`;

/** Lower case, no accents, one kind of apostrophe and dash, ordinals split from the next word ("1ersemestre"). */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u00A0\u202F\u2009\u2007]/g, ' ')
    .replace(/[’‘ʼ′`]/g, "'")
    .replace(/[–—‐‑]/g, '-')
    .replace(/\b(\d)(?:\s?(ere|er|re|nde|nd|eme)|(e|d))(?=\s*[a-z])/g, '$1$2$3 ')
    .replace(/\b([a-z]{3,5})\./g, '$1')
    .replace(/[.:;,]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const OPEN_START = /^(?:depuis|des|a partir|a compter)\b\s*(?:(?:de|du|des)\b\s*|d'\s*)?/;
const OPEN_END = /^(?:jusqu'\s*(?:a|au|en|aux)?\b|d'ici(?:\s+a\b)?|au plus tard\b)\s*/;
const RANGE_OPENER = /^(?:de|du|entre)\s+/;
const SEPARATORS = [/\s+(?:a|au|jusqu'a|jusqu'au|et)\s+/g, /\s*[-\/]\s*/g];

/** A qualifier after the date, in parentheses: "Septembre 2021 (sous réserve)", "Fin 2021 (à confirmer)". */
const TRAILING_QUALIFIER = /\s*\([^()]*\)$/;

export function readDateLabel(label: string): ReadLabel | UnreadReason {
  // The qualifier stays in the label's text; the interval is the date's.
  const text = normaliseLabel(label).replace(TRAILING_QUALIFIER, '');
  if (text === '') return { reason: 'unread' };
  const from = OPEN_START.exec(text);
  if (from) return readOpen('from', text.slice(from[0].length));
  const until = OPEN_END.exec(text);
  if (until) return readOpen('until', text.slice(until[0].length));
  const whole = readSpec(text);
  if (whole) return { shape: 'point', first: whole };
  const range = readRange(text.replace(RANGE_OPENER, ''));
  return range ?? explainUnread(text);
}

function readOpen(shape: 'from' | 'until', rest: string): ReadLabel | UnreadReason {
  const spec = readSpec(rest);
  return spec ? { shape, first: spec } : explainUnread(rest);
}

function readRange(text: string): ReadLabel | null {
  for (const separator of SEPARATORS) {
    for (const match of text.matchAll(separator)) {
      const left = text.slice(0, match.index);
      const right = text.slice(match.index + match[0].length);
      const range = pairSpecs(left, right);
      if (range) return range;
    }
  }
  // "2020 2021": two full years side by side.
  const years = /^(\d{4}) (\d{4})$/.exec(text);
  return years ? pairSpecs(years[1]!, years[2]!) : null;
}

function pairSpecs(left: string, right: string): ReadLabel | null {
  const second = readSpec(right) ?? readShortYear(right, left);
  if (!second) return null;
  const bareDay = /^(\d{1,2}|1er)$/.exec(left.trim());
  if (bareDay && second.unit === 'day') {
    const day = FIRST.test(bareDay[1]!) ? 1 : Number(bareDay[1]);
    return { shape: 'range', first: { unit: 'day', year: second.year, month: second.month ?? null, day }, second };
  }
  const first = readSpec(left);
  return first ? { shape: 'range', first, second } : null;
}

/** "2019-20": a two-digit end year in the century of the first. */
function readShortYear(right: string, left: string): DateSpec | null {
  const short = /^(\d{2})$/.exec(right.trim());
  const full = /^(\d{4})$/.exec(left.trim());
  if (!short || !full) return null;
  const year = Math.floor(Number(full[1]) / 100) * 100 + Number(short[1]);
  return year > Number(full[1]) ? { unit: 'year', year } : null;
}

const ARTICLES = /^(?:(?:le|la|les|en|au|courant|dans le courant de|au cours de|durant|pendant|annee)\s+|l'\s*)+/;
const PART_WORDS: Record<string, YearPart> = { debut: 'debut', mi: 'mi', milieu: 'mi', fin: 'fin' };

export function readSpec(raw: string): DateSpec | null {
  const text = raw.trim().replace(ARTICLES, '').trim();
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${YEAR}$`).exec(text))) return { unit: 'year', year: Number(m[1]) };
  if ((m = new RegExp(`^(\\d{1,2}|1er|premier) (${MONTH_WORD})(?: (?:de |d')?${YEAR})?$`).exec(text))) {
    const day = FIRST.test(m[1]!) ? 1 : Number(m[1]);
    return { unit: 'day', year: readYear(m[3]), month: MONTHS[m[2]!]!, day };
  }
  if ((m = new RegExp(`^(${MONTH_WORD})(?: (?:de |d')?${YEAR})?$`).exec(text))) {
    return { unit: 'month', year: readYear(m[2]), month: MONTHS[m[1]!]! };
  }
  if ((m = new RegExp(`^(printemps|ete|automne|hiver)(?: (?:de |d')?${YEAR})?$`).exec(text))) {
    return { unit: 'season', year: readYear(m[2]), season: SEASONS[m[1]!]! };
  }
  // "Hiver 2019-2020", "hiver 2019/20": the one winter that spans the two years.
  if ((m = /^hiver (\d{4}) ?[-/] ?(\d{2}|\d{4})$/.exec(text)) && Number(m[2]) % 100 === (Number(m[1]) + 1) % 100) {
    return { unit: 'season', year: Number(m[1]), season: 'hiver' };
  }
  if ((m = new RegExp(`^(?:(\\S+) (semestre|trimestre)|(semestre|trimestre) (\\d)|([st])([1-4]))(?: (?:de |de l'annee )?${YEAR})?$`).exec(text))) {
    return readPeriod(m);
  }
  if ((m = /^(debut|mi|milieu|fin)(?:\s*-\s*|\s+)(?:(?:de l'annee|d'annee|de|du|d')\s*)?(.+)$/.exec(text))) {
    return readPart(PART_WORDS[m[1]!]!, m[2]!);
  }
  return null;
}

function readPeriod(m: RegExpExecArray): DateSpec | null {
  const year = readYear(m[7]);
  if (m[5]) {
    const index = Number(m[6]);
    const unit = m[5] === 's' ? 'semester' : 'quarter';
    return index <= (unit === 'semester' ? 2 : 4) ? { unit, year, index } : null;
  }
  const unit = (m[2] ?? m[3]) === 'semestre' ? 'semester' : 'quarter';
  const index = m[1] !== undefined ? ORDINALS[m[1]] : Number(m[4]);
  const last = unit === 'semester' ? 2 : 4;
  if (m[1] === 'dernier') return { unit, year, index: last };
  return index !== undefined && index >= 1 && index <= last ? { unit, year, index } : null;
}

/**
 * "début 2020", "mi-2020", "fin 2019" are parts of a year. "Début mars 2020" or "fin du 1er
 * semestre 2020" name a part of a smaller unit: we give that unit, which contains it.
 */
function readPart(part: YearPart, rest: string): DateSpec | null {
  const year = new RegExp(`^${YEAR}$`).exec(rest.trim());
  if (year) return { unit: 'part', year: Number(year[1]), part };
  const inner = readSpec(rest);
  return inner && inner.unit !== 'year' && inner.unit !== 'part' ? inner : null;
}

function readYear(written: string | undefined): number | null {
  return written === undefined ? null : Number(written);
}

/** Say which word stopped us when a label looks like "<word> <year>" with an unknown month. */
function explainUnread(text: string): UnreadReason {
  const m = /^(?:\d{1,2} )?([a-z]+) \d{4}$/.exec(text.replace(ARTICLES, ''));
  if (m && !(m[1]! in MONTHS) && !(m[1]! in SEASONS) && !(m[1]! in PART_WORDS)) return { reason: 'unknown-month', word: m[1]! };
  return { reason: 'unread' };
}
