// A run that knows when it read badly: counts of suspicious results over the whole edition, as
// rates, turned into warnings above documented levels (README, "Self-check").
import { makeDiagnostic } from '../model/diagnostics.ts';
import { foldWord, type WordLexicon } from '../repair/french-lexicon.ts';
import type { Card, Diagnostic } from './schema.ts';

/** One measure of the self-check, as the run report shows it. */
export interface SelfCheckMeasure {
  /** The diagnostic code it raises: `validate/<measure>`. */
  code: string;
  /** What is counted, of what. */
  what: string;
  count: number;
  total: number;
  /** count / total; null when not measured (too few to count, or no lexicon). */
  rate: number | null;
  /** The rate in a well-read edition (the reviewed 2020 edition). */
  normal: number;
  /** Above this rate the run warns. */
  level: number;
  tripped: boolean;
}

export interface SelfCheckInput {
  cards: readonly Card[];
  /** The French lexicon when the run read it (a document with signs of damaged text); else words are not measured. */
  lexicon: WordLexicon | null;
}

/** Fewer things than this to count, and a rate says nothing (a fixture of one card has three timeline steps). */
export const MIN_SAMPLE = 50;

interface MeasureSpec {
  code: string;
  what: string;
  normal: number;
  level: number;
  /** What a high rate usually means, for the message. */
  hint: string;
}

// Normal rates measured on the reviewed 2020 edition (fixtures/full-edition/expected.json).
export const SELF_CHECK_LEVELS = {
  /** List items and paragraphs of one or two words: 10 of 1,496 in 2020 ("Bac +2", a lone label). */
  shortBlocks: { code: 'validate/short-blocks', what: 'list items and paragraphs of one or two words', normal: 0.007, level: 0.03, hint: 'lines may have been cut at wide word spaces (justified text) or columns mixed' },
  /** Timeline steps whose label is not a readable date: none of 268 in 2020. */
  unreadSteps: { code: 'validate/unread-steps', what: 'timeline steps without a readable date label', normal: 0, level: 0.02, hint: 'timeline columns may have been joined or split' },
  /** Words (3 letters or more, not in capitals) the lexicon does not know: 3.0 % in 2020 (names, "plateforme", "sourcing"). */
  unknownWords: { code: 'validate/unknown-words', what: 'words outside the French lexicon', normal: 0.03, level: 0.045, hint: 'the text may be damaged (wrong characters for ligatures)' },
  /** Side boxes with neither a label nor a kind read from their text: 9 of 348 in 2020. */
  unlabelledBoxes: { code: 'validate/unlabelled-boxes', what: 'side boxes without a label or a known kind', normal: 0.026, level: 0.1, hint: 'box labels may have been lost (font weight not read) or boxes merged' },
  /** Cards with no side box at all: 1 of 117 in 2020. */
  cardsWithoutBoxes: { code: 'validate/cards-without-boxes', what: 'cards without any side box', normal: 0.009, level: 0.05, hint: 'the side column may not have been found' },
} as const satisfies Record<string, MeasureSpec>;

/** Measures the edition's reading and warns, once per measure, when a rate is above its level. */
export function checkReading(input: SelfCheckInput): { measures: SelfCheckMeasure[]; diagnostics: Diagnostic[] } {
  const { cards, lexicon } = input;
  const L = SELF_CHECK_LEVELS;
  const blocks = cards.flatMap((c) => [...c.objectives, ...c.plusValues, ...c.presentation]).filter((b) => b.kind !== 'heading');
  const steps = cards.flatMap((c) => c.calendar);
  const boxes = cards.flatMap((c) => c.keyFigures);
  const measures = [
    measure(L.shortBlocks, blocks.filter((b) => countWords(b.text) <= 2).length, blocks.length),
    measure(L.unreadSteps, steps.filter((s) => s.precision === null || s.label.trim() === '').length, steps.length),
    lexicon ? measureUnknownWords(cards, lexicon) : { ...measure(L.unknownWords, 0, 0), rate: null },
    measure(L.unlabelledBoxes, boxes.filter((b) => b.label === null && b.kind === 'other').length, boxes.length),
    measure(L.cardsWithoutBoxes, cards.filter((c) => c.keyFigures.length === 0).length, cards.length),
  ];
  const diagnostics = measures.filter((m) => m.tripped).map((m) => {
    const spec = Object.values(L).find((s) => s.code === m.code)!;
    return makeDiagnostic(
      m.code,
      'warning',
      `${m.count} of ${m.total} ${m.what} (${percent(m.rate!)}): a well-read edition has about ${percent(m.normal)}, this warns above ${percent(m.level)}; ${spec.hint}`,
    );
  });
  return { measures, diagnostics };
}

function measure(spec: MeasureSpec, count: number, total: number): SelfCheckMeasure {
  const rate = total >= MIN_SAMPLE ? count / total : null;
  return { code: spec.code, what: spec.what, count, total, rate, normal: spec.normal, level: spec.level, tripped: rate !== null && rate > spec.level };
}

const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Words of 3 letters or more, not in capitals (acronyms), that the lexicon does not know. */
function measureUnknownWords(cards: readonly Card[], lexicon: WordLexicon): SelfCheckMeasure {
  let total = 0;
  let unknown = 0;
  for (const c of cards) {
    const texts = [c.title, c.tagline ?? '', ...[...c.objectives, ...c.plusValues, ...c.presentation].map((b) => b.text), ...c.calendar.map((s) => s.text), ...c.keyFigures.map((k) => `${k.label ?? ''} ${k.text}`)];
    for (const text of texts)
      for (const word of text.match(/\p{L}+/gu) ?? []) {
        if (word.length < 3 || word === word.toUpperCase()) continue;
        total++;
        if (!lexicon.has(foldWord(word))) unknown++;
      }
  }
  return measure(SELF_CHECK_LEVELS.unknownWords, unknown, total);
}

const percent = (rate: number): string => `${(Math.round(rate * 1000) / 10).toLocaleString('en-GB')} %`;
