// The French lexicon (npm `an-array-of-french-words`, 336,524 words), read only when a document
// shows signs of damaged text mappings: a clean edition never imports this module.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** What the repair needs of a lexicon; tests may give a small one. */
export interface WordLexicon {
  /** Is this folded word (see foldWord) a French word? */
  has(folded: string): boolean;
  /** The letter triples of the folded word (with ^ and $ at its ends) that no French word has. */
  foreignTrigrams(folded: string): string[];
}

/** Lower case, and the two ligature letters written out as the lexicon writes them ("œuvre" → "oeuvre"). */
export function foldWord(word: string): string {
  return word.toLowerCase().replaceAll('œ', 'oe').replaceAll('æ', 'ae');
}

/** Builds a lexicon from a list of words; they are folded here unless the list says it already is. */
export function makeWordLexicon(words: Iterable<string>, options: { folded?: boolean } = {}): WordLexicon {
  const set = options.folded ? new Set(words) : new Set([...words].map(foldWord));
  let trigrams: TrigramSet | null = null;
  return {
    has: (folded) => set.has(folded),
    foreignTrigrams(folded) {
      // Built on first use only: a document whose every repair the word list decides never pays for it.
      trigrams ??= collectTrigrams(set);
      const s = `^${folded}$`;
      const out: string[] = [];
      for (let i = 0; i + 3 <= s.length; i++) if (!trigrams.has(s, i)) out.push(s.slice(i, i + 3));
      return out;
    },
  };
}

interface TrigramSet {
  /** Is the triple of letters of s at i found in some word ("^" and "$" stand for the word's ends)? */
  has(s: string, i: number): boolean;
}

/** Letters seen in the word list are numbered below this; a triple is one cell of a bitmap of ALPHABET³ cells. */
const ALPHABET = 128;

/** The letter triples of the words, as a bitmap over numbered letters (strings for 4 million triples would take half a second). */
function collectTrigrams(words: ReadonlySet<string>): TrigramSet {
  const ids = new Uint8Array(65536);
  const END = 1;
  let next = 2;
  const idOf = (code: number): number => {
    if (ids[code] === 0) ids[code] = next < ALPHABET ? next++ : 0;
    return ids[code]!;
  };
  const cells = new Uint8Array(ALPHABET * ALPHABET * ALPHABET);
  for (const w of words) {
    if (w.length === 0) continue;
    let a = END;
    let b = idOf(w.charCodeAt(0));
    for (let i = 1; i <= w.length; i++) {
      const c = i < w.length ? idOf(w.charCodeAt(i)) : END;
      if (a && b && c) cells[(a * ALPHABET + b) * ALPHABET + c] = 1;
      a = b;
      b = c;
    }
  }
  const idAt = (s: string, i: number): number => (s[i] === '^' && i === 0) || (s[i] === '$' && i === s.length - 1) ? END : ids[s.charCodeAt(i)]!;
  return {
    has(s, i) {
      const [a, b, c] = [idAt(s, i), idAt(s, i + 1), idAt(s, i + 2)];
      return a !== 0 && b !== 0 && c !== 0 && cells[(a * ALPHABET + b) * ALPHABET + c] === 1;
    },
  };
}

let cached: Promise<WordLexicon> | null = null;

/** The French word list of the npm package, read once per process. */
export function loadFrenchLexicon(): Promise<WordLexicon> {
  cached ??= (async () => {
    const file = createRequire(import.meta.url).resolve('an-array-of-french-words');
    // The list is in lower case and writes "oe" for "œ": it is folded already.
    const words = JSON.parse(await readFile(file, 'utf8')) as string[];
    return makeWordLexicon(words, { folded: true });
  })();
  return cached;
}
