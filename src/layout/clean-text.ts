import type { Lexicon } from '../model/layout.ts';

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};
const SUPERSCRIPTS: Record<string, string> = {
  '\u00B9': '1', '\u00B2': '2', '\u00B3': '3', '\u2070': '0', '\u2074': '4', '\u2075': '5', '\u2076': '6',
  '\u2077': '7', '\u2078': '8', '\u2079': '9', '\u1D49': 'e', '\u02B3': 'r', '\u207F': 'n', '\u1D48': 'd', '\u02E2': 's',
};
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const SOFT_HYPHEN = '\u00AD';
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;

/** Anything cleanInline would change besides the ends: most lines have none of it. */
const NEEDS_CLEANING = /[<\uFB00-\uFB06\u00B2\u00B3\u00B9\u2070-\u2079\u207F\u1D48\u1D49\u02B3\u02E2\u200B-\u200D\uFEFF\u00AD\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\n\r\f\v]| {2}|\d\s+(?:er|re|nd|e|ème)\b/;

/** Cleans the text of one line: spaces, ligatures, superscripts and stray markup, as the contract says. */
export function cleanInline(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(/<\/?su[pb]>/gi, '')
    .replace(/\s+(?=(?:er|re|nd|e|ème)\b)/g, (m, offset: number, all: string) => (/\d$/.test(all.slice(0, offset)) ? '' : m))
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00B9\u00B2\u00B3\u2070\u2074-\u2079\u1D49\u02B3\u207F\u1D48\u02E2]/g, (c) => SUPERSCRIPTS[c] ?? c)
    .replace(ZERO_WIDTH, '')
    .replaceAll(SOFT_HYPHEN, '')
    .replace(SPACES, ' ')
    .trim();
}

const lastWord = (s: string) => /([\p{L}\p{N}'’-]+)$/u.exec(s)?.[1] ?? '';
const firstWord = (s: string) => /^([\p{L}\p{N}'’-]+)/u.exec(s)?.[1] ?? '';

/**
 * Joins wrapped lines with single spaces. A line-end hyphen that only splits a word is removed;
 * a real one ("Auvergne-Rhône-Alpes", "co-construction") is kept. The document's own words decide.
 */
export function joinLines(lines: readonly string[], lexicon: Lexicon): string {
  let out = '';
  let prevRaw = '';
  for (const raw of lines) {
    const line = cleanInline(raw);
    if (line === '') continue;
    const soft = prevRaw.trimEnd().endsWith(SOFT_HYPHEN);
    prevRaw = raw;
    if (out === '') {
      out = line;
      continue;
    }
    if (soft) {
      out += line;
    } else if (/\p{L}-$/u.test(out) && /^\p{L}/u.test(line)) {
      out = joinHyphenated(out, line, lexicon);
    } else if (/[/'’]$/.test(out) && !/ [/]$/.test(out)) {
      out += line; // "https://" or an elided article broken at the line end
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

function joinHyphenated(before: string, after: string, lexicon: Lexicon): string {
  const verdict = judgeLineEndHyphen(lastWord(before.slice(0, -1)), firstWord(after), lexicon);
  return verdict === 'split' ? before.slice(0, -1) + after : before + after;
}

/**
 * Is "left-" / "right" a word broken by typesetting ("forma-" / "tion") or a real compound
 * ("co-" / "construction")? The document's own words decide: a compound it prints whole, a word
 * it prints whole, a compound chain going on ("Isle-sur-" / "la-Sorgue", "c'est-à-" / "dire"), a
 * known compound's first part before one of its words ("socio-" / "professionnels"). When none
 * says, whether the document breaks words at line ends at all decides.
 */
export function judgeLineEndHyphen(left: string, right: string, lexicon: Lexicon): 'split' | 'compound' {
  const word = left.replace(/^.*['’]/u, '');
  const tail = (word.split('-').pop() ?? word).toLowerCase();
  const head = (right.split('-')[0] ?? right).toLowerCase();
  if (lexicon.hyphenated.has(`${tail}-${head}`)) return 'compound';
  if (printsWord(lexicon, `${tail}${head}`)) return 'split';
  if (word.includes('-') || right.includes('-')) return 'compound';
  if (/^\p{Lu}/u.test(right)) return 'compound';
  if (findCompoundHeads(lexicon).has(tail) && lexicon.words.has(head)) return 'compound';
  return lexicon.breaksWords ? 'split' : 'compound';
}

/** The document prints the word whole, or its plural or singular ("bénéficiaire" / "bénéficiaires"). */
function printsWord(lexicon: Lexicon, word: string): boolean {
  return lexicon.words.has(word) || lexicon.words.has(`${word}s`) || (word.endsWith('s') && lexicon.words.has(word.slice(0, -1)));
}

const compoundHeads = new WeakMap<ReadonlySet<string>, Set<string>>();

/** The first parts of the compounds a document prints ("socio" of "socio-économique"). */
function findCompoundHeads(lexicon: Lexicon): Set<string> {
  let heads = compoundHeads.get(lexicon.hyphenated);
  if (!heads) {
    heads = new Set([...lexicon.hyphenated].map((pair) => pair.split('-')[0]!));
    compoundHeads.set(lexicon.hyphenated, heads);
  }
  return heads;
}

/**
 * Whether a document breaks words at line ends: among its wrapped lines ending in a hyphen, more
 * whose joined word it prints whole elsewhere ("formation") than whose compound it prints elsewhere.
 */
export function detectWordBreaking(wraps: Iterable<[string, string]>, lexicon: Lexicon): boolean {
  let split = 0;
  let compound = 0;
  for (const [line, next] of wraps) {
    const a = cleanInline(line);
    const b = cleanInline(next);
    if (!/\p{L}-$/u.test(a) || !/^\p{Ll}/u.test(b)) continue;
    const word = lastWord(a.slice(0, -1)).replace(/^.*['’]/u, '');
    const left = (word.split('-').pop() ?? word).toLowerCase();
    const head = (firstWord(b).split('-')[0] ?? '').toLowerCase();
    if (lexicon.hyphenated.has(`${left}-${head}`)) compound++;
    else if (printsWord(lexicon, `${left}${head}`)) split++;
  }
  return split > compound;
}

/** Collects the words of the document's lines, and its hyphenated compounds, to guide joinLines. */
export function buildLexicon(lines: Iterable<string>): Lexicon {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const raw of lines) {
    const text = cleanInline(raw).toLowerCase();
    const tokens = text.split(/[^\p{L}\p{N}-]+/u);
    // The last token may be broken by the line end: it does not count as seen whole.
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!.replace(/^-+|-+$/g, '');
      if (t === '') continue;
      words.add(t);
      const parts = t.split('-');
      for (let j = 0; j + 1 < parts.length; j++) if (parts[j] && parts[j + 1]) hyphenated.add(`${parts[j]}-${parts[j + 1]}`);
    }
  }
  return { words, hyphenated };
}
