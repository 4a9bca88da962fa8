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
  let trigrams: Set<string> | null = null;
  return {
    has: (folded) => set.has(folded),
    foreignTrigrams(folded) {
      // Built on first use only: a document whose every repair the word list decides never pays for it.
      trigrams ??= collectTrigrams(set);
      const s = `^${folded}$`;
      const out: string[] = [];
      for (let i = 0; i + 3 <= s.length; i++) if (!trigrams.has(s.slice(i, i + 3))) out.push(s.slice(i, i + 3));
      return out;
    },
  };
}

function collectTrigrams(words: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const s = `^${w}$`;
    for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  }
  return out;
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
